package org.oscnet.reproduce;

import java.io.IOException;
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
import org.oscnet.dsl.Overrides;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.sweep.ResultsFile;
import org.oscnet.sweep.SeedSpread;
import org.oscnet.sweep.Sweep;
import org.oscnet.sweep.SweepEngine;
import org.oscnet.sweep.SweepJob;
import org.oscnet.sweep.SweepPlan;
import org.oscnet.sweep.TaskResult;
import org.oscnet.train.TrainedRecurrent;

/**
 * Reruns the experiments of seed paper 2 (Plouet et al., spintronic recurrent network on
 * sequential digits) from {@code examples/seqdigits.osc}: the 10-seed accuracy of the spintronic
 * network and of its CTRNN baseline, and the design-rule studies (time step for three τ, time step
 * for three learning rates, cumulative drive, connection density), each point the median over
 * seeds. Every variant is the example's text with the named values overridden, trained as one
 * task of a sweep (resumable, and on Spark with {@code --engine spark}).
 */
public final class Paper2 {
    public static final List<String> GROUPS = List.of("table", "timestep", "rate", "drive", "density");
    /**
     * The CTRNN baseline's learning rate: at the STNO network's 0.149 its tanh units saturate and it
     * stays at chance (measured before the shifted copies: 9.9 %, seed 1); at 0.03 it learns. With
     * the copies (2026-12-04, seeds 1-3, test after 40 epochs): 0.03 gives 83.9, 81.9, 81.9 %, 0.06
     * gives 83.5, 84.0, 86.1 %, 0.1 gives 86.5, 57.4, 86.1 % (seed 2 fell apart).
     */
    static final double CTRNN_RATE = 0.06;

