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
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.Overrides;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.Training;
import org.oscnet.plot.TrainingPlots;
import org.oscnet.sim.EquilibriumSimulator;
import org.oscnet.sim.XyLayout;
import org.oscnet.sweep.ResultsFile;
import org.oscnet.sweep.Sweep;
import org.oscnet.sweep.SweepEngine;
import org.oscnet.sweep.SweepJob;
import org.oscnet.sweep.SweepPlan;
import org.oscnet.sweep.TaskResult;
import org.oscnet.train.EquilibriumTrainer;
import org.oscnet.train.TrainedEquilibrium;

/**
 * Reruns the experiments of seed paper 4 (Rageau and Grollier: phase and amplitude-phase oscillator
 * networks trained by equilibrium propagation, under frequency dispersion and noise) from
 * {@code examples/mnist_xy.osc} and {@code examples/mnist_stuart_landau.osc} (with {@code quick}, the
 * 8x8 digits of {@code examples/digits_layered.osc} and {@code examples/digits_stuart_landau.osc} made
 * 64-100-10 and without dispersion): test accuracy of both kinds over seeds beside a tanh perceptron
 * trained by backpropagation on the same images, and test accuracy, unlocked share and accuracy
 * among the unlocked against frequency dispersion and phase noise.
 */
public final class Paper4 {
    /** What {@code --only} takes. */
    public static final List<String> GROUPS = List.of("phase", "amplitude-phase", "baseline", "dispersion", "noise");
    /** The paper's MNIST figures (60 000 training images). */
    static final double PHASE_PUBLISHED = 97.77;
    static final double AMPLITUDE_PHASE_PUBLISHED = 96.85;
    /** Relative frequency dispersions of the robustness curve, and the one a network is trained under. */
    static final double[] DISPERSIONS = {0, 0.01, 0.02, 0.05, 0.10};
    static final double TRAINED_DISPERSION = 0.05;
    /** Phase-noise linewidths of the robustness curve, as fractions of the mean frequency. */
    static final double[] LINEWIDTHS = {0, 0.01, 0.03, 0.1, 0.3};
    /** The baseline's recipe: hidden tanh units, epochs, minibatch, learning rate. */
    static final int BASELINE_HIDDEN = 100;
    static final int BASELINE_EPOCHS = 30;
    static final int BASELINE_BATCH = 32;
    static final double BASELINE_LEARNING_RATE = 0.05;

    /** One kind of network over seeds. */
    public record Row(String label, String file, double published, int units, int couplings,
            List<TrainedEquilibrium> runs) {
        double mean(java.util.function.ToDoubleFunction<TrainedEquilibrium> metric) {
            return runs.stream().mapToDouble(metric).average().orElse(Double.NaN);
        }
    }

    /** The tanh perceptron's test accuracy per seed. */
    public record Baseline(List<Double> accuracies, double seconds) {
    }

    /** One network evaluated at each level of one axis (dispersion or linewidth). */
    public record Curve(String network, String axis, double[] levels, double[] accuracy, double[] unlocked,
            double[] unlockedAccuracy) {
    }

    /** A trained network whose robustness is measured. */
    private record Studied(String name, EquilibriumNetwork network, TrainedEquilibrium trained) {
    }

    /** @param failed training tasks that failed (missing from the rows, and from the curves when seed 1) */
    public record Report(List<Row> rows, Baseline baseline, List<Curve> curves, Map<String, byte[]> plots,
            String dataset, String settings, List<String> failed) {
    }

    private final Path examples;
    private final int seeds;
    private final int steps;
    private final boolean quick;
    private final Set<String> groups;
    private final SweepEngine engine;
    private final Path resultsFile;
    private final SweptExamples swept;
    private final PrintWriter log;
    private final int threads = org.oscnet.sim.Threads.allCores();

    /**
     * @param steps training steps of every run (the examples' when 0)
     * @param engine where the training tasks run
     * @param resultsFile the sweep's {@code results.jsonl}: tasks already ok there (with their kept
     *     trained files beside it) are not run again
     */
    public Paper4(Path examples, int seeds, int steps, boolean quick, Set<String> groups, SweepEngine engine,
            Path resultsFile, PrintWriter log) {
        this.examples = examples;
        this.seeds = seeds;
        this.steps = steps;
        this.quick = quick;
        this.groups = groups;
        this.engine = engine;
        this.resultsFile = resultsFile;
        this.swept = new SweptExamples(examples, resultsFile);
        this.log = log;
    }

