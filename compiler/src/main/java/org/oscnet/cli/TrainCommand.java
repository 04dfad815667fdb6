package org.oscnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oscnet.model.Design;
import org.oscnet.pipeline.Stages;
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
    public Integer call() {
        Inputs.checkOutputDirectory(output);
        Design design = Inputs.load(file, spec.commandLine().getErr());
        Stages.requireTrainable(design);
        return 0;
    }
}
