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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.Overrides;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.Training;
import org.oscnet.sim.Seeds;
import org.oscnet.sweep.ResultsFile;
import org.oscnet.sweep.SeedSpread;
import org.oscnet.sweep.Sweep;
import org.oscnet.sweep.SweepEngine;
import org.oscnet.sweep.SweepJob;
import org.oscnet.sweep.SweepPlan;
import org.oscnet.sweep.TaskResult;
import org.oscnet.sim.XyLayout;
import org.oscnet.sim.EquilibriumSimulator;
import org.oscnet.train.EquilibriumTrainer;
import org.oscnet.train.TrainedEquilibrium;
import org.oscnet.train.TrainingListener;

/**
 * Reruns the experiments of seed paper 3 (Wang, Wanjura and Marquardt, XY networks trained by
 * equilibrium propagation) from {@code examples/digits_layered.osc} and
 * {@code examples/digits_all_to_all.osc}: the eight networks of the paper over seeds, and the
 * multistability of the XOR network ({@code examples/xor_xy.osc}). Every network is the example's
 * with its size changed; training is the example's.
 */
public final class Paper3 {
    /** The eight networks: label, hidden size (layered) or total units (all-to-all), authors' best (%). */
    public record Spec(String label, boolean allToAll, int size, double authorsBest) {
    }

    public static final List<Spec> NETWORKS = List.of(
            new Spec("64-20-10", false, 20, 91.7), new Spec("64-100-10", false, 100, 93.0),
            new Spec("64-200-10", false, 200, 95.0), new Spec("64-300-10", false, 300, 93.9),
            new Spec("all-to-all 85", true, 85, 93.3), new Spec("all-to-all 139", true, 139, 92.7),
            new Spec("all-to-all 185", true, 185, 92.4), new Spec("all-to-all 222", true, 222, 92.9));
    /** What {@code --only} takes: each network by its label with spaces as dashes, and {@code xor}. */
    public static final List<String> GROUPS = java.util.stream.Stream.concat(
            NETWORKS.stream().map(s -> key(s.label())), java.util.stream.Stream.of("xor", "solvers")).toList();
    /** Random starts per XOR input in the multistability study. */
    static final int STARTS = 200;
    /** How long and how still the multistability study relaxes. */
    static final double SETTLE_TIME = 2000;
    static final double SETTLE_TOLERANCE = 1e-7;
    /** Equilibria closer than this (largest phase difference, radians) count as one. */
    static final double SAME = 1e-3;

    public static String key(String label) {
        return label.replace(' ', '-');
    }

    /** One network over seeds. */
    public record Row(Spec spec, int units, int couplings, List<TrainedEquilibrium> runs) {
        double mean(java.util.function.ToDoubleFunction<TrainedEquilibrium> metric) {
            return SeedSpread.mean(runs.stream().mapToDouble(metric).toArray());
        }

        double std(java.util.function.ToDoubleFunction<TrainedEquilibrium> metric) {
            return SeedSpread.std(runs.stream().mapToDouble(metric).toArray());
        }
    }

    /** XOR: for each input, how many distinct equilibria {@link #STARTS} random starts reached, and how many were right. */
    public record Multistability(List<String> inputs, List<Integer> equilibria, List<Integer> right,
            List<Integer> untrainedEquilibria, List<Integer> unsettled, List<Integer> untrainedUnsettled, int starts,
            double testAccuracy) {
    }

    /**
     * One trained network's test set relaxed by the adaptive reference and by each fast solver from
     * the same starts: the reference's accuracy and time, and per fast solver its own.
     */
    public record Solvers(String network, int steps, double adaptiveAccuracy, double adaptiveSeconds,
            List<FastSolver> fast) {
    }

    /**
     * A fast solver against the reference: its accuracy and time, the largest phase difference
     * between its equilibria and the reference's, and the share of samples whose equilibria differ by
     * more than 1e-3 rad (a different basin).
     */
    public record FastSolver(String name, double accuracy, double seconds, double largestDifference,
            double differentBasins) {
    }

