package org.oscnet.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.Overrides;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Samples;
import org.oscnet.model.Training;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.sweep.ResultsFile;
import org.oscnet.sweep.SeedSpread;
import org.oscnet.sweep.Sweep;
import org.oscnet.sweep.SweepEngine;
import org.oscnet.sweep.SweepJob;
import org.oscnet.sweep.SweepPlan;
import org.oscnet.sweep.TaskResult;
import org.oscnet.train.Readout;
import org.oscnet.train.TrainedKuramoto;

/**
 * Reruns the experiments of seed paper 1 (Vodenicarevic et al.) from the example files, over
 * seeds 1..N, and collects test accuracies beside the published numbers. Every number comes
 * from training with a fixed seed on the split the example file declares; the trainings are
 * one sweep, so they run on any sweep engine and a rerun resumes where a killed one stopped.
 */
public final class Paper1 {
    /** Groups of rows, selectable with {@code --only}. */
    public static final List<String> GROUPS = List.of("iris", "robustness", "2d", "band", "reference", "perceptron");
    /** The example whose seed-1 network the robustness study perturbs with phase noise. */
    private static final String ROBUSTNESS_FILE = "iris_versicolor.osc";

    /** One trained model's result. */
    public record SeedResult(long seed, double trainAccuracy, double testAccuracy, double seconds) {
    }

    /** One table row: a task, a classifier and how it was trained, over seeds. */
    public record Row(String task, String classifier, String training, double paperPercent, String example,
            List<SeedResult> seeds) {
        public double meanPercent() {
            return 100 * SeedSpread.mean(accuracies());
        }

        public double stdPercent() {
            return 100 * SeedSpread.std(accuracies());
        }

        private double[] accuracies() {
            return seeds.stream().mapToDouble(SeedResult::testAccuracy).toArray();
        }

        public double worstPercent() {
            return 100 * seeds.stream().mapToDouble(SeedResult::testAccuracy).min().orElse(Double.NaN);
        }

        public long worstSeed() {
            return seeds.stream().min(java.util.Comparator.comparingDouble(SeedResult::testAccuracy))
                    .map(SeedResult::seed).orElse(-1L);
        }
    }

    /** Test accuracy of one trained network under phase noise, over trials (fresh phases and noise each). */
    public record NoiseRow(double linewidthHz, int trials, double meanPercent, double worstPercent) {
    }

    /**
     * Everything the report shows.
     *
     * @param failed training tasks that failed (their seeds are missing from the rows)
     */
    public record Report(int seeds, List<Row> rows, List<NoiseRow> robustness, String robustnessModel,
            Map<String, byte[]> plots, List<String> failed) {
    }

    /** A row before it is trained: the example file and network whose test accuracy it reports. */
    private record Planned(String task, String classifier, String training, double paperPercent, String file,
            String network) {
    }

    private final Path examples;
    private final int seeds;
    private final int iterations;
    private final Set<String> groups;
    private final SweepEngine engine;
    private final Path resultsFile;
    private final PrintWriter log;
    private final Map<String, byte[]> plots = new java.util.LinkedHashMap<>();
    private final SweptExamples swept;

    /**
     * @param iterations training iterations of every row (0: each example's own)
     * @param engine where the training tasks run
     * @param resultsFile the sweep's {@code results.jsonl}: tasks already ok there are not run again
     */
    public Paper1(Path examples, int seeds, int iterations, Set<String> groups, SweepEngine engine, Path resultsFile,
            PrintWriter log) {
        this.examples = examples;
        this.seeds = seeds;
        this.iterations = iterations;
        this.groups = groups;
        this.engine = engine;
        this.resultsFile = resultsFile;
        this.log = log;
        this.swept = new SweptExamples(examples, resultsFile);
    }

