package org.oscnet.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oscnet.emit.Templates;
import org.oscnet.emit.XyModelEmitter;
import org.oscnet.emit.XyVectors;
import org.oscnet.emit.XyVerilogEmitter;
import org.oscnet.io.XyHwJson;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.HardwareTarget;
import org.oscnet.quantize.Quantizer;
import org.oscnet.quantize.WidthTooSmall;
import org.oscnet.quantize.Widths;
import org.oscnet.quantize.XyHw;
import org.oscnet.quantize.XyQuantizer;
import org.oscnet.sim.Threads;
import org.oscnet.train.TrainedEquilibrium;

/**
 * The Verilog target of one trained XY network: quantize (given or automatic widths), measure
 * fixed against float accuracy, and emit the RTL with its {@code $readmemh} files, the Java model,
 * the vectors, the testbenches and {@code hw.json}, as relative paths to contents.
 */
final class XyVerilogTarget {
    /** What oscnet uses when the hardware block gives no width: 16-bit phases, weights and step constant. */
    static final Widths DEFAULTS = new Widths(16, 0, 16, 16, 0, 0);
    // wide, and still within the 62-bit step product for a row of a few hundred couplings
    private static final Widths GENEROUS = new Widths(20, 0, 16, 14, 0, 0);
    private static final Set<String> WIDTHS = Set.of("phase", "weight", "coupling");

    private XyVerilogTarget() {
    }

    /** What compiling produced: files (relative path to bytes) and a one-line summary. */
    record Compiled(Map<String, byte[]> files, String summary) {
    }

    /** The fixed-point plan of a trained network and, with automatic widths, what the search tried. */
    record Planned(XyHw hw, Quantizer.Search search) {
    }

    static Planned plan(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained,
            HardwareTarget.Verilog target, int threads) {
        for (String signal : target.widths().keySet()) {
            if (!WIDTHS.contains(signal)) {
                throw new BadInput("`" + network.name() + "`: an xy array has no `" + signal + "` width; give"
                        + " phase, weight or coupling (the step constant) widths");
            }
        }
        if (target.lanes() > 1) {
            throw new NotImplementedYet("an xy array with more than one lane (`lanes " + target.lanes() + "`)");
        }
        if (target.pipeline() > 0) {
            throw new NotImplementedYet("a pipelined xy array (`pipeline " + target.pipeline() + "`)");
        }
        if (network.simulation().noiseLinewidth() > 0) {
            throw new NotImplementedYet("an xy array with phase noise (`noise`)");
        }
        double[] parameters = trained.parameters();
        double[] offsets = org.oscnet.train.EquilibriumTrainer.deviceOffsets(network, trained);
        Widths widths = DEFAULTS.with(target.widths());
        Quantizer.Search search = null;
        if (target.autoWidths()) {
            search = Quantizer.search(XyQuantizer.SEARCHED, GENEROUS.with(target.widths()),
                    trained.testAccuracy() - target.autoMaxLoss(),
                    w -> XyQuantizer.accuracy(XyQuantizer.plan(network, parameters, offsets, target, w),
                            dataset.test(), threads));
            widths = search.chosen();
        }
        try {
            return new Planned(XyQuantizer.plan(network, parameters, offsets, target, widths), search);
        } catch (WidthTooSmall e) {
            throw new BadInput("`" + network.name() + "`: " + e.getMessage());
        }
    }

    /** What the hardware computes, without emitting it: fixed-point test accuracy and cycles per sample. */
    static HardwareMetrics measure(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained,
            HardwareTarget.Verilog target, int threads) {
        XyHw hw = plan(network, dataset, trained, target, threads).hw();
        return new HardwareMetrics(XyQuantizer.accuracy(hw, dataset.test(), threads), hw.latency(), null, null);
    }

