package org.oscnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oscnet.model.Design;
import org.oscnet.io.OutputFolder;
import org.oscnet.io.TrainedJson;
import org.oscnet.model.Dataset;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Training;
import org.oscnet.pipeline.Trainers;
import org.oscnet.plot.TrainingPlots;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.train.TrainedKuramoto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet train}: train every network of a file that has a train block. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Train the networks of an .osc file with oscnet's simulator.",
            "Writes DIR/<network>/trained.json (parameters in SI units, metrics) and plots."},
        footer = {"", "Example:", "  oscnet train examples/iris_versicolor.osc -o out/versicolor --seed 3"})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the .osc file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "where results go (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--seed", paramLabel = "N", description = "override the seed of every train block")
    Long seed;

    @Override
    public Integer call() throws java.io.IOException {
        Inputs.checkOutputDirectory(output);
        Design design = Inputs.load(file, spec.commandLine().getErr());
        if (design.trainings().isEmpty()) {
            String network = design.networks().isEmpty() ? "NET" : design.networks().get(0).name();
            String dataset = design.datasets().isEmpty() ? "DATA" : design.datasets().get(0).name();
            throw new UserError(file + " has no train block; add e.g. `train " + network + " on " + dataset
                    + " { iterations 100; seed 1; }`");
        }
        Trainers.requireTrainable(design);
        var out = spec.commandLine().getOut();
        OutputFolder folder = new OutputFolder(output);
        for (Training declared : design.trainings()) {
            Training training = seed == null ? declared : declared.withSeed(seed);
            KuramotoNetwork network = (KuramotoNetwork) design.network(training.network()).orElseThrow();
            Dataset dataset = design.dataset(training.dataset()).orElseThrow();
            TrainedKuramoto trained = Trainers.train(design, training,
                    new ProgressBar(spec.commandLine().getErr(), network.name()));
            folder.put(network.name() + "/trained.json", TrainedJson.render(Main.version(), file.toString(), network,
                    dataset, training, trained));
            addPlots(folder, network, dataset, trained, training.seed());
            out.printf("%s: train accuracy %.1f %%, test accuracy %.1f %% (seed %d, %s; %.1f s)%n", network.name(),
                    100 * trained.trainAccuracy(), 100 * trained.testAccuracy(), training.seed(), dataset.split(),
                    trained.wallSeconds());
        }
        folder.commit().forEach(p -> out.println("wrote " + p));
        return 0;
    }

    /** Loss curve, frequency traces, and the response map (2 features) or confusion matrix (several pairs). */
    static void addPlots(OutputFolder folder, KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            long seed) {
        String dir = network.name() + "/";
        KuramotoSimulator simulator = KuramotoSimulator.forNetwork(network, true);
        folder.put(dir + "training.png", TrainingPlots.curves(trained));
        folder.put(dir + "traces.png", TrainingPlots.traces(network, dataset, trained, simulator, seed));
        if (dataset.featureCount() == 2) {
            folder.put(dir + "response.png", TrainingPlots.responseMap(network, dataset, trained, simulator, seed, 34));
        }
        if (network.outputs().size() > 1) {
            folder.put(dir + "confusion.png", TrainingPlots.confusion(dataset, trained));
        }
    }

}
