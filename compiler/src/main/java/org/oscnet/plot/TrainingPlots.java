package org.oscnet.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.oscnet.model.Dataset;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Samples;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.train.Readout;
import org.oscnet.train.TrainedKuramoto;

/** PNG plots of a trained Kuramoto classifier, as bytes for the output folder. */
public final class TrainingPlots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;
    private static final int TRACE_BLOCKS = 200;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrainingPlots() {
    }

    /** Training loss and accuracy per iteration. */
    public static byte[] curves(TrainedKuramoto trained) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Training of " + trained.network())
                .xAxisTitle("iteration").yAxisTitle("loss").build();
        double[] iterations = IntStream.rangeClosed(1, trained.lossCurve().size()).asDoubleStream().toArray();
        XYSeries loss = chart.addSeries("loss", iterations, unbox(trained.lossCurve()));
        loss.setMarker(SeriesMarkers.NONE);
        XYSeries accuracy = chart.addSeries("train accuracy", iterations, unbox(trained.accuracyCurve()));
        accuracy.setMarker(SeriesMarkers.NONE);
        accuracy.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "accuracy");
        chart.getStyler().setYAxisMin(1, 0.0).setYAxisMax(1, 1.0);
        return png(chart);
    }

    /**
     * For two-feature tasks, the input plane: where the first output pair synchronises (D ≤ 1,
     * simulated on a {@code grid × grid} lattice), with the test examples on top.
     */
    public static byte[] responseMap(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            KuramotoSimulator simulator, long seed, int grid) {
        double[] x = new double[grid * grid * 2];
        for (int j = 0; j < grid; j++) {
            for (int i = 0; i < grid; i++) {
                x[2 * (j * grid + i)] = i / (grid - 1.0);
                x[2 * (j * grid + i) + 1] = j / (grid - 1.0);
            }
        }
        int rows = grid * grid;
        double[] mean = simulator.meanFrequencies(trained.natural(network, x, rows), rows, seed, 1L << 41);
        KuramotoNetwork.OutputPair pair = network.outputs().get(0);
        Readout readout = new Readout(network);
        List<Double> syncX = new ArrayList<>();
        List<Double> syncY = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (readout.distance(mean, r, 0) <= 1.0) {
                syncX.add(x[2 * r]);
                syncY.add(x[2 * r + 1]);
            }
        }
        XYChart chart = new XYChartBuilder().width(HEIGHT + 120).height(HEIGHT)
                .title(network.name() + ": pair (" + pair.first() + ", " + pair.second() + ") synchronised (shaded)")
                .xAxisTitle("feature 0 (scaled)").yAxisTitle("feature 1 (scaled)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        if (!syncX.isEmpty()) {
            XYSeries region = chart.addSeries("synchronised (D <= 1)", syncX, syncY);
            region.setMarker(new Tile(12));
            region.setMarkerColor(new Color(255, 200, 120));
        }
        Samples test = dataset.test().size() > 0 ? dataset.test() : dataset.train();
        for (boolean positive : new boolean[] {true, false}) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int r = 0; r < test.size(); r++) {
                if ((test.label(r) == pair.syncClass()) == positive) {
                    px.add(test.feature(r, 0));
                    py.add(test.feature(r, 1));
                }
            }
            if (!px.isEmpty()) {
                String name = positive ? "class " + dataset.classNames().get(pair.syncClass()) : "other classes";
                XYSeries series = chart.addSeries(name, px, py);
                series.setMarker(positive ? SeriesMarkers.CIRCLE : SeriesMarkers.CROSS);
                series.setMarkerColor(positive ? new Color(30, 90, 200) : new Color(60, 60, 60));
            }
        }
        return png(chart);
    }

    /**
     * A filled square of a fixed size in pixels, whatever the chart's marker size: the
     * synchronised grid points of a response map, large enough to tile into a shaded region
     * under the smaller example markers.
     */
    private static final class Tile extends org.knowm.xchart.style.markers.Marker {
        private final int pixels;

        Tile(int pixels) {
            this.pixels = pixels;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.fill(new java.awt.geom.Rectangle2D.Double(xOffset - pixels / 2.0, yOffset - pixels / 2.0, pixels, pixels));
        }
    }

    /** Frequencies of every oscillator over the run, for up to four test examples. */
    public static byte[] traces(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            KuramotoSimulator simulator, long seed) {
        Samples samples = dataset.test().size() > 0 ? dataset.test() : dataset.train();
        int pick = Math.min(4, samples.size());
        int n = network.oscillators();
        double duration = network.simulation().duration();
        List<XYChart> charts = new ArrayList<>();
        for (int e = 0; e < pick; e++) {
            int row = e * samples.size() / pick;
            double[] natural = trained.natural(network, samples.row(row), 1);
            double[] trace = simulator.frequencyTrace(natural, 0, seed, 1L << 42, TRACE_BLOCKS);
            XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT / 2)
                    .title("example " + row + " (" + dataset.classNames().get(samples.label(row)) + "), oscillators 0.."
                            + (n - 1))
                    .xAxisTitle("time (us)").yAxisTitle("frequency (MHz)").build();
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setXAxisDecimalPattern("0.0#");
            chart.getStyler().setYAxisDecimalPattern("0");
            double[] t = IntStream.range(0, TRACE_BLOCKS).mapToDouble(b -> (b + 0.5) * duration / TRACE_BLOCKS * 1e6)
                    .toArray();
            for (int i = 0; i < n; i++) {
                final int osc = i;
                double[] f = IntStream.range(0, TRACE_BLOCKS).mapToDouble(b -> trace[b * n + osc] / 1e6).toArray();
                chart.addSeries("osc " + i, t, f).setMarker(SeriesMarkers.NONE);
            }
            charts.add(chart);
        }
        return grid(charts, WIDTH, HEIGHT);
    }

    /** Up to four charts of half the size, two by two on one white image. */
    static byte[] grid(List<XYChart> charts, int width, int height) {
        BufferedImage grid = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int e = 0; e < charts.size(); e++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(e)), (e % 2) * width / 2, (e / 2) * height / 2, null);
        }
        g.dispose();
        return png(grid);
    }

    /** Test-set confusion matrix (rows: true class, columns: predicted). */
    public static byte[] confusion(Dataset dataset, TrainedKuramoto trained) {
        int[][] matrix = trained.confusion();
        List<String> names = matrix.length == dataset.classCount() ? dataset.classNames() : List.of("other", "class");
        return confusion(trained.network(), matrix, names);
    }

    /** A confusion matrix {@code [true][predicted]} over {@code names}, counts written in the cells. */
    public static byte[] confusion(String network, int[][] matrix, List<String> names) {
        HeatMapChart chart = new HeatMapChartBuilder().width(HEIGHT + 120).height(HEIGHT)
                .title(network + ": test confusion (rows true, columns predicted)").build();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < matrix.length; t++) {
            for (int p = 0; p < matrix.length; p++) {
                cells.add(new Number[] {p, matrix.length - 1 - t, matrix[t][p]});
            }
        }
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        chart.getStyler().setShowValue(true);
        chart.addSeries("count", names, reversed, cells);
        return png(chart);
    }

    static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static byte[] png(Chart<?, ?> chart) {
        return png(BitmapEncoder.getBufferedImage(chart));
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