    static Compiled compile(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained,
            HardwareTarget.Verilog target, String version, String source) {
        Planned planned = plan(network, dataset, trained, target, Threads.allCores());
        XyHw hw = planned.hw();
        Quantizer.Search search = planned.search();
        int testRows = XyVectors.testRows(hw, dataset.test().size());
        int randomRows = XyVectors.randomRows(hw);
        XyHwJson.Accuracy accuracy = new XyHwJson.Accuracy(trained.testAccuracy(),
                XyQuantizer.accuracy(hw, dataset.test()), trained.trainAccuracy(),
                XyQuantizer.accuracy(hw, dataset.train()), testRows, randomRows);

        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> rtl = XyVerilogEmitter.render(hw, version, source);
        rtl.forEach((name, text) -> VerilogTarget.put(files, "rtl/" + name, text));
        XyVerilogEmitter.memories(hw).forEach((name, text) -> VerilogTarget.put(files, "mem/" + name, text));
        List<String> rtlFiles = new ArrayList<>(rtl.keySet());
        VerilogTarget.put(files, hw.name() + ".f", String.join("\n", rtlFiles.stream().map(f -> "rtl/" + f).toList())
                + "\n");
        VerilogTarget.put(files, "model/" + XyModelEmitter.sourcePath(hw), XyModelEmitter.render(hw,
                dataset.featureMap(), version, source));
        long[] inputs = XyVectors.inputs(hw, dataset.test().featuresRowMajor(), testRows, randomRows);
        VerilogTarget.put(files, "vectors.txt", XyVectors.render(hw, inputs, testRows + randomRows,
                VerilogTarget.TRACE_STEPS));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", version);
        model.put("source", source);
        model.put("name", hw.name());
        model.put("free", hw.free());
        model.put("inputs", hw.inputs());
        model.put("outputs", hw.outputs());
        model.put("phaseBits", hw.phaseBits());
        model.put("classBits", hw.classIndexBits());
        model.put("traceStepsHint", VerilogTarget.TRACE_STEPS);
        model.put("randomPhases", hw.randomPhases());
        model.put("drifts", hw.drifts());
        model.put("edges", hw.edges());
        model.put("weightBits", hw.weightBits());
        model.put("weightFraction", hw.weightFraction());
        model.put("modelPath", XyModelEmitter.sourcePath(hw));
        model.put("modelClass", XyModelEmitter.qualifiedName(hw));
        model.put("vectorSamples", testRows + randomRows);
        model.put("testSamples", testRows);
        model.put("randomSamples", randomRows);
        model.put("randomSeed", org.oscnet.emit.Vectors.RANDOM_SEED);
        model.put("latency", hw.latency());
        model.put("steps", hw.steps());
        model.put("stepCycles", hw.stepCycles());
        VerilogTarget.putScaling(model, dataset);
        VerilogTarget.put(files, "tb/" + hw.name() + "_tb.v", Templates.render("testbench/xy_tb.v.ftl",
                VerilogTarget.with(model, "title", "Icarus testbench of " + hw.name() + "_top")));
        VerilogTarget.put(files, "tb/" + hw.name() + "_harness.cpp", Templates.render("testbench/xy_harness.cpp.ftl",
                VerilogTarget.with(model, "title", "Verilator harness of " + hw.name() + "_top")));
        VerilogTarget.put(files, "README.md", Templates.render("testbench/xy_README.md.ftl", model));
        VerilogTarget.put(files, "hw.json", XyHwJson.render(version, source, hw, target, search, accuracy, rtlFiles,
                org.oscnet.io.InputScaling.of(dataset.featureMap())));
        String summary = String.format(Locale.ROOT,
                "%s: %d free units, %d couplings stored, phase %d bits, weight %d bits; test accuracy float %.1f %%,"
                        + " fixed point %.1f %% (%d test rows); %d cycles per sample",
                hw.name(), hw.free(), hw.edges(), hw.phaseBits(), hw.weightBits(), 100 * accuracy.floatTest(),
                100 * accuracy.fixedTest(), dataset.test().size(), hw.latency());
        return new Compiled(files, summary);
    }
}
