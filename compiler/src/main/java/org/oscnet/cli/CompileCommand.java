package org.oscnet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oscnet.device.Stno;
import org.oscnet.io.DevicesJson;
import org.oscnet.io.OutputFolder;
import org.oscnet.model.Design;
import org.oscnet.pipeline.BadInput;
import org.oscnet.pipeline.CompileOptions;
import org.oscnet.pipeline.Family;
import org.oscnet.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet compile}: emit the hardware of trained networks. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Compile trained networks into Verilog, bias DAC tables or SPICE netlists, as each hardware block"
                + " asks.",
        description = {
            "Compile trained networks into hardware, as each hardware block asks: fixed-point Verilog with a"
                    + " bit-exact Java model, test vectors, Verilator and Icarus testbenches (verilog: a Kuramoto"
                    + " array, or an XY array whose couplings are $readmemh ROMs); bias DAC tables (dac); SPICE"
                    + " netlists (spice).",
            "Reads DIR/<network>/trained.json (written by `oscnet train`) and writes DIR/<network>/verilog/,"
                    + " DIR/<network>/dac/ (bias.csv, bias.mem, weights.csv, dac.json) and DIR/<network>/spice/"
                    + " (ngspice netlists and spice.json).",
            "Widths not given in the verilog block are the defaults (Kuramoto: phase 24, input 12, weight 16,"
                    + " coupling 16 bits; XY: phase, weight and coupling 16 bits) or, with `widths auto (loss 1 %%);`,"
                    + " the smallest that keep the test accuracy within that loss of the float simulator. Prints"
                    + " float and fixed-point test accuracy, and for the DAC the accuracy with the quantized codes"
                    + " and with linearised (analog-summed) input weights."},
        footer = {"", "Example:", "  oscnet train examples/iris_versicolor.osc -o out/versicolor",
            "  oscnet compile examples/iris_versicolor.osc -o out/versicolor --targets verilog",
            "  oscnet verify out/versicolor/versicolor/verilog",
            "  oscnet compile examples/iris_versicolor.osc -o out/versicolor --targets dac,spice",
            "  oscnet verify out/versicolor/versicolor/spice"})
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the .osc file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "where the trained parameters are and the outputs go (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--targets", paramLabel = "T", split = ",",
            description = "which targets to emit: verilog, dac, spice (default: all that the hardware blocks ask for)")
    List<String> targets;

    @Option(names = "--calibration", paramLabel = "JSON",
            description = {"measured STNO parameters, one device per oscillator, for calibrated DAC tables:",
                "{\"devices\": [{\"f0_hz\": .., \"nonlinearity_hz\": .., \"threshold_a\": .., \"q\": ..,"
                        + " \"damping_hz\": ..}, ..]} (the form of dac/dac.json's devices); needs one network with a"
                        + " dac block"})
    Path calibration;

    @Override
    public Integer call() throws IOException {
        Inputs.checkOutputDirectory(output);
        Set<String> wanted = new LinkedHashSet<>(targets == null ? Pipeline.TARGETS : targets);
        for (String target : wanted) {
            if (!Pipeline.TARGETS.contains(target)) {
                throw new UserError("unknown target `" + target + "`; --targets takes " + String.join(", ",
                        Pipeline.TARGETS));
            }
        }
        Design design = Inputs.load(file, spec.commandLine().getErr());
        if (design.hardware().isEmpty()) {
            throw new UserError(file + " has no hardware block; add e.g. `hardware " + firstNetwork(design)
                    + " { verilog { phase 24 bits; } }`");
        }
        compileAll(spec, design, file, output, wanted, readCalibration(design, wanted));
        return 0;
    }

    /** Compiles the {@code wanted} targets of every hardware block and writes them under {@code output}. */
    static void compileAll(CommandSpec spec, Design design, Path file, Path output, Set<String> wanted,
            Optional<Stno[]> devices) throws IOException {
        Pipeline.requireCompilable(design, wanted);
        for (var stale : Pipeline.staleTrainedFiles(design, output)) {
            spec.commandLine().getErr().println("oscnet: warning: " + stale.problem(stale.path().toString())
                    + "; compiling it anyway (`oscnet"
                    + " train " + file + " -o " + output + "` brings it up to date)");
        }
        Family.Compiled compiled;
        try {
            compiled = Pipeline.compile(design, output, wanted, new CompileOptions(devices, Main.version(),
                    Inputs.source(file)), "oscnet train " + file + " -o " + output);
        } catch (BadInput e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        OutputFolder folder = new OutputFolder(output);
        compiled.files().forEach(folder::put);
        compiled.summaries().forEach(spec.commandLine().getOut()::println);
        List<Path> written = folder.commit();
        spec.commandLine().getOut().println("wrote " + written.size() + " files under " + output);
    }

    private Optional<Stno[]> readCalibration(Design design, Set<String> wanted) throws IOException {
        if (calibration == null) {
            return Optional.empty();
        }
        long spintronic = design.hardware().stream().filter(t -> t.dac().isPresent()).count();
        if (spintronic != 1 || !(wanted.contains("dac") || wanted.contains("spice"))) {
            throw new UserError("--calibration applies to exactly one network with a dac block; " + file + " has "
                    + spintronic + (wanted.contains("dac") || wanted.contains("spice") ? "" : " and --targets asks"
                            + " for neither dac nor spice"));
        }
        if (!Files.isRegularFile(calibration)) {
            throw new UserError(calibration + " does not exist");
        }
        try {
            return Optional.of(DevicesJson.read(calibration));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static String firstNetwork(Design design) {
        return design.networks().isEmpty() ? "NAME" : design.networks().get(0).name();
    }
}