    /** @param failed training tasks that failed (their seeds are missing from the rows) */
    public record Report(List<Row> rows, Multistability xor, Solvers solvers, Map<String, byte[]> plots,
            String settings, List<String> failed) {
    }

    private static final String LAYERED = "digits_layered.osc";
    private static final String ALL_TO_ALL = "digits_all_to_all.osc";
    /** The network whose seed-1 training the solver comparison relaxes. */
    private static final Spec SOLVERS_NETWORK = NETWORKS.get(0);

    private final Path examples;
    private final int seeds;
    private final int steps;
    private final List<Overrides.Assignment> commandSettings;
    private final Set<String> groups;
    private final SweepEngine engine;
    private final Path resultsFile;
    private final PrintWriter log;
    private final SweptExamples swept;

    /**
     * @param steps training steps of every run (the examples' when 0)
     * @param settings overrides applied to every run's example, after its size, seed and steps
     *     ({@code integrator=fire}: the settings both examples have)
     * @param engine where the training tasks run
     * @param resultsFile the sweep's {@code results.jsonl}: tasks already ok there (with their kept
     *     trained files beside it) are not run again
     */
    public Paper3(Path examples, int seeds, int steps, List<Overrides.Assignment> settings, Set<String> groups,
            SweepEngine engine, Path resultsFile, PrintWriter log) {
        this.examples = examples;
        this.seeds = seeds;
        this.steps = steps;
        this.commandSettings = List.copyOf(settings);
        this.groups = groups;
        this.engine = engine;
        this.resultsFile = resultsFile;
        this.log = log;
        this.swept = new SweptExamples(examples, resultsFile);
    }

    private static Design load(Path file) {
        return Frontend.load(file).design().orElseThrow(() -> new IllegalArgumentException(file + " has errors"));
    }

