package org.oscnet.plot;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of the hardware: accuracy against phase width, resources against network size. */
public final class HardwarePlots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private HardwarePlots() {
    }

    /** One point of a sweep: x and y. */
    public record Point(double x, double y) {
    }

    /** Fixed-point test accuracy against phase width, with the float simulator's as a line. */
    public static byte[] phaseSweep(String network, List<Point> points, double floatAccuracy, int chosenBits) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(network + ": test accuracy against phase width (chosen: " + chosenBits + " bits)")
                .xAxisTitle("phase width (bits)").yAxisTitle("test accuracy").build();
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        double[] y = points.stream().mapToDouble(Point::y).toArray();
        chart.addSeries("fixed point (hardware)", x, y);
        XYSeries reference = chart.addSeries("float simulator", new double[] {x[0], x[x.length - 1]},
                new double[] {floatAccuracy, floatAccuracy});
        reference.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return TrainingPlots.png(chart);
    }

    /**
     * Monte-Carlo device spread: mean test accuracy against relative spread (log axis), with and
     * without per-oscillator calibration, and the nominal device's accuracy as a line.
     */
    public static byte[] deviceSpread(String network, double[] spreads, double[] uncalibrated, double[] calibrated,
            double nominal) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(network + ": test accuracy against STNO spread (mean over trials)")
                .xAxisTitle("relative spread of f0, N and I_th").yAxisTitle("test accuracy").build();
        double[] percent = java.util.Arrays.stream(spreads).toArray();
        chart.addSeries("nominal DAC codes (uncalibrated)", percent, uncalibrated);
        chart.addSeries("per-oscillator calibration", percent, calibrated);
        XYSeries reference = chart.addSeries("nominal devices", new double[] {percent[0], percent[percent.length - 1]},
                new double[] {nominal, nominal});
        reference.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(1.0);
        return TrainingPlots.png(chart);
    }

    /** Resources (one series per kind) against oscillator count, log-log. */
    public static byte[] resources(String title, double[] oscillators, java.util.Map<String, double[]> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("oscillators").yAxisTitle("count").build();
        series.forEach((name, values) -> chart.addSeries(name, oscillators, values));
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        return TrainingPlots.png(chart);
    }
}
