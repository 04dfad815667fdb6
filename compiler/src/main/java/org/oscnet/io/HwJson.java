package org.oscnet.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.oscnet.model.HardwareTarget;
import org.oscnet.plot.HardwarePlots;
import org.oscnet.quantize.HwNetwork;
import org.oscnet.quantize.Quantizer;
import org.oscnet.quantize.Widths;

/**
 * {@code hw.json}: the fixed-point plan of a compiled network (every width and constant), how the
 * widths were chosen, float against fixed-point accuracy, and what {@code oscnet verify} needs
 * (top module, files, model class, vectors). Written by compile, read by verify.
 */
public final class HwJson {
    public static final String SCHEMA = "oscnet.hw/1";
    /** The schema of a digital XY array's {@code hw.json} ({@link XyHwJson}); {@link #read} takes both. */
    public static final String XY_SCHEMA = "oscnet.hw-xy/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HwJson() {
    }

    /** What {@code verify} reads back; {@code family} is the network family of the array (kuramoto or xy). */
    public record Summary(String name, String topModule, String modelClass, String modelSource, List<String> rtlFiles,
            double clockHz, long latency, int oscillators, int lanes, double floatAccuracy, double fixedAccuracy,
            int testVectors, int randomVectors, double stepSeconds, long steps, String family) {

        /**
         * Whether the design keeps its couplings and phases in memories ({@code $readmemh} ROMs and
         * RAMs), which synthesis should count as blocks, not gates: the xy array does.
         */
        public boolean memories() {
            return family.equals("xy");
        }

        /** What the testbenches compare for every sample. */
        public String compared() {
            return family.equals("xy") ? "the class, the latency and a digest of every free phase after every step"
                    : "the class, the sync bits, the latency and a digest of every phase after every step";
        }
    }

    public static String render(String version, String source, HwNetwork hw, HardwareTarget.Verilog target,
            Widths widths, Quantizer.Search search, double floatAccuracy, double fixedAccuracy,
            double floatTrainAccuracy, double fixedTrainAccuracy, List<HardwarePlots.Point> sweep,
            List<String> rtlFiles, int testVectors, int randomVectors, InputScaling scaling, String inputForm) {
        ObjectNode root = head(SCHEMA, version, source, hw.name(), org.oscnet.emit.JavaModelEmitter.qualifiedName(hw),
                org.oscnet.emit.JavaModelEmitter.sourcePath(hw), rtlFiles, target.clockHz());
        putScaling(root, scaling, inputForm);

        ObjectNode shape = root.putObject("architecture");
        shape.put("oscillators", hw.oscillators());
        shape.put("features", hw.features());
        shape.put("lanes", hw.lanes());
        shape.put("groups", hw.groups());
        shape.put("pipeline", hw.pipeline());
        shape.put("step_cycles", hw.stepCycles());
        shape.put("steps", hw.steps());
        shape.put("readout_steps", hw.readoutSteps());
        shape.put("step_s", hw.stepSeconds());
        shape.put("latency_cycles", hw.latency());
        shape.put("centre_hz", hw.centreHz());
        shape.put("hz_per_frequency_lsb", hw.hzPerLsb());
        shape.put("random_initial_phases", hw.randomPhases());
        shape.put("lfsr_seed", String.format("0x%08x", hw.lfsrSeed()));

        ObjectNode w = root.putObject("widths");
        w.put("phase", hw.phaseBits());
        w.put("input", hw.inputBits());
        w.put("input_fraction", hw.inputFraction());
        w.put("weight", hw.weightBits());
        w.put("weight_fraction", hw.weightFraction());
        w.put("encoder_sum", hw.sumBits());
        w.put("frequency", hw.frequencyBits());
        w.put("sine_entries", hw.sineEntries());
        w.put("sine", hw.sineBits());
        w.put("coupling", hw.couplingBits());
        w.put("coupling_mix", hw.mixBits());
        w.put("coupling_product", hw.productBits());
        w.put("increment", hw.incrementBits());
        w.put("accumulator", hw.accumulatorBits());
        w.put("step_counter", hw.counterBits());

        ObjectNode constants = root.putObject("constants");
        constants.put("word_min", hw.wordMin());
        constants.put("word_max", hw.wordMax());
        constants.put("coupling_multiplier", hw.couplingMultiplier());
        constants.put("coupling_shift", hw.couplingShift());
        constants.put("coupling_effective_hz", hw.couplingMultiplier() * Math.pow(hw.sineTable().amplitude(), 2)
                / Math.scalb(1.0, hw.couplingShift()) * hw.hzPerLsb());
        constants.put("sync_threshold", hw.syncThreshold());
        ArrayNode pairs = constants.putArray("pairs");
        for (HwNetwork.Pair pair : hw.pairs()) {
            ObjectNode p = pairs.addObject();
            p.putArray("oscillators").add(pair.first()).add(pair.second());
            p.put("class", pair.className());
        }

        ObjectNode q = quantization(root, target, search, List.of("phase", "input", "weight", "coupling"));
        q.put("float_test_accuracy", floatAccuracy);
        q.put("fixed_test_accuracy", fixedAccuracy);
        q.put("float_train_accuracy", floatTrainAccuracy);
        q.put("fixed_train_accuracy", fixedTrainAccuracy);
        ArrayNode s = q.putArray("phase_sweep");
        for (HardwarePlots.Point point : sweep) {
            s.addObject().put("phase_bits", (int) point.x()).put("fixed_test_accuracy", point.y());
        }
        ObjectNode vectors = root.putObject("vectors");
        vectors.put("test_rows", testVectors);
        vectors.put("random_rows", randomVectors);
        vectors.put("random_seed", org.oscnet.emit.Vectors.RANDOM_SEED);
        return text(root);
    }

    /**
     * The {@code quantization} object: given or automatic widths and, for automatic ones, every
     * trial of the search with the {@code signals} it narrowed.
     */
    static ObjectNode quantization(ObjectNode root, HardwareTarget.Verilog target, Quantizer.Search search,
            List<String> signals) {
        ObjectNode q = root.putObject("quantization");
        q.put("widths", target.autoWidths() ? "auto" : "given");
        // sorted: the model's map has no stable order, and hw.json is diffed in review
        q.set("given", MAPPER.valueToTree(new java.util.TreeMap<>(target.widths())));
        if (search != null) {
            q.put("target_accuracy", search.target());
            ArrayNode trials = q.putArray("trials");
            for (Quantizer.Trial trial : search.trials()) {
                ObjectNode t = trials.addObject();
                signals.forEach(signal -> t.put(signal, trial.widths().get(signal)));
                if (Double.isNaN(trial.accuracy())) {
                    t.put("infeasible", trial.note());
                } else {
                    t.put("test_accuracy", trial.accuracy());
                }
            }
        }
        return q;
    }

    /**
     * {@code input_scaling}: what turns a raw data row into the scaled features training saw, and
     * which of the two the core takes ({@code inputForm}: {@code raw} or {@code scaled}).
     */
    static void putScaling(ObjectNode root, InputScaling scaling, String inputForm) {
        ObjectNode s = root.putObject("input_scaling");
        s.put("formula", scaling.formula());
        s.put("target_low", scaling.targetLow());
        s.set("low", MAPPER.valueToTree(scaling.low()));
        s.set("gain", MAPPER.valueToTree(scaling.gain()));
        s.put("core_input", inputForm.equals("raw")
                ? "raw: the core takes raw[f]; this scaling is folded into the encoder's weights and biases"
                : "scaled: the core takes scaled[f]");
    }

    /** What every {@code hw.json} starts with: what it is and what {@code verify} runs. */

    static ObjectNode head(String schema, String version, String source, String network, String modelClass,
            String modelSource, List<String> rtlFiles, double clockHz) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", schema);
        root.put("oscnet", version);
        root.put("source", source);
        root.put("network", network);
        root.put("top_module", network + "_top");
        root.put("model_class", modelClass);
        root.put("model_source", "model/" + modelSource);
        ArrayNode files = root.putArray("rtl_files");
        rtlFiles.forEach(f -> files.add("rtl/" + f));
        root.put("clock_hz", clockHz);
        return root;
    }

    static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of either hw.json schema that {@link #read} uses, as records (snake_case fields). */
    record ReadBack(String schema, String network, String topModule, String modelClass, String modelSource,
            List<String> rtlFiles, double clockHz, Architecture architecture, Quantization quantization,
            VectorCounts vectors) {
    }

    record Architecture(long latencyCycles, int oscillators, int lanes, double stepS, long steps) {
    }

    record Quantization(double floatTestAccuracy, double fixedTestAccuracy) {
    }

    record VectorCounts(int testRows, int randomRows) {
    }

    /** What verify needs from a hw.json of either schema; a clear error for any other file. */
    public static Summary read(Path file) throws IOException {
        String schema = JsonDocuments.readAny(file).path("schema").asText();
        if (!SCHEMA.equals(schema) && !XY_SCHEMA.equals(schema)) {
            throw new IOException(file + " is not an oscnet hw.json (schema " + SCHEMA + " or " + XY_SCHEMA
                    + "); run `oscnet compile` again");
        }
        ReadBack r;
        try {
            r = JsonDocuments.read(file, schema, ReadBack.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a valid " + schema + " file; run `oscnet compile` again", e);
        }
        if (r.architecture() == null || r.quantization() == null || r.vectors() == null || r.rtlFiles() == null) {
            throw new IOException(file + " lacks architecture, quantization, vectors or rtl_files; run `oscnet"
                    + " compile` again");
        }
        return new Summary(r.network(), r.topModule(), r.modelClass(), r.modelSource(), r.rtlFiles(), r.clockHz(),
                r.architecture().latencyCycles(), r.architecture().oscillators(), r.architecture().lanes(),
                r.quantization().floatTestAccuracy(), r.quantization().fixedTestAccuracy(), r.vectors().testRows(),
                r.vectors().randomRows(), r.architecture().stepS(), r.architecture().steps(),
                XY_SCHEMA.equals(schema) ? "xy" : "kuramoto");
    }
}