    /**
     * Trains every row's example over seeds as one sweep (each task one example file and seed,
     * trained through the same pipeline as {@code oscnet train}), then builds the rows from its
     * results; the robustness study and the response maps retrain seed 1 here, since a sweep keeps
     * metrics, not trained networks.
     */
    public Report run() throws IOException, InterruptedException {
        List<Planned> planned = plan();
        List<SweepJob> jobs = jobs(planned);
        Sweep.Outcome outcome = jobs.isEmpty() ? new Sweep.Outcome(List.of(), 0)
                : Sweep.run(jobs, engine, ResultsFile.open(resultsFile), log);
        Map<String, TaskResult> ok = outcome.ok();
        List<String> failed = jobs.stream().map(j -> j.task().id()).filter(id -> !ok.containsKey(id)).toList();
        List<Row> rows = new ArrayList<>();
        for (Planned row : planned) {
            List<SeedResult> results = new ArrayList<>();
            for (long seed = 1; seed <= seeds; seed++) {
                TaskResult result = ok.get(task(row.file(), seed).id());
                if (result != null) {
                    TaskResult.NetworkMetrics m = result.metrics().get(row.network());
                    results.add(new SeedResult(seed, m.trainAccuracy(), m.testAccuracy(), m.trainingSeconds()));
                }
            }
            rows.add(log(new Row(row.task(), row.classifier(), row.training(), row.paperPercent(), row.file(),
                    results)));
        }
        for (Planned row : planned) {
            if (checked(row.file()).datasets().get(0).featureCount() == 2) {
                responseMap(row.file(), row.network());
            }
        }
        List<NoiseRow> robustness = groups.contains("robustness") ? robustness() : List.of();
        if (groups.contains("perceptron")) {
            rows.addAll(perceptrons());
        }
        return new Report(seeds, rows, robustness, "Iris versicolor, extended, seed 1", plots, failed);
    }

    /** The rows the chosen groups train, in the table's order. */
    private List<Planned> plan() {
        List<Planned> rows = new ArrayList<>();
        if (groups.contains("iris")) {
            for (String species : List.of("setosa", "versicolor", "virginica")) {
                double paper = Map.of("setosa", 100.0, "versicolor", 98.0, "virginica", 100.0).get(species);
                rows.add(new Planned("Iris " + species, "extended (N = 6)", "offline, 100 it", paper,
                        "iris_" + species + ".osc", species));
            }
        }
        if (groups.contains("2d")) {
            rows.add(new Planned("disc (87.5 % neg.)", "extended (N = 6)", "shapes + offline, 100 it", 99.4,
                    "disc_extended.osc", "disc_extended"));
            rows.add(new Planned("concave (59.9 % neg.)", "extended (N = 6)", "shapes + offline, 100 it", 99.8,
                    "concave_extended.osc", "concave_extended"));
        }
        if (groups.contains("band")) {
            rows.add(new Planned("band (86 % neg.)", "reference (2 + 4)", "online, 20 it", 91.7, "band_reference.osc",
                    "band_reference"));
            rows.add(new Planned("band (86 % neg.)", "reference (2 + 4)", "offline, 20 it, batch 90", 99.7,
                    "band_reference_offline.osc", "band_reference"));
        }
        if (groups.contains("reference")) {
            rows.add(new Planned("disc (87.5 % neg.)", "reference (2 + 4)", "offline, 100 it, batch 90", 87.7,
                    "disc_reference.osc", "disc_reference"));
            rows.add(new Planned("concave (59.9 % neg.)", "reference (2 + 4)", "offline, 100 it, batch 90", 77.6,
                    "concave_reference.osc", "concave_reference"));
            for (String species : List.of("setosa", "versicolor", "virginica")) {
                double paper = Map.of("setosa", 67.0, "versicolor", 87.0, "virginica", 67.0).get(species);
                rows.add(new Planned("Iris " + species, "reference (4 + 2)", "offline, 100 it", paper,
                        "iris_reference.osc", species + "_reference"));
            }
        }
        return rows;
    }

    /** One task per example file and seed; a file with several networks trains them all in one task. */
    private List<SweepJob> jobs(List<Planned> planned) throws IOException {
        List<SweepJob> jobs = new ArrayList<>();
        List<String> files = planned.stream().map(Planned::file).distinct().toList();
        if (groups.contains("robustness") && !files.contains(ROBUSTNESS_FILE)) {
            jobs.add(swept.job(task(ROBUSTNESS_FILE, 1), true));
        }
        for (String file : files) {
            for (long seed = 1; seed <= seeds; seed++) {
                jobs.add(swept.job(task(file, seed), seed == 1));
            }
        }
        return jobs;
    }

    /** The sweep task that trains {@code file} with {@code seed} (and {@code iterations}, when set). */
    private SweepPlan.Task task(String file, long seed) {
        List<Overrides.Assignment> overrides = new ArrayList<>(List.of(
                new Overrides.Assignment(SweepPlan.FILE_AXIS, file), new Overrides.Assignment("seed", Long.toString(seed))));
        if (iterations > 0) {
            overrides.add(new Overrides.Assignment("iterations", Integer.toString(iterations)));
        }
        return new SweepPlan.Task(overrides);
    }