    /**
     * Trains the chosen networks over seeds as one sweep (each task one network size and seed of an
     * example, its trained files kept beside the results), builds the rows from the kept files,
     * then runs the XOR study and the solver comparison here.
     */
    public Report run() throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        List<Spec> chosen = NETWORKS.stream().filter(s -> groups.contains(key(s.label()))).toList();
        // the settings as the runs had them (steps and --set applied): the first network's variant
        Spec described = chosen.isEmpty() ? SOLVERS_NETWORK : chosen.get(0);
        Design variant = swept.design(task(described, 1));
        Training training = variant.trainings().get(0);
        Dataset dataset = variant.dataset(training.dataset()).orElseThrow();
        List<SweepJob> jobs = new ArrayList<>();
        for (Spec spec : chosen) {
            for (long seed = 1; seed <= seeds; seed++) {
                jobs.add(job(spec, seed));
            }
        }
        if (groups.contains("solvers") && !chosen.contains(SOLVERS_NETWORK)) {
            jobs.add(job(SOLVERS_NETWORK, 1));
        }
        Map<String, TaskResult> ok = jobs.isEmpty() ? Map.of()
                : Sweep.run(jobs, engine, ResultsFile.open(resultsFile), log).ok();
        List<String> failed = jobs.stream().map(j -> j.task().id()).filter(id -> !ok.containsKey(id)).toList();
        for (Spec spec : chosen) {
            EquilibriumNetwork network = network(spec, 1);
            XyLayout layout = XyLayout.of(network);
            List<TrainedEquilibrium> runs = new ArrayList<>();
            for (long seed = 1; seed <= seeds; seed++) {
                if (!ok.containsKey(task(spec, seed).id())) {
                    continue;
                }
                TrainedEquilibrium trained = kept(spec, seed);
                runs.add(trained);
                log.printf(Locale.ROOT, "%s seed %d: best test %.1f %% (step %d), at lowest training cost %.1f %% (step"
                        + " %d), final %.1f %%; %.3f s per step, %.0f s%n", spec.label(), seed,
                        100 * trained.bestTestAccuracy(), trained.bestStep(), 100 * trained.chosenTestAccuracy(),
                        trained.chosenStep(), 100 * trained.testAccuracy(), trained.stepSeconds(), trained.wallSeconds());
                log.flush();
            }
            if (!runs.isEmpty()) {
                rows.add(new Row(spec, layout.units(), layout.edges(), runs));
            }
        }
        Multistability xor = groups.contains("xor") ? multistability(load(examples.resolve("xor_xy.osc"))) : null;
        Solvers solvers = groups.contains("solvers") && ok.containsKey(task(SOLVERS_NETWORK, 1).id())
                ? solvers(network(SOLVERS_NETWORK, 1), dataset, training, kept(SOLVERS_NETWORK, 1)) : null;
        Map<String, byte[]> plots = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            plots.put("test_accuracy.png", plot(rows));
        }
        EquilibriumNetwork first = (EquilibriumNetwork) variant.networks().get(0);
        String settings = String.format(Locale.ROOT, "equilibrium propagation (beta %s), SGD lr %s, %d steps of %d"
                + " samples per class, test every %d steps; relaxation: %s up to t = %s, each sample"
                + " stopped once max |dphi/dt| < %s; split %s", training.method() instanceof
                        org.oscnet.model.TrainingMethod.EquilibriumPropagation ep ? ep.beta() : "?",
                training.optimizer().learningRate(), training.steps(), training.batchSize(),
                new EquilibriumTrainer(first, dataset, training, TrainingListener.SILENT, 1).testInterval(),
                first.relaxation().solver().describe(first.simulation().step()), first.simulation().duration(),
                first.relaxation().tolerance(), dataset.split());
        return new Report(rows, xor, solvers, plots, settings, failed);
    }

    /** The sweep job that trains {@code spec}'s network with {@code seed}, keeping its trained files. */
    private SweepJob job(Spec spec, long seed) throws IOException {
        return swept.job(task(spec, seed), true);
    }

    /** The example with {@code spec}'s size, {@code seed} (and the steps, when set) in place. */
    private SweepPlan.Task task(Spec spec, long seed) {
        List<Overrides.Assignment> overrides = new ArrayList<>(List.of(
                new Overrides.Assignment(SweepPlan.FILE_AXIS, spec.allToAll() ? ALL_TO_ALL : LAYERED),
                spec.allToAll() ? new Overrides.Assignment("units", Integer.toString(spec.size()))
                        : new Overrides.Assignment("layers", "64, " + spec.size() + ", 10"),
                new Overrides.Assignment("seed", Long.toString(seed))));
        if (steps > 0) {
            overrides.add(new Overrides.Assignment("iterations", Integer.toString(steps)));
        }
        overrides.addAll(commandSettings);
        return new SweepPlan.Task(overrides);
    }

    private EquilibriumNetwork network(Spec spec, long seed) throws IOException {
        return (EquilibriumNetwork) swept.design(task(spec, seed)).networks().get(0);
    }

    /** The network the task of {@code spec} and {@code seed} trained, read from its kept {@code trained.json}. */
    private TrainedEquilibrium kept(Spec spec, long seed) throws IOException {
        return (TrainedEquilibrium) swept.trained(task(spec, seed), network(spec, seed).name());
    }

    /**
     * Trains the XOR example, then relaxes each of its four inputs from {@link #STARTS} random
     * phases and counts the distinct equilibria reached and the starts that end in the right class; the same for
     * the network at its initial parameters.
     */
    private Multistability multistability(Design design) {
        EquilibriumNetwork network = (EquilibriumNetwork) design.networks().get(0);
        Training training = design.trainings().get(0);
        Dataset dataset = design.dataset(network.dataset()).orElseThrow();
        TrainedEquilibrium trained = new EquilibriumTrainer(network, dataset, training, TrainingListener.SILENT, 1)
                .train();
        XyLayout layout = XyLayout.of(network);
        // run long and settle tightly: a slowly drifting state is not an equilibrium
        EquilibriumSimulator simulator = new EquilibriumSimulator(layout, network.simulation().step(), SETTLE_TIME, SETTLE_TOLERANCE,
                EquilibriumNetwork.Solver.EULER, network.targetPhase(), network.otherPhase());
        double[] phases = EquilibriumTrainer.phases(network, dataset.test());
        List<String> inputs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        List<Integer> untrained = new ArrayList<>();
        List<Integer> unsettled = new ArrayList<>();
        List<Integer> untrainedUnsettled = new ArrayList<>();
        for (int r = 0; r < dataset.test().size(); r++) {
            int[] tally = new int[2];
            counts.add(equilibria(simulator, layout, trained.parameters(), phases, dataset, r, training.seed(), tally));
            right.add(tally[0]);
            unsettled.add(tally[1]);
            int[] before = new int[2];
            untrained.add(equilibria(simulator, layout, layout.initialParameters(training.seed()), phases, dataset, r,
                    training.seed(), before));
            untrainedUnsettled.add(before[1]);
            double[] row = dataset.test().row(r);
            inputs.add(String.format(Locale.ROOT, "(%.0f, %.0f) -> %s", row[0], row[1],
                    dataset.classNames().get(dataset.test().label(r))));
            log.printf(Locale.ROOT, "xor input %s: %d distinct equilibria from %d random starts (%d before training;"
                    + " unsettled %d and %d), %d in the right class%n", inputs.get(r), counts.get(r), STARTS,
                    untrained.get(r), tally[1], before[1], tally[0]);
            log.flush();
        }
        return new Multistability(inputs, counts, right, untrained, unsettled, untrainedUnsettled, STARTS,
                trained.testAccuracy());
    }

    /**
     * Distinct equilibria among the settled relaxations of test row {@code r} from {@link #STARTS}
     * random starts; {@code tally[0]}: starts classified right, {@code tally[1]}: starts unsettled at
     * the run's end (not counted as equilibria).
     */
    private static int equilibria(EquilibriumSimulator simulator, XyLayout layout, double[] params, double[] phases,
            Dataset dataset, int r, long seed, int[] tally) {
        XyLayout.Couplings couplings = layout.couplings(params);
        EquilibriumSimulator.Batch w = simulator.batch(STARTS);
        w.count(STARTS);
        for (int s = 0; s < STARTS; s++) {
            simulator.clamp(w, s, phases, r * layout.inputs(), dataset.test().label(r));
            simulator.randomStart(w, s, Seeds.derive(seed, 0x786f72L, r * STARTS + s));
        }
        simulator.fields(w, couplings);
        simulator.relax(w, couplings, 0);
        List<double[]> distinct = new ArrayList<>();
        for (int s = 0; s < STARTS; s++) {
            tally[0] += w.prediction(s) == dataset.test().label(r) ? 1 : 0;
            if (!w.settled(s)) {
                tally[1]++;
                continue;
            }
            double[] phi = new double[layout.free()];
            for (int f = 0; f < phi.length; f++) {
                phi[f] = w.phase(f, s);
            }
            if (distinct.stream().noneMatch(d -> close(d, phi))) {
                distinct.add(phi);
            }
        }
        return distinct.size();
    }

    /**
     * Takes {@code network} trained with seed 1, then relaxes its test set with the adaptive
     * Dormand-Prince reference, fixed Euler steps and FIRE from the same random starts, all to the same
     * stopping rule.
     */
    private Solvers solvers(EquilibriumNetwork network, Dataset dataset, Training training,
            TrainedEquilibrium trained) {
        XyLayout layout = XyLayout.of(network);
        XyLayout.Couplings couplings = layout.couplings(trained.parameters());
        EquilibriumSimulator declared = new EquilibriumSimulator(layout, network);
        double[] phases = EquilibriumTrainer.phases(network, dataset.test());
        int n = dataset.test().size();
        long start = System.nanoTime();
        EquilibriumSimulator.Batch reference = relaxTests(declared.withSolver(EquilibriumNetwork.Solver.ADAPTIVE),
                phases, dataset, couplings);
        double adaptiveSeconds = (System.nanoTime() - start) / 1e9;
        double adaptiveAccuracy = accuracy(reference, dataset);
        List<FastSolver> fast = new ArrayList<>();
        for (EquilibriumNetwork.Solver solver : List.of(EquilibriumNetwork.Solver.EULER, EquilibriumNetwork.Solver.FIRE)) {
            start = System.nanoTime();
            EquilibriumSimulator.Batch a = relaxTests(declared.withSolver(solver), phases, dataset, couplings);
            double seconds = (System.nanoTime() - start) / 1e9;
            int different = 0;
            double largest = 0;
            for (int r = 0; r < n; r++) {
                double worst = 0;
                for (int f = 0; f < layout.free(); f++) {
                    worst = Math.max(worst, Math.abs(Math.IEEEremainder(a.phase(f, r) - reference.phase(f, r), 2 * Math.PI)));
                }
                largest = Math.max(largest, worst);
                different += worst > SAME ? 1 : 0;
            }
            FastSolver run = new FastSolver(solver.describe(network.simulation().step()), accuracy(a, dataset), seconds,
                    largest, different / (double) n);
            fast.add(run);
            log.printf(Locale.ROOT, "solvers on %s: test accuracy %s %.1f %%, adaptive %.1f %%; %d of %d equilibria"
                    + " differ by more than 1e-3 rad%n", network.layers(), run.name(), 100.0 * run.accuracy(),
                    100.0 * adaptiveAccuracy, different, n);
            log.flush();
        }
        return new Solvers(network.layers().toString(), training.steps(), adaptiveAccuracy, adaptiveSeconds, fast);
    }

    /** The test set relaxed (free) by {@code sim}, every row from its own seeded random start. */
    private static EquilibriumSimulator.Batch relaxTests(EquilibriumSimulator sim, double[] phases, Dataset dataset,
            XyLayout.Couplings couplings) {
        int n = dataset.test().size();
        int inputs = sim.layout().inputs();
        EquilibriumSimulator.Batch w = sim.batch(n);
        w.count(n);
        for (int r = 0; r < n; r++) {
            sim.clamp(w, r, phases, r * inputs, dataset.test().label(r));
            sim.randomStart(w, r, Seeds.derive(1, 0x736f6cL, r));
        }
        sim.fields(w, couplings);
        sim.relax(w, couplings, 0);
        return w;
    }

    private static double accuracy(EquilibriumSimulator.Batch w, Dataset dataset) {
        int right = 0;
        for (int r = 0; r < w.count(); r++) {
            right += w.prediction(r) == dataset.test().label(r) ? 1 : 0;
        }
        return right / (double) w.count();
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(Math.IEEEremainder(a[i] - b[i], 2 * Math.PI)) > SAME) {
                return false;
            }
        }
        return true;
    }

    private static byte[] plot(List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(720).height(480)
                .title("Seed paper 3: test accuracy during training (seed 1)").xAxisTitle("step")
                .yAxisTitle("test accuracy").build();
        for (Row row : rows) {
            TrainedEquilibrium first = row.runs().get(0);
            XYSeries series = chart.addSeries(row.spec().label(),
                    first.checkpoints().stream().mapToDouble(Integer::doubleValue).toArray(),
                    first.testAccuracyCurve().stream().mapToDouble(Double::doubleValue).toArray());
            series.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return org.oscnet.plot.TrainingPlots.png(chart);
    }
}