    private static Design load(Path file) {
        return Frontend.load(file).design().orElseThrow(() -> new IllegalArgumentException(file + " has errors"));
    }

    /**
     * The task that trains {@code file}'s network with {@code seed}: without dispersion (or at the
     * studied 5 %), 64-100-10 in the quick form, with the steps when given.
     */
    private SweepPlan.Task task(String file, boolean dispersed, long seed) {
        List<Overrides.Assignment> overrides = new ArrayList<>(List.of(
                new Overrides.Assignment(SweepPlan.FILE_AXIS, file)));
        if (quick) {
            overrides.add(new Overrides.Assignment("layers", "64, 100, 10"));
        }
        overrides.add(new Overrides.Assignment("network.dispersion", dispersed
                ? Math.round(100 * TRAINED_DISPERSION) + " %" : "0 %"));
        overrides.add(new Overrides.Assignment("seed", Long.toString(seed)));
        if (steps > 0) {
            overrides.add(new Overrides.Assignment("iterations", Integer.toString(steps)));
        }
        return new SweepPlan.Task(overrides);
    }

    /** The optimizer in words: once when both examples share it, else each network's. */
    private static String optimizers(Training phase, Training amplitude) {
        String first = phase.optimizer().describe("step");
        String second = amplitude.optimizer().describe("step");
        return first.equals(second) ? first : "phase: " + first + ", amplitude-phase: " + second;
    }

    /**
     * Trains the rows' networks over seeds, and the network trained under dispersion that the
     * curves also follow, as one sweep (a task per network and seed, trained files kept beside the
     * results), then reads them back for the table; the baseline and the curves run here, the
     * curves on the seed-1 networks (the phase network's at least).
     */
    public Report run() throws IOException, InterruptedException {
        String phaseFile = quick ? "digits_layered.osc" : "mnist_xy.osc";
        String amplitudeFile = quick ? "digits_stuart_landau.osc" : "mnist_stuart_landau.osc";
        Design phaseDesign = load(examples.resolve(phaseFile));
        Training declared = phaseDesign.trainings().get(0);
        Training training = declared.withSteps(steps > 0 ? steps : declared.steps());
        Dataset dataset = phaseDesign.dataset(declared.dataset()).orElseThrow();
        boolean curves = groups.contains("dispersion") || groups.contains("noise");
        boolean amplitudeRow = groups.contains("amplitude-phase");
        int phaseSeeds = groups.contains("phase") ? seeds : curves && !amplitudeRow ? 1 : 0;
        int amplitudeSeeds = amplitudeRow ? seeds : 0;
        Map<String, SweepJob> jobs = new LinkedHashMap<>();
        for (long seed = 1; seed <= Math.max(phaseSeeds, amplitudeSeeds); seed++) {
            if (seed <= phaseSeeds) {
                SweepJob job = swept.job(task(phaseFile, false, seed), true);
                jobs.put(job.task().id(), job);
            }
            if (seed <= amplitudeSeeds) {
                SweepJob job = swept.job(task(amplitudeFile, false, seed), true);
                jobs.put(job.task().id(), job);
            }
        }
        SweepPlan.Task dispersedTask = task(phaseFile, true, 1);
        if (curves) {
            jobs.put(dispersedTask.id(), swept.job(dispersedTask, true));
        }
        Map<String, TaskResult> ok = jobs.isEmpty() ? Map.of()
                : Sweep.run(List.copyOf(jobs.values()), engine, ResultsFile.open(resultsFile), log).ok();
        List<String> failed = jobs.keySet().stream().filter(id -> !ok.containsKey(id)).toList();

        List<Row> rows = new ArrayList<>();
        Row phaseRow = phaseSeeds > 0 ? row("phase (xy)", phaseFile, PHASE_PUBLISHED, phaseSeeds, ok) : null;
        Row amplitudeRowRun = amplitudeSeeds > 0 ? row("amplitude-phase (stuart_landau)", amplitudeFile,
                AMPLITUDE_PHASE_PUBLISHED, amplitudeSeeds, ok) : null;
        java.util.stream.Stream.of(phaseRow, amplitudeRowRun).filter(r -> r != null && !r.runs().isEmpty())
                .forEach(rows::add);
        Baseline baseline = groups.contains("baseline") ? baseline(dataset) : null;
        List<Curve> curveList = new ArrayList<>();
        Map<String, byte[]> plots = new LinkedHashMap<>();
        if (curves) {
            List<Studied> studied = new ArrayList<>();
            if (phaseRow != null) {
                studied(studied, "phase (xy), trained without dispersion", task(phaseFile, false, 1), ok);
            }
            if (amplitudeRowRun != null) {
                studied(studied, "amplitude-phase, trained without dispersion", task(amplitudeFile, false, 1), ok);
            }
            studied(studied, "phase (xy), trained at 5 % dispersion", dispersedTask, ok);
            for (Studied s : studied) {
                if (groups.contains("dispersion")) {
                    curveList.add(curve(s.name(), "dispersion", DISPERSIONS, s.network(), s.trained(), dataset));
                }
                if (groups.contains("noise")) {
                    curveList.add(curve(s.name(), "noise", LINEWIDTHS, s.network(), s.trained(), dataset));
                }
            }
            for (String axis : List.of("dispersion", "noise")) {
                List<Curve> on = curveList.stream().filter(c -> c.axis().equals(axis)).toList();
                if (!on.isEmpty()) {
                    plots.put(axis + ".png", plot(on, axis));
                }
            }
        }
        if (!rows.isEmpty()) {
            plots.put("training.png", trainingPlot(rows));
        }
        EquilibriumNetwork shown = network(task(phaseFile, false, 1));
        String settings = String.format(Locale.ROOT, "equilibrium propagation (beta %s), %s, %d steps of %d"
                + " samples per class; relaxation: %s up to t = %s, stopped once every free unit moves"
                + " slower than %.0e (without noise); split %s", training.method() instanceof
                        org.oscnet.model.TrainingMethod.EquilibriumPropagation ep ? ep.beta() : "?",
                optimizers(training, load(examples.resolve(amplitudeFile)).trainings().get(0)), training.steps(),
                training.batchSize(),
                shown.relaxation().solver().describe(shown.simulation().step()), shown.simulation().duration(),
                shown.relaxation().tolerance(),
                dataset.split());
        return new Report(rows, baseline, curveList, plots, quick ? "8x8 digits (quick form)"
                : "MNIST: the first 8 000 of the 10 000 test images for training, the last 2 000 for testing", settings,
                failed);
    }

