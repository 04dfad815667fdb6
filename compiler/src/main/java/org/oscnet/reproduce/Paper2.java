package org.oscnet.reproduce;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.oscnet.dsl.Frontend;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.Optimizer;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.train.BpttTrainer;
import org.oscnet.train.TrainedRecurrent;
import org.oscnet.train.TrainingListener;

/**
 * Reruns the experiments of seed paper 2 (Plouet et al., spintronic recurrent network on
 * sequential digits) from {@code examples/seqdigits.osc}: the 10-seed accuracy of the spintronic
 * network and of its CTRNN baseline, and the design-rule studies (time step for three τ, time step
 * for three learning rates, cumulative drive, connection density), each point the median over
 * seeds. Every variant is the example's network and training with the named values changed.
 */
public final class Paper2 {
    public static final List<String> GROUPS = List.of("table", "timestep", "rate", "drive", "density");
    /**
     * The CTRNN baseline's learning rate: at the STNO network's 0.149 its tanh units saturate and it
     * stays at chance (measured: 9.9 %, seed 1); at 0.03 it learns.
     */
    static final double CTRNN_RATE = 0.03;

    /** Test accuracies of one configuration over seeds. */
    public record Result(String label, List<Long> seeds, List<Double> testAccuracies,
            List<Double> continuousAccuracies, double seconds) {
        public double mean() {
            return testAccuracies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        public double std() {
            double m = mean();
            return Math.sqrt(testAccuracies.stream().mapToDouble(a -> (a - m) * (a - m)).average().orElse(Double.NaN));
        }

        public double median() {
            double[] sorted = testAccuracies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** A main-table row beside the paper's mean ± std (percent). */
    public record Row(String model, double paperMean, double paperStd, Result result) {
    }

    /** One design-rule curve: its series label, x values and results. */
    public record Curve(String study, String series, String xLabel, List<Double> x, List<Result> results) {
    }

    public record Report(List<Row> rows, List<Curve> curves, Map<String, byte[]> plots, String settings) {
    }

    private final StnoRnnNetwork network;
    private final Training training;
    private final Dataset dataset;
    private final int seeds;
    private final int studySeeds;
    private final int epochs;
    private final boolean quick;
    private final Set<String> groups;
    private final PrintWriter log;

    /**
     * @param epochs training epochs of every run (the example's when 0)
     * @param quick fewer points per study (CI's form)
     */
    public Paper2(Path example, int seeds, int studySeeds, int epochs, boolean quick, Set<String> groups,
            PrintWriter log) {
        Frontend.Result loaded = Frontend.load(example);
        Design design = loaded.design().orElseThrow(() -> new IllegalArgumentException(example + " has errors"));
        this.network = (StnoRnnNetwork) design.networks().get(0);
        Training declared = design.trainings().get(0);
        this.epochs = epochs > 0 ? epochs : declared.steps();
        this.training = new Training(declared.network(), declared.dataset(), declared.method(), declared.optimizer(),
                this.epochs, true, declared.batchSize(), declared.batchPerClass(), declared.seed(), 1);
        this.dataset = design.dataset(network.dataset()).orElseThrow();
        this.seeds = seeds;
        this.studySeeds = studySeeds;
        this.quick = quick;
        this.groups = groups;
        this.log = log;
    }

    public Report run() {
        List<Row> rows = new ArrayList<>();
        if (groups.contains("table")) {
            rows.add(new Row("spintronic (STNO)", 89.83, 2.91, train("spintronic", network, training, seeds)));
            StnoRnnNetwork ctrnn = network.withNeuron(new StnoRnnNetwork.Neuron(StnoRnnNetwork.Neuron.Kind.CTRNN,
                    false, 0, 1));
            rows.add(new Row("CTRNN baseline (lr " + CTRNN_RATE + ")", 89.00, 3.48, train("ctrnn", ctrnn,
                    withRate(training, CTRNN_RATE), seeds)));
        }
        List<Curve> curves = new ArrayList<>();
        List<Double> steps = quick ? List.of(0.5, 1.0, 2.0) : List.of(0.25, 0.5, 1.0, 2.0, 4.0);
        if (groups.contains("timestep")) {
            List<Double> taus = quick ? List.of(network.tauSeconds() * 1e9)
                    : List.of(network.tauSeconds() * 0.5e9, network.tauSeconds() * 1e9, network.tauSeconds() * 2e9);
            for (double tau : taus) {
                curves.add(curve("timestep", String.format(Locale.ROOT, "tau %.2f ns", tau), "input period Δt (ns)",
                        steps, dt -> timing(network, dt, tau), dt -> training));
            }
        }
        if (groups.contains("rate")) {
            double lr = training.optimizer().learningRate();
            List<Double> rates = quick ? List.of(lr) : List.of(lr / 5, lr, lr * 3);
            for (double rate : rates) {
                curves.add(curve("rate", String.format(Locale.ROOT, "lr %.3f", rate), "input period Δt (ns)", steps,
                        dt -> timing(network, dt, network.tauSeconds() * 1e9), dt -> withRate(training, rate)));
            }
        }
        if (groups.contains("drive")) {
            double gain = network.gainHz() * 1e-9;
            List<Double> drives = quick ? List.of(gain / 2, gain, gain * 2)
                    : List.of(gain / 4, gain / 2, gain, gain * 1.5, gain * 2);
            curves.add(curve("drive", "Δt 1 ns", "cumulative drive S·Δt", drives,
                    s -> timing(network, 1.0, network.tauSeconds() * 1e9).withGain(s * 1e9), s -> training));
        }
        if (groups.contains("density")) {
            List<Double> densities = quick ? List.of(0.2, 0.5) : List.of(0.2, 0.3, 0.5, 1.0);
            curves.add(curve("density", "inter and intra", "connection density", densities,
                    d -> density(network, d, d), d -> training));
            curves.add(curve("density", "inter-layer only (intra 0.5)", "connection density", densities,
                    d -> density(network, d, 0.5), d -> training));
        }
        Map<String, byte[]> plots = new LinkedHashMap<>();
        for (String study : List.of("timestep", "rate", "drive", "density")) {
            List<Curve> of = curves.stream().filter(c -> c.study().equals(study)).toList();
            if (!of.isEmpty()) {
                plots.put(study + ".png", plot(of));
            }
        }
        String settings = String.format(Locale.ROOT, "%s, layers %s, density %.2f/%.2f/%.2f (input/inter/intra),"
                + " τ %.2f ns, gain %.0f MHz,"
                + " %d %s step(s) per input point, %s neurons; bptt, batch %d, Adam lr %.3f / (1 + epoch / %.3f),"
                + " %d epochs; split %s", network.name(), network.layers(), network.density().input(),
                network.interDensity(),
                network.intraDensity(), network.tauSeconds() * 1e9, network.gainHz() / 1e6, network.substeps(),
                network.integrator().word(), network.neuron().word(), training.batchSize(),
                training.optimizer().learningRate(), training.optimizer().decayEpochs(), epochs, dataset.split());
        return new Report(rows, curves, plots, settings);
    }

    private Curve curve(String study, String series, String xLabel, List<Double> x,
            Function<Double, StnoRnnNetwork> variant, Function<Double, Training> trainingOf) {
        List<Result> results = new ArrayList<>();
        for (double value : x) {
            results.add(train(study + " " + series + " x=" + value, variant.apply(value), trainingOf.apply(value),
                    studySeeds));
        }
        return new Curve(study, series, xLabel, x, results);
    }

    private Result train(String label, StnoRnnNetwork net, Training base, int count) {
        List<Long> used = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        List<Double> continuous = new ArrayList<>();
        long start = System.nanoTime();
        for (long seed = 1; seed <= count; seed++) {
            TrainedRecurrent trained = new BpttTrainer(net, dataset, base.withSeed(seed), TrainingListener.SILENT,
                    Runtime.getRuntime().availableProcessors()).train();
            used.add(seed);
            test.add(trained.testAccuracy());
            continuous.add(trained.continuousTestAccuracy());
            log.printf(Locale.ROOT, "%s seed %d: test %.1f %% (continuous time %.1f %%), train %.1f %%, %.0f s%n", label,
                    seed, 100 * trained.testAccuracy(), 100 * trained.continuousTestAccuracy(),
                    100 * trained.trainAccuracy(), trained.wallSeconds());
            log.flush();
        }
        return new Result(label, used, test, continuous, (System.nanoTime() - start) / 1e9);
    }

    private static StnoRnnNetwork timing(StnoRnnNetwork n, double periodNs, double tauNs) {
        return n.withTiming(periodNs * 1e-9, tauNs * 1e-9);
    }

    /** Layer-to-layer and internal densities changed; the input weights keep the example's density. */
    private static StnoRnnNetwork density(StnoRnnNetwork n, double inter, double intra) {
        return n.withDensity(new StnoRnnNetwork.Densities(n.density().input(), inter, intra));
    }

    private static Training withRate(Training t, double rate) {
        Optimizer o = t.optimizer();
        return new Training(t.network(), t.dataset(), t.method(), new Optimizer(o.kind(), rate, o.beta1(), o.beta2(),
                o.epsilon(), o.decayEpochs()), t.steps(), t.countsEpochs(), t.batchSize(), t.batchPerClass(),
                t.seed(), t.restarts());
    }

    private static byte[] plot(List<Curve> curves) {
        XYChart chart = new XYChartBuilder().width(720).height(480)
                .title("Seed paper 2: " + curves.get(0).study() + " (median test accuracy over seeds)")
                .xAxisTitle(curves.get(0).xLabel()).yAxisTitle("test accuracy").build();
        for (Curve c : curves) {
            chart.addSeries(c.series(), c.x().stream().mapToDouble(Double::doubleValue).toArray(),
                    c.results().stream().mapToDouble(Result::median).toArray());
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        if (!curves.get(0).study().equals("density")) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        return org.oscnet.plot.TrainingPlots.png(chart);
    }
}