    private Row log(Row row) {
        log.printf("%-22s %-18s %-26s mean %5.1f %% (std %.1f, worst %.1f, seed %d); paper %.1f %%%n", row.task(),
                row.classifier(), row.training(), row.meanPercent(), row.stdPercent(), row.worstPercent(),
                row.worstSeed(), row.paperPercent());
        log.flush();
        return row;
    }

    /** Where the seed-1 task of {@code file} kept its networks' trained files. */
    private Path kept(String file) {
        return swept.folder(task(file, 1));
    }

    /** The variant of {@code file} that its seed-1 task trains. */
    private Design checked(String file) throws IOException {
        return swept.design(task(file, 1));
    }

    /** Where the output pair of a 2-D task's seed-1 network synchronises, over the input plane. */
    private void responseMap(String file, String network) throws IOException {
        Path map = kept(file).resolve(network).resolve("response.png");
        if (Files.isRegularFile(map)) {
            plots.put("response-" + file.replace(".osc", "") + ".png", Files.readAllBytes(map));
        }
    }

    private List<NoiseRow> robustness() throws IOException {
        Design design = checked(ROBUSTNESS_FILE);
        Training training = design.trainings().get(0);
        KuramotoNetwork net = (KuramotoNetwork) design.network(training.network()).orElseThrow();
        Path file = kept(ROBUSTNESS_FILE).resolve(net.name()).resolve("trained.json");
        if (!Files.isRegularFile(file)) {
            log.println("robustness: no trained network (" + ROBUSTNESS_FILE + ", seed 1, failed); skipped");
            return List.of();
        }
        TrainedKuramoto trained = (TrainedKuramoto) swept.trained(task(ROBUSTNESS_FILE, 1), net.name());
        Samples test = design.dataset(training.dataset()).orElseThrow().test();
        double[] natural = trained.natural(net, test.featuresRowMajor(), test.size());
        int trials = 100;
        Readout readout = new Readout(net);
        List<NoiseRow> rows = new ArrayList<>();
        for (double linewidth : new double[] {0, 0.25e6, 0.5e6, 1e6, 2e6}) {
            KuramotoSimulator sim = KuramotoSimulator.forNetwork(net, linewidth, org.oscnet.sim.Threads.allCores());
            double sum = 0;
            double worst = 1;
            for (int trial = 0; trial < trials; trial++) {
                double[] mean = sim.meanFrequencies(natural, test.size(), 1000 + trial, trial);
                int correct = 0;
                for (int row = 0; row < test.size(); row++) {
                    correct += readout.correct(mean, row, test.label(row)) ? 1 : 0;
                }
                double accuracy = (double) correct / test.size();
                sum += accuracy;
                worst = Math.min(worst, accuracy);
            }
            NoiseRow row = new NoiseRow(linewidth, trials, 100 * sum / trials, 100 * worst);
            log.printf("robustness: linewidth %.2f MHz: mean %.1f %%, worst %.1f %% over %d trials%n", linewidth / 1e6,
                    row.meanPercent(), row.worstPercent(), trials);
            log.flush();
            rows.add(row);
        }
        plots.put("robustness.png", ReportPlots.robustness(rows));
        return rows;
    }

    /** Rosenblatt's perceptron on each Iris task: quick, so trained here rather than as sweep tasks. */
    private List<Row> perceptrons() {
        Design iris = load("iris_versicolor.osc");
        Dataset data = iris.datasets().get(0);
        List<Row> rows = new ArrayList<>();
        for (String species : List.of("setosa", "versicolor", "virginica")) {
            double paper = Map.of("setosa", 100.0, "versicolor", 73.0, "virginica", 97.0).get(species);
            List<SeedResult> results = new ArrayList<>();
            for (long seed = 1; seed <= seeds; seed++) {
                double accuracy = Perceptron.testAccuracy(data.train(), data.test(), data.classIndex(species), 100,
                        seed);
                results.add(new SeedResult(seed, Double.NaN, accuracy, 0));
            }
            rows.add(log(new Row("Iris " + species, "perceptron", "100 epochs", paper, "iris_versicolor.osc",
                    results)));
        }
        return rows;
    }

    private Design load(String file) {
        Frontend.Result result = Frontend.load(examples.resolve(file));
        return result.design().orElseThrow(() -> new IllegalStateException("example " + file + " does not check"));
    }
}
