package org.oscnet.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.Samples;
import org.oscnet.sim.Seeds;
import org.oscnet.sim.XyLayout;
import org.oscnet.sim.EquilibriumSimulator;
import org.oscnet.train.EquilibriumTrainer;
import org.oscnet.train.TrainedEquilibrium;

/** PNG plots of a trained equilibrium-propagation ({@code xy}) network. */
public final class EquilibriumPlots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 480;
    /** Digits whose output phases are drawn. */
    private static final int SHOWN = 4;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private EquilibriumPlots() {
    }

    /** Training cost and accuracy (batch means between checkpoints) and test accuracy at every checkpoint. */
    public static byte[] curves(TrainedEquilibrium trained) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Training of " + trained.network()
                + " by equilibrium propagation").xAxisTitle("step").yAxisTitle("cost C at the free equilibrium").build();
        double[] steps = trained.checkpoints().stream().mapToDouble(Integer::doubleValue).toArray();
        line(chart, "train cost", steps, TrainingPlots.unbox(trained.trainCostCurve()), 0);
        line(chart, "train accuracy (batches)", steps, TrainingPlots.unbox(trained.trainAccuracyCurve()), 1);
        line(chart, "test accuracy", steps, TrainingPlots.unbox(trained.testAccuracyCurve()), 1);
        chart.setYAxisGroupTitle(1, "accuracy");
        chart.getStyler().setYAxisMin(1, 0.0).setYAxisMax(1, 1.0);
        return TrainingPlots.png(chart);
    }

    /**
     * The energy {@code E} during the free relaxation of the first test row from its random start,
     * and {@code E + βC} during the nudged relaxation that follows, each as its distance to its
     * final value on a logarithmic axis.
     */
    public static byte[] relaxation(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained,
            double beta) {
        XyLayout layout = XyLayout.of(network);
        EquilibriumSimulator simulator = new EquilibriumSimulator(layout, network);
        XyLayout.Couplings couplings = EquilibriumTrainer.couplings(network, trained);
        Samples test = dataset.test();
        double[] phases = EquilibriumTrainer.phases(network, test);
        EquilibriumSimulator.Batch w = simulator.batch(1);
        w.count(1);
        simulator.clamp(w, 0, phases, 0, test.label(0));
        simulator.randomStart(w, 0, Seeds.derive(trained.seed(), 0x706c6f74L, 0));
        simulator.fields(w, couplings);
        double[] free = new double[simulator.maxSteps() + 1];
        w.traceEnergy(free);
        simulator.relax(w, couplings, 0);
        int freeSteps = w.tracedSteps();
        double[] nudged = new double[simulator.maxSteps() + 1];
        w.traceEnergy(nudged);
        simulator.relax(w, couplings, beta);
        int nudgedSteps = w.tracedSteps();
        double step = network.simulation().step();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Relaxation of test row 0 (class " + dataset.classNames().get(test.label(0)) + ")")
                .xAxisTitle("time (dimensionless)").yAxisTitle("energy above its final value").build();
        chart.getStyler().setYAxisLogarithmic(true);
        double[] t1 = IntStream.range(0, freeSteps).mapToDouble(i -> i * step).toArray();
        double[] t2 = IntStream.range(0, nudgedSteps).mapToDouble(i -> (freeSteps + i) * step).toArray();
        line(chart, "free: E - E(end)", t1, aboveFinal(free, freeSteps), 0);
        line(chart, "nudged: E + " + beta + " C - (E + " + beta + " C)(end)", t2, aboveFinal(nudged, nudgedSteps), 0);
        return TrainingPlots.png(chart);
    }

    /**
     * The energy's distance to its last value, floored at 1e-12 so a logarithmic axis shows how
     * fast the relaxation converges.
     */
    private static double[] aboveFinal(double[] energy, int count) {
        double[] gap = new double[count];
        double last = energy[count - 1];
        for (int i = 0; i < count; i++) {
            gap[i] = Math.max(1e-12, energy[i] - last);
        }
        return gap;
    }

    /** The output phases at equilibrium of the first test row of up to {@value #SHOWN} classes. */
    public static byte[] outputPhases(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained) {
        XyLayout layout = XyLayout.of(network);
        EquilibriumSimulator simulator = new EquilibriumSimulator(layout, network);
        XyLayout.Couplings couplings = EquilibriumTrainer.couplings(network, trained);
        Samples test = dataset.test();
        double[] phases = EquilibriumTrainer.phases(network, test);
        List<Integer> rows = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int r = 0; r < test.size() && rows.size() < SHOWN; r++) {
            if (!classes.contains(test.label(r))) {
                classes.add(test.label(r));
                rows.add(r);
            }
        }
        EquilibriumSimulator.Batch w = simulator.batch(rows.size());
        w.count(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            simulator.clamp(w, i, phases, rows.get(i) * layout.inputs(), test.label(rows.get(i)));
            simulator.randomStart(w, i, Seeds.derive(trained.seed(), 0x706c6f74L, rows.get(i)));
        }
        simulator.fields(w, couplings);
        simulator.relax(w, couplings, 0);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Output phases at equilibrium")
                .xAxisTitle("output unit (class)").yAxisTitle("phase (deg)").build();
        chart.getStyler().setYAxisMin(-180.0).setYAxisMax(180.0);
        double[] index = IntStream.range(0, layout.outputs()).asDoubleStream().toArray();
        for (int i = 0; i < rows.size(); i++) {
            double[] degrees = new double[layout.outputs()];
            for (int o = 0; o < layout.outputs(); o++) {
                degrees[o] = Math.toDegrees(w.phase(layout.firstOutput() + o, i));
            }
            XYSeries series = chart.addSeries("test row " + rows.get(i) + ": " + dataset.classNames()
                    .get(test.label(rows.get(i))) + " (predicted " + dataset.classNames().get(w.prediction(i)) + ")",
                    index, degrees);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        XYSeries target = chart.addSeries("target of the right class",
                new double[] {0, layout.outputs() - 1},
                new double[] {Math.toDegrees(network.targetPhase()), Math.toDegrees(network.targetPhase())});
        target.setMarker(SeriesMarkers.NONE);
        return TrainingPlots.png(chart);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, int axis) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setYAxisGroup(axis);
    }
}
