package org.oscnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oscnet.io.OutputFolder;
import org.oscnet.model.Design;
import org.oscnet.model.Training;
import org.oscnet.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet train}: train every network of a file that has a train block. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Train the networks of an .osc file with oscnet's simulator.",
        description = {
            "Train the networks of an .osc file with oscnet's simulator. Writes DIR/<network>/trained.json"
                    + " (parameters in SI units, metrics) and plots."},
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
        trainAll(spec, design, file, output, seed);
        return 0;
    }

    /** Trains every train block of {@code design} and writes what each leaves under {@code output}. */
    static void trainAll(CommandSpec spec, Design design, Path file, Path output, Long seed)
            throws java.io.IOException {
        Pipeline.requireTrainable(design);
        var out = spec.commandLine().getOut();
        OutputFolder folder = new OutputFolder(output);
        for (Training declared : design.trainings()) {
            Training training = seed == null ? declared : declared.withSeed(seed);
            Pipeline.TrainResult result = Pipeline.train(design, training,
                    new ProgressBar(spec.commandLine().getErr(), training.network()), Main.version(),
                    Inputs.recordedSource(file, output));
            result.files().forEach(folder::put);
            out.println(result.summary());
        }
        folder.commit().forEach(p -> out.println("wrote " + p));
    }
}
