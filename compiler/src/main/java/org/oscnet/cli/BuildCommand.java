package org.oscnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.pipeline.Stages;
import org.oscnet.pipeline.Trainers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet build}: check, train, compile and verify in one go. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Check, train, compile and verify an .osc file, all in one go: `oscnet train`, then",
            "`oscnet compile` of every hardware block, then `oscnet verify` of every folder it wrote",
            "(Verilog with generic synthesis, SPICE). Stops at the first stage that fails, with its status."},
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
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"train", file.toString(), "-o", output.toString()});
        if (!design.hardware().isEmpty()) {
            steps.add(new String[] {"compile", file.toString(), "-o", output.toString()});
        }
        for (String[] step : steps) {
            int status = spec.root().commandLine().execute(step);
            if (status != 0) {
                return status;
            }
        }
        for (HardwareTarget target : design.hardware()) {
            Path network = output.resolve(target.network());
            for (String folder : new String[] {"verilog", "spice"}) {
                if (Files.isDirectory(network.resolve(folder))) {
                    int status = spec.root().commandLine().execute("verify", network.resolve(folder).toString(),
                            "--synthesis", "generic");
                    if (status != 0) {
                        return status;
                    }
                }
            }
        }
        return 0;
    }
}
