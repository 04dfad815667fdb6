package org.oscnet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet build}: check, train, compile and verify in one go. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Check, train, compile and verify an .osc file, all in one go.",
        description = {"Check, train, compile and verify an .osc file, all in one go: `oscnet train`, then"
                + " `oscnet compile` of every hardware block, then `oscnet verify` of every folder it wrote"
                + " (Verilog with generic synthesis, SPICE). Stops at the first stage that fails, with its status."},
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
    public Integer call() throws IOException {
        Inputs.checkOutputDirectory(output);
        Design design = Inputs.load(file, spec.commandLine().getErr());
        Set<String> everything = new LinkedHashSet<>(Pipeline.TARGETS);
        Pipeline.requireTrainable(design);
        Pipeline.requireCompilable(design, everything);
        TrainCommand.trainAll(spec, design, file, output, null);
        if (design.hardware().isEmpty()) {
            return 0;
        }
        CompileCommand.compileAll(spec, design, file, output, everything, Optional.empty());
        Verification.Options options = new Verification.Options(false, 3, "generic", 10,
                Runtime.getRuntime().availableProcessors(), 0);
        for (HardwareTarget target : design.hardware()) {
            for (String kind : new String[] {"verilog", "spice"}) {
                Path folder = output.resolve(target.network()).resolve(kind);
                if (Files.isDirectory(folder)) {
                    int status = VerifyCommand.status(spec, Verification.run(folder, options,
                            spec.commandLine().getOut(), Main.version()));
                    if (status != 0) {
                        return status;
                    }
                }
            }
        }
        return 0;
    }
}
