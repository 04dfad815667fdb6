package org.oscnet.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.oscnet.emit.Vectors;
import org.oscnet.emit.XyModelEmitter;
import org.oscnet.model.HardwareTarget;
import org.oscnet.quantize.Quantizer;
import org.oscnet.quantize.XyHw;
import org.oscnet.quantize.XyQuantizer;

/**
 * {@code hw.json} of a digital XY array (schema {@value HwJson#XY_SCHEMA}): the fixed-point plan,
 * how the widths were chosen, float against fixed-point accuracy, and the same fields
 * {@code verify} reads from a Kuramoto array's ({@link HwJson#read}).
 */
public final class XyHwJson {
    private XyHwJson() {
    }

    /** Float and fixed-point test accuracy, and the rows the vectors hold. */
    public record Accuracy(double floatTest, double fixedTest, double floatTrain, double fixedTrain, int testVectors,
            int randomVectors) {
    }

    public static String render(String version, String source, XyHw hw, HardwareTarget.Verilog target,
            Quantizer.Search search, Accuracy accuracy, List<String> rtlFiles, InputScaling scaling) {
        ObjectNode root = HwJson.head(HwJson.XY_SCHEMA, version, source, hw.name(), XyModelEmitter.qualifiedName(hw),
                XyModelEmitter.sourcePath(hw), rtlFiles, target.clockHz());
        HwJson.putScaling(root, scaling, "scaled");
        ObjectNode shape = root.putObject("architecture");
        shape.put("oscillators", hw.free());
        shape.put("inputs", hw.inputs());
        shape.put("outputs", hw.outputs());
        shape.put("edges", hw.edges());
        shape.put("input_edges", hw.inputEdges());
        shape.put("lanes", 1);
        shape.put("steps", hw.steps());
        shape.put("step_s", hw.stepSize());
        shape.put("latency_cycles", hw.latency());
        shape.put("random_initial_phases", hw.randomPhases());
        shape.put("lfsr_seed", String.format("0x%08x", hw.lfsrSeed()));

        ObjectNode w = root.putObject("widths");
        w.put("phase", hw.phaseBits());
        w.put("weight", hw.weightBits());
        w.put("weight_fraction", hw.weightFraction());
        w.put("sine_entries", hw.sineEntries());
        w.put("sine", hw.sineBits());
        w.put("accumulator", hw.accumulatorBits());
        w.put("force", hw.forceBits());
        w.put("coupling", hw.couplingBits());
        w.put("step_product", hw.productBits());
        w.put("turn", hw.incrementBits());
        w.put("column", hw.columnBits());

        ObjectNode constants = root.putObject("constants");
        constants.put("step_multiplier", hw.couplingMultiplier());
        constants.put("step_shift", hw.couplingShift());
        constants.put("first_output", hw.firstOutput());
        if (hw.drifts()) {
            var words = constants.putArray("frequency_words");
            java.util.Arrays.stream(hw.drift()).forEach(words::add);
        }

        ObjectNode q = HwJson.quantization(root, target, search, XyQuantizer.SEARCHED);
        q.put("float_test_accuracy", accuracy.floatTest());
        q.put("fixed_test_accuracy", accuracy.fixedTest());
        q.put("float_train_accuracy", accuracy.floatTrain());
        q.put("fixed_train_accuracy", accuracy.fixedTrain());
        ObjectNode vectors = root.putObject("vectors");
        vectors.put("test_rows", accuracy.testVectors());
        vectors.put("random_rows", accuracy.randomVectors());
        vectors.put("random_seed", Vectors.RANDOM_SEED);
        return HwJson.text(root);
    }
}
