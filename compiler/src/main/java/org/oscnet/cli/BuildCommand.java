package org.oscnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oscnet.model.Design;
import org.oscnet.pipeline.Stages;
import org.oscnet.pipeline.Trainers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet build}: check, train, compile and verify in one go. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Check, train, compile and verify an .osc file, all in one go."},
        footer = {"", "Example:", "  oscnet build examples/iris_versicolor.osc -o out/versicolor"})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the .osc file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "where everything goes (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() {
        Inputs.checkOutputDirectory(output);
        Design design = Inputs.load(file, spec.commandLine().getErr());
        Trainers.requireTrainable(design);
        Stages.requireCompilable(design, new java.util.HashSet<>(Stages.TARGETS));
        return 0;
    }
}
