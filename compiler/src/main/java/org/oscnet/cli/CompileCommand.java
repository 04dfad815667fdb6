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
import org.oscnet.io.TrainedJson;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.pipeline.SpintronicTarget;
import org.oscnet.pipeline.Stages;
import org.oscnet.pipeline.VerilogTarget;
import org.oscnet.train.TrainedKuramoto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet compile}: emit the hardware of trained networks. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Compile trained networks into hardware, as each hardware block asks: fixed-point Verilog",
            "with a bit-exact Java model, test vectors, Verilator and Icarus testbenches and a FuseSoC",
            "core (verilog); bias DAC tables (dac); SPICE netlists (spice).",
            "Reads DIR/<network>/trained.json (written by `oscnet train`) and writes DIR/<network>/verilog/,",
            "DIR/<network>/dac/ (bias.csv, bias.mem, weights.csv, dac.json) and DIR/<network>/spice/ (ngspice",
            "netlists and spice.json).",
            "Widths not given in the verilog block are the defaults (phase 24, input 12, weight 16,",
            "coupling 16 bits) or, with `widths auto (loss 1 %%);`, the smallest that keep the test accuracy",
            "within that loss of the float simulator. Prints float and fixed-point test accuracy, and for",
            "the DAC the accuracy with the quantized codes and with linearised (analog-summed) input weights."},
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
        Set<String> wanted = new LinkedHashSet<>(targets == null ? Stages.TARGETS : targets);
        for (String target : wanted) {
            if (!Stages.TARGETS.contains(target)) {
                throw new UserError("unknown target `" + target + "`; --targets takes " + String.join(", ",
                        Stages.TARGETS));
            }
        }
        Design design = Inputs.load(file, spec.commandLine().getErr());
        if (design.hardware().isEmpty()) {
            throw new UserError(file + " has no hardware block; add e.g. `hardware " + firstNetwork(design)
                    + " { verilog { phase 24 bits; } }`");
        }
        Stages.requireCompilable(design, wanted);
        var out = spec.commandLine().getOut();
        OutputFolder folder = new OutputFolder(output);
        Optional<Stno[]> devices = readCalibration(design, wanted);
        for (HardwareTarget target : design.hardware()) {
            boolean verilog = target.verilog().isPresent() && wanted.contains("verilog");
            boolean dac = target.dac().isPresent() && wanted.contains("dac");
            boolean spice = target.spice().isPresent() && wanted.contains("spice");
            if (!verilog && !dac && !spice) {
                continue;
            }
            KuramotoNetwork network = (KuramotoNetwork) design.network(target.network()).orElseThrow();
            Dataset dataset = design.dataset(network.dataset()).orElseThrow();
            TrainedKuramoto trained = readTrained(network);
            try {
                if (verilog) {
                    VerilogTarget.Compiled compiled = VerilogTarget.compile(network, dataset, trained,
                            target.verilog().get(), Main.version(), source());
                    compiled.files().forEach((path, bytes) -> folder.put(network.name() + "/verilog/" + path, bytes));
                    out.println(compiled.summary());
                }
                if (dac || spice) {
                    SpintronicTarget.Compiled compiled = SpintronicTarget.compile(network, dataset, trained,
                            spice ? target : new HardwareTarget(target.network(), target.verilog(), target.dac(),
                                    Optional.empty()), devices, Main.version(), source());
                    compiled.files().forEach((path, bytes) -> {
                        if (dac || !path.startsWith("dac/")) {
                            folder.put(network.name() + "/" + path, bytes);
                        }
                    });
                    out.println(compiled.summary());
                }
            } catch (IllegalArgumentException e) {
                throw new UserError(file + ": " + e.getMessage());
            }
        }
        List<Path> written = folder.commit();
        out.println("wrote " + written.size() + " files under " + output);
        return 0;
    }

    /** The source as generated headers name it: relative to the working directory when inside it, never absolute. */
    private String source() {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute.getFileName()).toString()
                .replace('\\', '/');
    }

    private TrainedKuramoto readTrained(KuramotoNetwork network) throws IOException {
        Path trained = output.resolve(network.name()).resolve("trained.json");
        if (!Files.isRegularFile(trained)) {
            throw new UserError(trained + " does not exist; train first: oscnet train " + file + " -o " + output);
        }
        try {
            return TrainedJson.read(trained, network);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
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