    /** A row of the networks {@code file}'s tasks trained over seeds 1..count, read from their kept files. */
    private Row row(String label, String file, double published, int count, Map<String, TaskResult> ok)
            throws IOException {
        List<TrainedEquilibrium> runs = new ArrayList<>();
        for (long seed = 1; seed <= count; seed++) {
            SweepPlan.Task task = task(file, false, seed);
            if (ok.containsKey(task.id())) {
                runs.add(log(label, kept(task)));
            }
        }
        XyLayout layout = XyLayout.of(network(task(file, false, 1)));
        return new Row(label, file, published, layout.units(), layout.edges(), runs);
    }

    /** Adds the network {@code task} trained to {@code studied}, when the task finished. */
    private void studied(List<Studied> studied, String name, SweepPlan.Task task, Map<String, TaskResult> ok)
            throws IOException {
        if (ok.containsKey(task.id())) {
            studied.add(new Studied(name, network(task), kept(task)));
        } else {
            log.println(name + ": its training task failed; no curves");
        }
    }

    private EquilibriumNetwork network(SweepPlan.Task task) throws IOException {
        return (EquilibriumNetwork) swept.design(task).networks().get(0);
    }

    private TrainedEquilibrium kept(SweepPlan.Task task) throws IOException {
        return (TrainedEquilibrium) swept.trained(task, network(task).name());
    }

    private TrainedEquilibrium log(String label, TrainedEquilibrium trained) {
        log.printf(Locale.ROOT, "%s seed %d: final test %.2f %%, best %.2f %% (step %d), at lowest training cost %.2f %%;"
                + " %.3f s per step, %.0f s; %.1f %% of test relaxations unlocked%n", label, trained.seed(),
                100 * trained.testAccuracy(), 100 * trained.bestTestAccuracy(), trained.bestStep(),
                100 * trained.chosenTestAccuracy(), trained.stepSeconds(), trained.wallSeconds(),
                100 * trained.unlockedFraction());
        log.flush();
        return trained;
    }

