package org.oscnet.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscnet.emit.JavaModelEmitter;
import org.oscnet.emit.Templates;
import org.oscnet.emit.Vectors;
import org.oscnet.emit.VerilogEmitter;
import org.oscnet.io.HwJson;
import org.oscnet.io.InputScaling;
import org.oscnet.model.Dataset;
import org.oscnet.model.FeatureMap;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.plot.HardwarePlots;
import org.oscnet.quantize.HwNetwork;
import org.oscnet.quantize.InputEncoding;
import org.oscnet.quantize.Quantizer;
import org.oscnet.quantize.WidthTooSmall;
import org.oscnet.quantize.Widths;
import org.oscnet.sim.Threads;
import org.oscnet.train.TrainedKuramoto;

/**
 * The Verilog target of one trained Kuramoto network: quantize (given or automatic widths),
 * measure fixed against float accuracy, and emit the RTL, the Java model, the vectors, the
 * testbenches, the FuseSoC core and {@code hw.json}, as relative paths to contents.
 */
public final class VerilogTarget {
    /** Random inputs appended to the test set in the vectors. */
    public static final int RANDOM_VECTORS = 1000;
    /** Steps of sample 0 whose phases the vectors list one by one. */
    public static final int TRACE_STEPS = 64;
    private static final int SWEEP_LOW = 8;
    private static final int SWEEP_HIGH = 32;

    private VerilogTarget() {
    }

    /** What compiling produced: files (relative path to bytes), the plan and a one-line summary. */
    public record Compiled(Map<String, byte[]> files, HwNetwork hw, double floatAccuracy, double fixedAccuracy,
            String summary) {
    }

    /**
     * The fixed-point plan of a trained network: its widths (given or searched), what the search
     * tried, what the core's inputs are, and how a plan follows from widths (for the phase sweep).
     */
    record Planned(HwNetwork hw, Widths widths, Quantizer.Search search, InputEncoding encoding,
            java.util.function.Function<Widths, HwNetwork> planner) {
    }

    /** Quantizes {@code trained} for {@code target}: the widths it gives, or the narrowest that keep its accuracy. */
    static Planned plan(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            HardwareTarget.Verilog target, int threads) {
        InputEncoding encoding = new InputEncoding(target.rawInput(), dataset.featureMap());
        double[][] frequencyHz = encoding.fold(Quantizer.frequencyMatrix(network, trained, dataset.featureCount()));
        int inputInteger = encoding.integerBits(dataset.train());
        java.util.function.Function<Widths, HwNetwork> planner = widths -> Quantizer.plan(network,
                dataset.classNames(), frequencyHz, target, widths, inputInteger);
        Widths widths = Widths.DEFAULTS.with(target.widths());
        Quantizer.Search search = null;
        if (target.autoWidths()) {
            search = Quantizer.chooseWidths(planner, encoding, dataset.test(), Widths.GENEROUS.with(target.widths()),
                    trained.testAccuracy() - target.autoMaxLoss(), threads);
            widths = search.chosen();
        }
        HwNetwork hw;
        try {
            hw = planner.apply(widths);
        } catch (WidthTooSmall e) {
            throw new BadInput("`" + network.name() + "`: " + e.getMessage());
        }
        if (!hw.encoderFitsPriming()) {
            throw new BadInput("`" + network.name() + "`: with `pipeline " + hw.pipeline() + "` the input encoder has "
                    + hw.encoderStages() + " register stages (its multipliers and sum tree), more than the "
                    + hw.stepCycles() + " cycles of a step (" + hw.groups() + " group" + (hw.groups() == 1 ? "" : "s")
                    + " + " + hw.pipeline() + "), so the last word would arrive after the first step reads it; use "
                    + "fewer lanes or a deeper pipeline");
        }
        return new Planned(hw, widths, search, encoding, planner);
    }

