package org.oscnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.oscnet.model.Design;
import org.oscnet.model.Network;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet demo}: the main job on the default example, Iris versicolor. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Run the main job (check, train, compile, verify) on the Iris versicolor example.",
        description = {"Run the main job on the default example, examples/iris_versicolor.osc: check it, train it"
                + " (about 40 s on 2 cores) and write trained.json and plots into DIR, compile it to Verilog and its"
                + " bit-exact Java model (DIR/versicolor/verilog), bias DAC tables (dac/) and ngspice netlists"
                + " (spice/), then verify the Verilog: the Java model, Verilator and Icarus replay the test vectors"
                + " bit for bit, and Yosys synthesizes it (~2 min)."},
        footer = {"", "Example:", "  oscnet demo -o out/demo"})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "examples/iris_versicolor.osc";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out/demo",
            description = "where results go (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws java.io.IOException {
        Path example = home().resolve(EXAMPLE);
        if (!Files.exists(example)) {
            throw new UserError("cannot find " + EXAMPLE + " under " + home() + "; run the demo from the repository "
                    + "(the ./oscnet launcher sets oscnet.home)");
        }
        var out = spec.commandLine().getOut();
        Design design = Inputs.load(example, spec.commandLine().getErr());
        out.println(example + ": ok (" + CheckCommand.summary(design) + ")");
        design.datasets().forEach(d -> out.println("  dataset " + d.name() + ": " + d.featureCount() + " features, "
                + d.classCount() + " classes " + d.classNames() + ", split " + d.split()));
        for (Network network : design.networks()) {
            out.println("  network " + network.name() + ": " + network.family());
        }
        TrainCommand.trainAll(spec, design, example, output, null);
        CompileCommand.compileAll(spec, design, example, output, new LinkedHashSet<>(Pipeline.TARGETS),
                Optional.empty());
        Verification.Options options = new Verification.Options(false, 1, "generic", 0, 1, 0);
        int status = VerifyCommand.status(spec, Verification.run(output.resolve("versicolor/verilog"), options, out,
                Main.version()));
        if (status == 0) {
            out.println("next: read " + output.resolve("versicolor/verilog/report.md") + " and the DAC tables in "
                    + output.resolve("versicolor/dac") + "; run the ngspice checks (about 8 minutes: level 2 is slow)"
                    + " with: oscnet verify " + output.resolve("versicolor/spice"));
        }
        return status;
    }

    /** The repository the launcher runs from (system property oscnet.home), else the working folder. */
    static Path home() {
        return Path.of(System.getProperty("oscnet.home", "."));
    }
}
