package org.oscnet.reproduce;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.oscnet.dsl.Frontend;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Samples;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.train.KuramotoTrainer;
import org.oscnet.train.Readout;
import org.oscnet.train.TrainedKuramoto;
import org.oscnet.train.TrainingListener;

/**
 * Reruns the experiments of seed paper 1 (Vodenicarevic et al.) from the example files, over
 * seeds 1..N, and collects test accuracies beside the published numbers. Every number comes
 * from training with a fixed seed on the split the example file declares.
 */
public final class Paper1 {
    /** Groups of rows, selectable with {@code --only}. */
    public static final List<String> GROUPS = List.of("iris", "robustness", "2d", "band", "reference", "perceptron");

    /** One trained model's result. */
    public record SeedResult(long seed, double trainAccuracy, double testAccuracy, double seconds) {
    }

    /** One table row: a task, a classifier and how it was trained, over seeds. */
    public record Row(String task, String classifier, String training, double paperPercent, String example,
            List<SeedResult> seeds) {
        public double meanPercent() {
            return 100 * seeds.stream().mapToDouble(SeedResult::testAccuracy).average().orElse(Double.NaN);
        }

        public double stdPercent() {
            double mean = meanPercent() / 100;
            double var = seeds.stream().mapToDouble(s -> (s.testAccuracy() - mean) * (s.testAccuracy() - mean))
                    .average().orElse(Double.NaN);
            return 100 * Math.sqrt(var);
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

    /** Everything the report shows. */
    public record Report(int seeds, List<Row> rows, List<NoiseRow> robustness, String robustnessModel,
            Map<String, byte[]> plots) {
    }

    private final Path examples;
    private final int seeds;
    private final Set<String> groups;
    private final PrintWriter log;
    private final Map<String, byte[]> plots = new java.util.LinkedHashMap<>();
    private TrainedKuramoto versicolorSeed1;

    public Paper1(Path examples, int seeds, Set<String> groups, PrintWriter log) {
        this.examples = examples;
        this.seeds = seeds;
        this.groups = groups;
        this.log = log;
    }

    public Report run() {
        List<Row> rows = new ArrayList<>();
        if (groups.contains("iris")) {
            for (String species : List.of("setosa", "versicolor", "virginica")) {
                double paper = Map.of("setosa", 100.0, "versicolor", 98.0, "virginica", 100.0).get(species);
                rows.add(trainRow("Iris " + species, "extended (N = 6)", "offline, 100 it", paper,
                        "iris_" + species + ".osc", species, UnaryOperator.identity(), seeds));
            }
        }
        List<NoiseRow> robustness = groups.contains("robustness") ? robustness() : List.of();
        if (groups.contains("2d")) {
            rows.add(trainRow("disc (87.5 % neg.)", "extended (N = 6)", "shapes + offline, 100 it", 99.4,
                    "disc_extended.osc", "disc_extended", UnaryOperator.identity(), seeds));
            rows.add(trainRow("concave (59.9 % neg.)", "extended (N = 6)", "shapes + offline, 100 it", 99.8,
                    "concave_extended.osc", "concave_extended", UnaryOperator.identity(), seeds));
        }
        if (groups.contains("band")) {
            rows.add(trainRow("band (86 % neg.)", "reference (2 + 4)", "online, 20 it", 91.7, "band_reference.osc",
                    "band_reference", UnaryOperator.identity(), seeds));
            rows.add(trainRow("band (86 % neg.)", "reference (2 + 4)", "offline, 20 it, batch 90", 99.7,
                    "band_reference.osc", "band_reference", t -> offline(t, 90), seeds));
        }
        if (groups.contains("reference")) {
            rows.add(trainRow("disc (87.5 % neg.)", "reference (2 + 4)", "offline, 100 it, batch 90", 87.7,
                    "disc_reference.osc", "disc_reference", UnaryOperator.identity(), seeds));
            rows.add(trainRow("concave (59.9 % neg.)", "reference (2 + 4)", "offline, 100 it, batch 90", 77.6,
                    "concave_reference.osc", "concave_reference", UnaryOperator.identity(), seeds));
            for (String species : List.of("setosa", "versicolor", "virginica")) {
                double paper = Map.of("setosa", 67.0, "versicolor", 87.0, "virginica", 67.0).get(species);
                rows.add(trainRow("Iris " + species, "reference (4 + 2)", "offline, 100 it", paper,
                        "iris_reference.osc", species + "_reference", UnaryOperator.identity(), seeds));
            }
        }
        if (groups.contains("perceptron")) {
            Design iris = load("iris_versicolor.osc");
            Dataset data = iris.datasets().get(0);
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
        }
        return new Report(seeds, rows, robustness, "Iris versicolor, extended, seed 1", plots);
    }

    private Row trainRow(String task, String classifier, String how, double paper, String file, String network,
            UnaryOperator<Training> variant, int seedCount) {
        Design design = load(file);
        KuramotoNetwork net = (KuramotoNetwork) design.network(network).orElseThrow();
        Training declared = design.trainings().stream().filter(t -> t.network().equals(network)).findFirst()
                .orElseThrow();
        Dataset dataset = design.dataset(declared.dataset()).orElseThrow();
        List<SeedResult> results = new ArrayList<>();
        for (long seed = 1; seed <= seedCount; seed++) {
            Training training = variant.apply(declared).withSeed(seed);
            TrainedKuramoto trained = new KuramotoTrainer(net, dataset, training, TrainingListener.SILENT, true).train();
            results.add(new SeedResult(seed, trained.trainAccuracy(), trained.testAccuracy(), trained.wallSeconds()));
            log.printf("  %-22s %-18s %-26s seed %2d: test %5.1f %% (train %5.1f %%, %.0f s)%n", task, classifier, how,
                    seed, 100 * trained.testAccuracy(), 100 * trained.trainAccuracy(), trained.wallSeconds());
            log.flush();
            if (seed == 1 && network.equals("versicolor")) {
                versicolorSeed1 = trained;
            }
            if (seed == 1 && dataset.featureCount() == 2) {
                plots.put("response-" + network + ".png", org.oscnet.plot.TrainingPlots.responseMap(net, dataset, trained,
                        KuramotoSimulator.forNetwork(net, true), seed, 34));
            }
        }
        return log(new Row(task, classifier, how, paper, file, results));
    }

    private Row log(Row row) {
        log.printf("%-22s %-18s %-26s mean %5.1f %% (std %.1f, worst %.1f, seed %d); paper %.1f %%%n", row.task(),
                row.classifier(), row.training(), row.meanPercent(), row.stdPercent(), row.worstPercent(),
                row.worstSeed(), row.paperPercent());
        log.flush();
        return row;
    }

    private List<NoiseRow> robustness() {
        Design design = load("iris_versicolor.osc");
        KuramotoNetwork net = (KuramotoNetwork) design.network("versicolor").orElseThrow();
        Dataset dataset = design.datasets().get(0);
        Training training = design.trainings().get(0);
        TrainedKuramoto trained = versicolorSeed1 != null ? versicolorSeed1
                : new KuramotoTrainer(net, dataset, training.withSeed(1), TrainingListener.SILENT, true).train();
        Samples test = dataset.test();
        double[] natural = trained.natural(net, test.featuresRowMajor(), test.size());
        int trials = 100;
        Readout readout = new Readout(net);
        List<NoiseRow> rows = new ArrayList<>();
        for (double linewidth : new double[] {0, 0.25e6, 0.5e6, 1e6, 2e6}) {
            KuramotoSimulator sim = KuramotoSimulator.forNetwork(net, linewidth, true);
            double sum = 0;
            double worst = 1;
            for (int trial = 0; trial < trials; trial++) {
                double[] mean = sim.meanFrequencies(natural, test.size(), 1000 + trial, trial);
                int correct = 0;
                for (int r = 0; r < test.size(); r++) {
                    correct += readout.correct(mean, r, test.label(r)) ? 1 : 0;
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

    private Design load(String file) {
        Frontend.Result result = Frontend.load(examples.resolve(file));
        return result.design().orElseThrow(() -> new IllegalStateException("example " + file + " does not check"));
    }

    /** The band task's offline row: the example's online block, trained by the default offline rule instead. */
    private static Training offline(Training t, int batch) {
        return new Training(t.network(), t.dataset(), new TrainingMethod.OfflineGradient(true, TrainingMethod.Init.DATA, true,
                TrainingMethod.LockedGradient.DETUNING),
                new org.oscnet.model.Optimizer(org.oscnet.model.Optimizer.Kind.ADAM, 0.03, 0.9, 0.999, 1e-8, 0),
                t.steps(), false, batch, false, t.seed(), t.restarts());
    }
}