    /** What the hardware computes, without emitting it: fixed-point test accuracy and cycles per sample. */
    static HardwareMetrics measure(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            HardwareTarget.Verilog target, int threads) {
        Planned planned = plan(network, dataset, trained, target, threads);
        return new HardwareMetrics(Quantizer.accuracy(planned.hw(), planned.encoding(), dataset.test(), threads),
                planned.hw().latency(), null, null);
    }

    public static Compiled compile(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            HardwareTarget.Verilog target, String version, String source) {
        double floatAccuracy = trained.testAccuracy();
        Planned planned = plan(network, dataset, trained, target, Threads.allCores());
        HwNetwork hw = planned.hw();
        Widths widths = planned.widths();
        Quantizer.Search search = planned.search();
        InputEncoding encoding = planned.encoding();
        int threads = Threads.allCores();
        double fixedAccuracy = Quantizer.accuracy(hw, encoding, dataset.test(), threads);
        double fixedTrainAccuracy = Quantizer.accuracy(hw, encoding, dataset.train(), threads);

        List<HardwarePlots.Point> sweep = new ArrayList<>();
        for (int bits = SWEEP_LOW; bits <= SWEEP_HIGH; bits += 2) {
            try {
                HwNetwork variant = planned.planner().apply(
                        widths.withPhase(bits).withWeight(Math.max(2, widths.weight() + bits - widths.phase())));
                sweep.add(new HardwarePlots.Point(bits, Quantizer.accuracy(variant, encoding, dataset.test(), threads)));
            } catch (WidthTooSmall e) {
                // this phase width cannot hold the design's increments: no point
            }
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> rtl = VerilogEmitter.render(hw, version, source);
        rtl.forEach((name, text) -> put(files, "rtl/" + name, text));
        List<String> rtlFiles = new ArrayList<>(rtl.keySet());
        put(files, hw.name() + ".f", String.join("\n", rtlFiles.stream().map(f -> "rtl/" + f).toList()) + "\n");
        // With raw input the model's scale is the identity: the core takes the file's values.
        FeatureMap modelScaling = encoding.raw() ? FeatureMap.identity(dataset.featureCount()) : dataset.featureMap();
        put(files, "model/" + JavaModelEmitter.sourcePath(hw), JavaModelEmitter.render(hw, modelScaling, version,
                source));

        long[] x = Vectors.inputs(hw, encoding, dataset.test(), RANDOM_VECTORS);
        int rows = dataset.test().size() + RANDOM_VECTORS;
        put(files, "vectors.txt", Vectors.render(hw, x, rows, TRACE_STEPS));

        Map<String, Object> model = testbenchModel(hw, version, source, rtlFiles, dataset.test().size());
        putScaling(model, dataset);
        model.put("rawInput", encoding.raw());
        put(files, "tb/" + hw.name() + "_tb.v", Templates.render("testbench/icarus_tb.v.ftl",
                with(model, "title", "Icarus testbench of " + hw.name() + "_top")));
        put(files, "tb/" + hw.name() + "_harness.cpp", Templates.render("testbench/verilator_harness.cpp.ftl",
                with(model, "title", "Verilator harness of " + hw.name() + "_top")));
        put(files, hw.name() + ".core", Templates.render("testbench/fusesoc.core.ftl",
                with(model, "title", "FuseSoC core of " + hw.name())));
        put(files, "README.md", Templates.render("testbench/README.md.ftl", model));
        put(files, "hw.json", HwJson.render(version, source, hw, target, widths, search, floatAccuracy, fixedAccuracy,
                trained.trainAccuracy(), fixedTrainAccuracy, sweep, rtlFiles, dataset.test().size(), RANDOM_VECTORS,
                InputScaling.of(dataset.featureMap()), encoding.form()));
        if (!sweep.isEmpty()) {
            files.put("phase_sweep.png", HardwarePlots.phaseSweep(hw.name(), sweep, floatAccuracy, hw.phaseBits()));
        }
        String summary = String.format(java.util.Locale.ROOT,
                "%s: %d oscillators, %d lane%s, phase %d bits; test accuracy float %.1f %%, fixed point %.1f %%"
                        + " (%d test rows); %d cycles per sample",
                hw.name(), hw.oscillators(), hw.lanes(), hw.lanes() == 1 ? "" : "s", hw.phaseBits(), 100 * floatAccuracy, 100 * fixedAccuracy,
                dataset.test().size(), hw.latency());
        return new Compiled(files, hw, floatAccuracy, fixedAccuracy, summary);
    }

    /** The dataset's scaling of raw rows, for the generated README's table. */
    static void putScaling(Map<String, Object> model, Dataset dataset) {
        InputScaling scaling = InputScaling.of(dataset.featureMap());
        model.put("scalingFormula", scaling.formula());
        model.put("scalingTargetLow", InputScaling.shortest(scaling.targetLow()));
        model.put("scalingRows", scaling.rows());
    }

    private static Map<String, Object> testbenchModel(HwNetwork hw, String version, String source,
            List<String> rtlFiles, int testRows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("source", source);
        m.put("name", hw.name());
        m.put("title", hw.name() + ": generated hardware");
        m.put("oscillators", hw.oscillators());
        m.put("features", hw.features());
        m.put("lanes", hw.lanes());
        m.put("groups", hw.groups());
        m.put("stepCycles", hw.stepCycles());
        m.put("pipeline", hw.pipeline());
        m.put("decisionStages", hw.decisionStages());
        m.put("steps", hw.steps());
        m.put("latency", hw.latency());
        m.put("phaseBits", hw.phaseBits());
        m.put("inputBits", hw.inputBits());
        m.put("inputFraction", hw.inputFraction());
        int inputInteger = hw.inputBits() - hw.inputFraction();
        m.put("inputRange", "[-" + (1L << (inputInteger - 1)) + ", " + (1L << (inputInteger - 1)) + ")");
        m.put("classBits", hw.classIndexBits());
        m.put("pairCount", hw.pairs().size());
        m.put("pairNames", String.join(", ", hw.pairs().stream()
                .map(p -> "bit " + hw.pairs().indexOf(p) + " = " + p.className()).toList()));
        m.put("traceStepsHint", TRACE_STEPS);
        m.put("rtlFiles", rtlFiles);
        m.put("rtlTitles", rtlFiles.stream().map(VerilogTarget::describe).toList());
        m.put("modelPath", JavaModelEmitter.sourcePath(hw));
        m.put("modelClass", JavaModelEmitter.qualifiedName(hw));
        m.put("vectorSamples", testRows + RANDOM_VECTORS);
        m.put("testSamples", testRows);
        m.put("randomSamples", RANDOM_VECTORS);
        m.put("randomSeed", Vectors.RANDOM_SEED);
        return m;
    }

    private static String describe(String file) {
        String module = file.endsWith("_sine_rom.v") ? "sine_rom"
                : file.substring(file.lastIndexOf('_') + 1, file.length() - 2);
        return switch (module) {
            case "sine_rom" -> "full-wave sine/cosine tables, read one clock after the index (block RAM)";
            case "sine" -> "quarter-wave sine/cosine table";
            case "encoder" -> "input encoder: F = clip(W x + b) as frequency words";
            case "lane" -> "one oscillator update: mean-field coupling, phase, increment";
            case "lfsr" -> "LFSR of the initial phases";
            case "controller" -> "controller: load, prime, run, done";
            case "decision" -> "sync detector and class decision";
            case "multiply" -> "signed multiplier, operands and product registered; with `-D"
                    + VerilogEmitter.ICE40_MACRO + "` (oscnet's iCE40 flow) one SB_MAC16 each: read the RTL with"
                    + " it and synthesize without `-dsp` for a DSP configuration icetime can time";
            case "top" -> "top level: streaming interface, registers, lanes";
            default -> throw new IllegalArgumentException("no description of " + file);
        };
    }

    static Map<String, Object> with(Map<String, Object> model, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(model);
        copy.put(key, value);
        return copy;
    }

    static void put(Map<String, byte[]> files, String path, String text) {
        files.put(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
