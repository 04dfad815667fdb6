package org.oscnet.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.oscnet.model.Dataset;
import org.oscnet.model.Samples;
import org.oscnet.sim.RecurrentSimulator;
import org.oscnet.train.TrainedRecurrent;

/** PNG plots of a trained recurrent ({@code stno_rnn}) network. */
public final class RecurrentPlots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;
    /** Output neurons drawn per digit in the trace plot. */
    private static final int TRACED_NEURONS = 8;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private RecurrentPlots() {
    }

    /** Train and test loss and accuracy per epoch (the paper's figure 5). */
    public static byte[] curves(TrainedRecurrent trained) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Training of " + trained.network())
                .xAxisTitle("epoch").yAxisTitle("NLL loss").build();
        double[] epochs = IntStream.rangeClosed(1, trained.trainLossCurve().size()).asDoubleStream().toArray();
        line(chart, "train loss", epochs, TrainingPlots.unbox(trained.trainLossCurve()), 0);
        line(chart, "test loss", epochs, TrainingPlots.unbox(trained.testLossCurve()), 0);
        line(chart, "train accuracy", epochs, TrainingPlots.unbox(trained.trainAccuracyCurve()), 1);
        line(chart, "test accuracy", epochs, TrainingPlots.unbox(trained.testAccuracyCurve()), 1);
        chart.setYAxisGroupTitle(1, "accuracy");
        chart.getStyler().setYAxisMin(1, 0.0).setYAxisMax(1, 1.0);
        return TrainingPlots.png(chart);
    }

    /**
     * The outputs of the first {@value #TRACED_NEURONS} neurons of the last layer after every input
     * point, for the first test sequence of up to four different classes (figures 1 and 2).
     */
    public static byte[] traces(RecurrentSimulator simulator, Dataset dataset, TrainedRecurrent trained) {
        Samples test = dataset.test();
        int length = test.featureCount();
        double[] x = test.featuresRowMajor();
        double[] params = trained.parameters();
        RecurrentSimulator.Workspace w = simulator.workspace(length);
        double[] state = new double[simulator.stateSize()];
        int neurons = simulator.layout().neurons();
        int last = simulator.layout().lastLayerStart();
        int shown = Math.min(TRACED_NEURONS, simulator.layout().lastLayerSize());
        boolean hasOutputState = simulator.stateSize() > neurons;
        List<Integer> rows = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int r = 0; r < test.size() && rows.size() < 4; r++) {
            if (!classes.contains(test.label(r))) {
                classes.add(test.label(r));
                rows.add(r);
            }
        }
        List<XYChart> charts = new ArrayList<>();
        double[] time = IntStream.rangeClosed(1, length).asDoubleStream().toArray();
        for (int row : rows) {
            simulator.forward(params, x, row * length, length, w);
            int predicted = argmax(w.probabilities());
            XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT / 2)
                    .title("class " + dataset.classNames().get(test.label(row)) + " (test row " + row
                            + ", predicted " + dataset.classNames().get(predicted) + ")")
                    .xAxisTitle("input point").yAxisTitle(hasOutputState ? "y (high-pass)" : "tanh x").build();
            chart.getStyler().setLegendVisible(false);
            // XChart puts a tick every 4 or 5 points at this width: a small font keeps their labels apart
            chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 8));
            for (int j = 0; j < shown; j++) {
                double[] trace = new double[length];
                for (int t = 0; t < length; t++) {
                    simulator.stateAfter(w, t, state);
                    int i = last + j;
                    trace[t] = hasOutputState ? state[neurons + i] : Math.tanh(state[i]);
                }
                XYSeries series = chart.addSeries("neuron " + j, time, trace);
                series.setMarker(SeriesMarkers.NONE);
            }
            charts.add(chart);
        }
        return TrainingPlots.grid(charts, WIDTH, HEIGHT);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, int axis) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setYAxisGroup(axis);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            best = values[c] > values[best] ? c : best;
        }
        return best;
    }
}
