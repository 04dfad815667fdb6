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

/** {@code oscnet compile}: emit the hardware of trained networks. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Compile trained networks into hardware: fixed-point Verilog, a bit-exact Java model,",
            "bias DAC tables, SPICE netlists and cosimulation testbenches, as the hardware block asks.",
            "Reads the trained parameters that `oscnet train` wrote to DIR."},
        footer = {"", "Example:", "  oscnet train examples/iris_versicolor.osc -o out/versicolor",
            "  oscnet compile examples/iris_versicolor.osc -o out/versicolor"})
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the .osc file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "where the trained parameters are and the outputs go (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() {
        Inputs.checkOutputDirectory(output);
        Design design = Inputs.load(file, spec.commandLine().getErr());
        if (design.hardware().isEmpty()) {
            throw new UserError(file + " has no hardware block; add e.g. `hardware " + firstNetwork(design)
                    + " { verilog { phase 16 bits; } }`");
        }
        Stages.requireCompilable(design);
        return 0;
    }

    private static String firstNetwork(Design design) {
        return design.networks().isEmpty() ? "NAME" : design.networks().get(0).name();
    }
}