    /**
     * Test accuracies of one configuration over seeds: after the last epoch, and (table rows only,
     * from the kept trained files) in continuous time and at the best test epoch.
     */
    public record Result(String label, List<Long> seeds, List<Double> testAccuracies,
            List<Double> continuousAccuracies, List<Double> bestEpochAccuracies, double seconds) {
        public double mean() {
            return SeedSpread.mean(testAccuracies);
        }

        public double std() {
            return SeedSpread.std(testAccuracies);
        }

        public double median() {
            double[] sorted = testAccuracies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            if (n == 0) {
                return Double.NaN;
            }
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** A main-table row beside the paper's mean ± std (percent). */
    public record Row(String model, double paperMean, double paperStd, Result result) {
    }

    /** One design-rule curve: its series label, x values and results. */
    public record Curve(String study, String series, String xLabel, List<Double> x, List<Result> results) {
    }

    /** @param failed training tasks that failed (their seeds are missing from the rows and points) */
    public record Report(List<Row> rows, List<Curve> curves, Map<String, byte[]> plots, String settings,
            List<String> failed) {
    }

    /**
     * The values a run changes, all in the example's units (ns, MHz): each becomes an override of
     * the example's text, so a variant is checked like the file and the same values give the same
     * task (the studies share their example-valued points with the table's seeds).
     */
    private record Variant(double periodNs, double tauNs, double gainMHz, double lr, double inter, double intra,
            String neuron) {
        Variant timing(double newPeriodNs, double newTauNs) {
            return new Variant(newPeriodNs, newTauNs, gainMHz, lr, inter, intra, neuron);
        }

        Variant gain(double newGainMHz) {
            return new Variant(periodNs, tauNs, newGainMHz, lr, inter, intra, neuron);
        }

        Variant rate(double newLr) {
            return new Variant(periodNs, tauNs, gainMHz, newLr, inter, intra, neuron);
        }

        Variant density(double newInter, double newIntra) {
            return new Variant(periodNs, tauNs, gainMHz, lr, newInter, newIntra, neuron);
        }

        Variant ctrnn(double newLr) {
            return new Variant(periodNs, tauNs, gainMHz, newLr, inter, intra, "ctrnn");
        }

        /**
         * The overrides of this variant. The integration step keeps the example's sub-steps per input
         * point for periods up to the example's, and the example's step above it: a longer period
         * then means more steps, not coarser ones, because explicit steps of {@code x(1 − x)} go
         * unstable once the drive times the step grows (a 1 ns step diverges in training), which a
         * study of the period should not measure.
         */
        List<Overrides.Assignment> overrides(int substeps, double maxStepNs) {
            return List.of(new Overrides.Assignment("every", number(periodNs) + " ns"),
                    new Overrides.Assignment("simulate.step", number(Math.min(maxStepNs, periodNs / substeps))
                            + " ns"),
                    new Overrides.Assignment("tau", number(tauNs) + " ns"),
                    new Overrides.Assignment("gain", number(gainMHz) + " MHz"),
                    new Overrides.Assignment("lr", number(lr)),
                    new Overrides.Assignment("density", number(inter)),
                    new Overrides.Assignment("density.intra", number(intra)),
                    new Overrides.Assignment("neuron", neuron));
        }

        /** Ten significant digits, no trailing zeros: {@code 14.12}, not {@code 14.120000000000001}. */
        private static String number(double value) {
            return new java.math.BigDecimal(value).round(new java.math.MathContext(10)).stripTrailingZeros()
                    .toPlainString();
        }
    }

    /** A design-rule curve before it is trained. */
    private record Series(String study, String label, String xLabel) {
    }

    /** A point before it is trained: its variant, its x on a curve (NaN in the table) and how many seeds. */
    private record Planned(String label, double x, Variant variant, int seeds) {
    }

    private static final String EXAMPLE = "seqdigits.osc";

    private final StnoRnnNetwork network;
    private final Training training;
    private final Dataset dataset;
    private final Variant example;
    private final int seeds;
    private final int studySeeds;
    private final int epochs;
    private final boolean epochsGiven;
    private final boolean quick;
    private final Set<String> groups;
    private final SweepEngine engine;
    private final Path resultsFile;
    private final SweptExamples swept;
    private final PrintWriter log;

    /**
     * @param examples the folder of {@code seqdigits.osc}
     * @param epochs training epochs of every run (the example's when 0)
     * @param quick fewer points per study (CI's form)
     * @param engine where the training tasks run
     * @param resultsFile the sweep's {@code results.jsonl}: tasks already ok there are not run again
     */
    public Paper2(Path examples, int seeds, int studySeeds, int epochs, boolean quick, Set<String> groups,
            SweepEngine engine, Path resultsFile, PrintWriter log) {
        Path file = examples.resolve(EXAMPLE);
        Frontend.Result loaded = Frontend.load(file);
        Design design = loaded.design().orElseThrow(() -> new IllegalArgumentException(file + " has errors"));
        this.network = (StnoRnnNetwork) design.networks().get(0);
        this.training = design.trainings().get(0);
        this.dataset = design.dataset(network.dataset()).orElseThrow();
        this.example = new Variant(network.inputPeriodSeconds() * 1e9, network.tauSeconds() * 1e9,
                network.gainHz() / 1e6, training.optimizer().learningRate(), network.interDensity(),
                network.intraDensity(), network.neuron().word());
        this.epochsGiven = epochs > 0;
        this.epochs = epochsGiven ? epochs : training.steps();
        this.seeds = seeds;
        this.studySeeds = studySeeds;
        this.quick = quick;
        this.groups = groups;
        this.engine = engine;
        this.resultsFile = resultsFile;
        this.swept = new SweptExamples(examples, resultsFile);
        this.log = log;
    }

    /**
     * Trains every point of the chosen groups over its seeds as one sweep (a task per variant and
     * seed, each variant the example with its values overridden), then builds the table and the
     * curves from the results; the table's continuous-time accuracies come from the kept trained
     * files of its tasks.
     */
    public Report run() throws IOException, InterruptedException {
        List<Planned> table = new ArrayList<>();
        if (groups.contains("table")) {
            table.add(new Planned("spintronic", Double.NaN, example, seeds));
            table.add(new Planned("ctrnn", Double.NaN, example.ctrnn(CTRNN_RATE), seeds));
        }
        Map<Series, List<Planned>> series = studies();
        Map<String, SweepJob> jobs = new LinkedHashMap<>();
        for (Planned point : table) {
            for (long seed = 1; seed <= point.seeds(); seed++) {
                SweepPlan.Task task = task(point.variant(), seed);
                jobs.put(task.id(), swept.job(task, true));
            }
        }
        for (List<Planned> points : series.values()) {
            for (Planned point : points) {
                for (long seed = 1; seed <= point.seeds(); seed++) {
                    SweepPlan.Task task = task(point.variant(), seed);
                    jobs.putIfAbsent(task.id(), swept.job(task, false));
                }
            }
        }
        Map<String, TaskResult> ok = jobs.isEmpty() ? Map.of()
                : Sweep.run(List.copyOf(jobs.values()), engine, ResultsFile.open(resultsFile), log).ok();
        List<String> failed = jobs.keySet().stream().filter(id -> !ok.containsKey(id)).toList();

        List<Row> rows = new ArrayList<>();
        if (!table.isEmpty()) {
            rows.add(new Row("spintronic (STNO)", 89.83, 2.91, result(table.get(0), ok, true)));
            rows.add(new Row("CTRNN baseline (lr " + CTRNN_RATE + ")", 89.00, 3.48, result(table.get(1), ok, true)));
        }
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<Series, List<Planned>> entry : series.entrySet()) {
            Series key = entry.getKey();
            List<Double> x = new ArrayList<>();
            List<Result> results = new ArrayList<>();
            for (Planned point : entry.getValue()) {
                x.add(point.x());
                results.add(result(point, ok, false));
            }
            curves.add(new Curve(key.study(), key.label(), key.xLabel(), x, results));
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
                + " %d %s step(s) per input point (steps of at most %s ns at longer periods), %s neurons; bptt%s, batch %d, %s,"
                + " %d epochs; split %s", network.name(), network.layers(), network.density().input(),
                network.interDensity(),
                network.intraDensity(), network.tauSeconds() * 1e9, network.gainHz() / 1e6, network.substeps(),
                network.integrator().word(), Variant.number(exampleStepNs()), network.neuron().word(),
                training.method() instanceof TrainingMethod.Bptt b && b.shift() > 0
                        ? " with the digits shifted by up to " + b.shift() + " pixel(s) (" + (1 + 4 * b.shift())
                                + "x the sequences per epoch)" : "",
                training.batchSize(),
                training.optimizer().describe("epoch"), epochs, dataset.split());
        return new Report(rows, curves, plots, settings, failed);
    }

    /** The design-rule points of the chosen groups, by curve. */
    private Map<Series, List<Planned>> studies() {
        Map<Series, List<Planned>> series = new LinkedHashMap<>();
        List<Double> steps = quick ? List.of(0.5, 1.0, 2.0) : List.of(0.25, 0.5, 1.0, 2.0, 4.0);
        String period = "input period Δt (ns)";
        String density = "connection density";
        if (groups.contains("timestep")) {
            List<Double> taus = quick ? List.of(example.tauNs())
                    : List.of(example.tauNs() * 0.5, example.tauNs(), example.tauNs() * 2);
            for (double tau : taus) {
                String label = String.format(Locale.ROOT, "tau %.2f ns", tau);
                series.put(new Series("timestep", label, period), points("timestep " + label, steps,
                        dt -> example.timing(dt, tau)));
            }
        }
        if (groups.contains("rate")) {
            double lr = example.lr();
            for (double rate : quick ? List.of(lr) : List.of(lr / 5, lr, lr * 3)) {
                String label = String.format(Locale.ROOT, "lr %.3f", rate);
                series.put(new Series("rate", label, period), points("rate " + label, steps,
                        dt -> example.timing(dt, example.tauNs()).rate(rate)));
            }
        }
        if (groups.contains("drive")) {
            double gain = example.gainMHz() * 1e-3;
            List<Double> drives = quick ? List.of(gain / 2, gain, gain * 2)
                    : List.of(gain / 4, gain / 2, gain, gain * 1.5, gain * 2);
            series.put(new Series("drive", "Δt 1 ns", "cumulative drive S·Δt"), points("drive", drives,
                    s -> example.timing(1.0, example.tauNs()).gain(s * 1e3)));
        }
        if (groups.contains("density")) {
            List<Double> densities = quick ? List.of(0.2, 0.5) : List.of(0.2, 0.3, 0.5, 1.0);
            series.put(new Series("density", "inter and intra", density), points("density inter and intra",
                    densities, d -> example.density(d, d)));
            series.put(new Series("density", "inter-layer only (intra 0.5)", density), points("density inter only",
                    densities, d -> example.density(d, 0.5)));
        }
        return series;
    }

    private List<Planned> points(String label, List<Double> x, Function<Double, Variant> variant) {
        return x.stream().map(value -> new Planned(label + " x=" + value, value, variant.apply(value), studySeeds))
                .toList();
    }

    /** The example's integration step, the longest any variant uses. */
    private double exampleStepNs() {
        return example.periodNs() / network.substeps();
    }

    /** The example with {@code variant}'s values, {@code seed} (and the epochs, when given) in place. */
    private SweepPlan.Task task(Variant variant, long seed) {
        List<Overrides.Assignment> overrides = new ArrayList<>();
        overrides.add(new Overrides.Assignment(SweepPlan.FILE_AXIS, EXAMPLE));
        overrides.addAll(variant.overrides(network.substeps(), exampleStepNs()));
        overrides.add(new Overrides.Assignment("seed", Long.toString(seed)));
        if (epochsGiven) {
            overrides.add(new Overrides.Assignment("epochs", Integer.toString(epochs)));
        }
        return new SweepPlan.Task(overrides);
    }

    /**
     * A point's accuracies over the seeds whose task finished; continuous time and the best test
     * epoch from the kept files when asked.
     */
    private Result result(Planned point, Map<String, TaskResult> ok, boolean continuous) throws IOException {
        List<Long> used = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        List<Double> continuousTest = new ArrayList<>();
        List<Double> bestEpoch = new ArrayList<>();
        double seconds = 0;
        for (long seed = 1; seed <= point.seeds(); seed++) {
            SweepPlan.Task task = task(point.variant(), seed);
            TaskResult result = ok.get(task.id());
            if (result == null) {
                continue;
            }
            TaskResult.NetworkMetrics metrics = result.metrics().get(network.name());
            used.add(seed);
            test.add(metrics.testAccuracy());
            seconds += metrics.trainingSeconds();
            if (continuous) {
                TrainedRecurrent trained = (TrainedRecurrent) swept.trained(task, network.name());
                continuousTest.add(trained.continuousTestAccuracy());
                bestEpoch.add(trained.testAccuracyCurve().stream().mapToDouble(Double::doubleValue).max()
                        .orElse(Double.NaN));
            }
        }
        Result result = new Result(point.label(), used, test, continuousTest, bestEpoch, seconds);
        log.printf(Locale.ROOT, "%s: median %.1f %%, mean %.1f %% over seeds %s%n", point.label(),
                100 * result.median(), 100 * result.mean(), used);
        log.flush();
        return result;
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
            chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(false);
        }
        return org.oscnet.plot.TrainingPlots.png(chart);
    }
}
