package org.oscnet.reproduce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Plots of the reproduction report. */
final class ReportPlots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportPlots() {
    }

    static byte[] robustness(List<Paper1.NoiseRow> rows) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title("Iris versicolor under phase noise")
                .xAxisTitle("linewidth (MHz)").yAxisTitle("test accuracy (%)").build();
        double[] x = rows.stream().mapToDouble(r -> r.linewidthHz() / 1e6).toArray();
        chart.addSeries("mean over trials", x, rows.stream().mapToDouble(Paper1.NoiseRow::meanPercent).toArray());
        chart.addSeries("worst trial", x, rows.stream().mapToDouble(Paper1.NoiseRow::worstPercent).toArray());
        chart.addSeries("paper at 1 MHz: mean", new double[] {1}, new double[] {94.6});
        chart.addSeries("paper at 1 MHz: worst", new double[] {1}, new double[] {90});
        chart.getStyler().setYAxisMin(50.0).setYAxisMax(100.0);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