    private Baseline baseline(Dataset dataset) {
        long started = System.nanoTime();
        List<Double> accuracies = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            double accuracy = TanhNetwork.testAccuracy(dataset.train(), dataset.test(), BASELINE_HIDDEN,
                    quick ? 10 : BASELINE_EPOCHS, BASELINE_BATCH, BASELINE_LEARNING_RATE, seed);
            accuracies.add(accuracy);
            log.printf(Locale.ROOT, "tanh perceptron seed %d: test %.2f %%%n", seed, 100 * accuracy);
            log.flush();
        }
        return new Baseline(accuracies, (System.nanoTime() - started) / 1e9);
    }

    /**
     * {@code trained} evaluated on the test set at every level of one axis: its devices' frequency
     * offsets scaled to each dispersion (the same draw, so the curve follows one set of devices), or
     * phase noise of each linewidth on its own devices.
     */
    private Curve curve(String name, String axis, double[] levels, EquilibriumNetwork network,
            TrainedEquilibrium trained, Dataset dataset) {
        double[] accuracy = new double[levels.length];
        double[] unlocked = new double[levels.length];
        double[] unlockedAccuracy = new double[levels.length];
        XyLayout layout = XyLayout.of(network);
        double ownDispersion = network.frequencyDispersion();
        for (int i = 0; i < levels.length; i++) {
            boolean dispersion = axis.equals("dispersion");
            EquilibriumNetwork at = dispersion ? network.withDispersion(levels[i]) : network.withNoise(levels[i]);
            double spread = dispersion ? levels[i] : ownDispersion;
            double[] offsets = layout.frequencyOffsets(trained.seed(), spread);
            EquilibriumTrainer.Evaluation e = EquilibriumTrainer.evaluate(at, new EquilibriumSimulator(layout, at),
                    trained.parameters(), offsets, dataset.test(), trained.seed(), threads);
            accuracy[i] = e.accuracy();
            unlocked[i] = e.unlockedFraction();
            unlockedAccuracy[i] = e.unlockedAccuracy();
            log.printf(Locale.ROOT, "%s at %s %.3g %%: test %.2f %%, %.1f %% unlocked%n", name, axis, 100 * levels[i],
                    100 * e.accuracy(), 100 * e.unlockedFraction());
            log.flush();
        }
        return new Curve(name, axis, levels.clone(), accuracy, unlocked, unlockedAccuracy);
    }

    private static byte[] plot(List<Curve> curves, String axis) {
        XYChart chart = new XYChartBuilder().width(720).height(460)
                .title(axis.equals("dispersion") ? "Test accuracy against natural-frequency dispersion"
                        : "Test accuracy against phase noise")
                .xAxisTitle(axis.equals("dispersion") ? "dispersion (% of the mean frequency)"
                        : "linewidth (% of the mean frequency)")
                .yAxisTitle("% of test samples").build();
        for (Curve c : curves) {
            double[] x = java.util.Arrays.stream(c.levels()).map(v -> 100 * v).toArray();
            chart.addSeries(c.network() + ": accuracy", x, java.util.Arrays.stream(c.accuracy()).map(v -> 100 * v)
                    .toArray()).setMarker(SeriesMarkers.CIRCLE);
            chart.addSeries(c.network() + ": unlocked", x, java.util.Arrays.stream(c.unlocked()).map(v -> 100 * v)
                    .toArray()).setMarker(SeriesMarkers.SQUARE);
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return TrainingPlots.png(chart);
    }

    private static byte[] trainingPlot(List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(720).height(460).title("Test accuracy during training")
                .xAxisTitle("training step").yAxisTitle("test accuracy (%)").build();
        for (Row row : rows) {
            for (TrainedEquilibrium run : row.runs()) {
                chart.addSeries(row.label() + " seed " + run.seed(),
                        run.checkpoints().stream().mapToDouble(Integer::doubleValue).toArray(),
                        run.testAccuracyCurve().stream().mapToDouble(v -> 100 * v).toArray())
                        .setMarker(SeriesMarkers.NONE);
            }
        }
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return TrainingPlots.png(chart);
    }
}
