package org.oscnet.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscnet.quantize.HwNetwork;
import org.oscnet.quantize.QFormat;
import org.oscnet.quantize.SineTable;

/**
 * Renders the Verilog of a {@link HwNetwork} from {@code templates/verilog/}: one module per job
 * (sine table, input encoder, oscillator lane, LFSR, controller, decision, top). All widths and
 * constants are computed here; the templates only place them.
 */
public final class VerilogEmitter {
    /** The modules, in dependency order (the order of the file list). */
    public static final List<String> MODULES = List.of("sine", "sine_rom", "multiply", "encoder", "lane", "lfsr",
            "controller", "decision", "top");

    /**
     * The Verilog macro under which the multiplier module instantiates an iCE40 SB_MAC16 (its
     * operand and product registers inside the DSP) instead of describing the product: iCE40
     * flows read the RTL with it defined, simulators and other synthesis flows without.
     */
    public static final String ICE40_MACRO = "OSCNET_ICE40";

    /** From this pipeline depth on, the lane registers its inputs (phase, word, the kept sine and cosine). */
    static final int PIPELINE_REGISTERED_INPUTS = 3;
    /** From this depth on, the new phase's sine is a registered table read (a block RAM). */
    static final int PIPELINE_REGISTERED_NEXT_SINE = 4;

    private VerilogEmitter() {
    }

    /** File name (e.g. {@code versicolor_top.v}) to text, in dependency order. */
    public static Map<String, String> render(HwNetwork hw, String version, String source) {
        Map<String, Object> model = model(hw, version, source);
        Map<String, String> files = new LinkedHashMap<>();
        for (String module : MODULES) {
            if (module.equals("lfsr") && !hw.randomPhases()
                    || module.equals("sine") && hw.pipeline() >= PIPELINE_REGISTERED_NEXT_SINE
                    || module.equals("sine_rom") && hw.pipeline() < PIPELINE_REGISTERED_NEXT_SINE
                    || module.equals("multiply") && !hw.multiplierModules()) {
                continue;
            }
            model.put("title", titleOf(module));
            files.put(hw.name() + "_" + module + ".v", Templates.render("verilog/" + module + ".v.ftl", model));
        }
        return files;
    }

    /** The name of the top module. */
    public static String topModule(HwNetwork hw) {
        return hw.name() + "_top";
    }

    /** Width of the sums of sines over all oscillators. */
    private static int sumSineBits(HwNetwork hw) {
        long bound = (long) hw.oscillators() * hw.sineTable().amplitude();
        return QFormat.widthFor(-bound, bound, true);
    }

    private static String titleOf(String module) {
        return switch (module) {
            case "sine" -> "Quarter-wave sine and cosine table";
            case "sine_rom" -> "Full-wave sine and cosine tables, registered";
            case "multiply" -> "Signed multiplier, operands and product registered";
            case "encoder" -> "Input encoder: natural frequency words";
            case "lane" -> "Oscillator lane: mean-field coupling and phase update";
            case "lfsr" -> "LFSR of initial phases";
            case "controller" -> "Controller";
            case "decision" -> "Sync detector and class decision";
            default -> "Digital Kuramoto classifier, top level";
        };
    }

    private static Map<String, Object> model(HwNetwork hw, String version, String source) {
        Map<String, Object> m = sharedModel(hw.name(), hw.phaseBits(), hw.sineTable(), hw.lfsrSeed(), version, source);
        int sumSine = sumSineBits(hw);
        m.put("oscillators", hw.oscillators());
        m.put("features", hw.features());
        m.put("lanes", hw.lanes());
        m.put("groups", hw.groups());
        m.put("pipeline", hw.pipeline());
        m.put("encoderStages", hw.encoderStages());
        m.put("decisionStages", hw.decisionStages());
        // the register stages in the order they are added: after the products first (it splits the
        // update about in half), then after the new phase, then after the lane's inputs, then the
        // new phase's sine as a registered table read
        m.put("cutB", hw.pipeline() >= 1);
        m.put("cutC", hw.pipeline() >= 2);
        m.put("cutA", hw.pipeline() >= PIPELINE_REGISTERED_INPUTS);
        m.put("cutD", hw.pipeline() >= PIPELINE_REGISTERED_NEXT_SINE);
        // then the products move into multiplier modules (their operand registers are the cut after
        // the inputs, their product register a cut of its own), then K·mix gets its own register
        m.put("multipliers", hw.multiplierModules());
        m.put("cutK", hw.couplingRegistered());
        m.put("ice40Macro", ICE40_MACRO);
        if (hw.multiplierModules()) {
            m.put("sumTree", sumTree(hw.features()));
        }
        if (hw.pipeline() >= PIPELINE_REGISTERED_NEXT_SINE) {
            SineTable table = hw.sineTable();
            List<Map<String, String>> fullWave = new ArrayList<>();
            for (int i = 0; i < table.entries(); i++) {
                fullWave.add(Map.of("sin", Verilog.signed(table.sin(i), table.bits()), "cos",
                        Verilog.signed(table.cos(i), table.bits())));
            }
            m.put("fullWave", fullWave);
        }
        m.put("stepCycles", hw.stepCycles());
        m.put("inputBits", hw.inputBits());
        m.put("sumBits", hw.sumBits());
        m.put("weightBits", hw.weightBits());
        m.put("frequencyBits", hw.frequencyBits());
        m.put("incrementBits", hw.incrementBits());
        m.put("accumulatorBits", hw.accumulatorBits());
        m.put("mixBits", hw.mixBits());
        m.put("productBits", hw.productBits());
        m.put("sumSineBits", sumSine);
        m.put("oscillatorBits", Verilog.addressBits(hw.oscillators()));
        m.put("groupBits", Verilog.addressBits(hw.stepCycles()));
        m.put("counterBits", hw.counterBits());
        m.put("steps", hw.steps());
        m.put("windowStart", hw.steps() - hw.readoutSteps());
        m.put("readoutSteps", hw.readoutSteps());
        m.put("syncThreshold", hw.syncThreshold());
        m.put("classBits", hw.classIndexBits());
        m.put("randomPhases", hw.randomPhases());
        m.put("latency", hw.latency());
        m.put("centreMhz", String.format(java.util.Locale.ROOT, "%.3f", hw.centreHz() / 1e6));
        m.put("stepPs", String.format(java.util.Locale.ROOT, "%.3f", hw.stepSeconds() * 1e12));


        List<String> inputs = new ArrayList<>();
        for (int p = 0; p < hw.features(); p++) {
            inputs.add(Verilog.extend("x" + p, hw.inputBits(), hw.sumBits()));
        }
        m.put("inputs", inputs);
        List<Map<String, Object>> rom = new ArrayList<>();
        for (int i = 0; i < hw.oscillators(); i++) {
            List<String> weights = new ArrayList<>();
            for (long w : hw.weights()[i]) {
                weights.add(Verilog.signed(w, hw.weightBits()));
            }
            rom.add(Map.of("bias", Verilog.signed(hw.biases()[i], hw.sumBits()), "weights", weights));
        }
        m.put("rom", rom);
        int sumShift = hw.weightFraction() + hw.inputFraction();
        m.put("sumShift", sumShift);
        m.put("roundingHalf", Verilog.signed(1L << (sumShift - 1), hw.sumBits()));
        m.put("wordMin", Verilog.signed(hw.wordMin(), hw.frequencyBits()));
        m.put("wordMax", Verilog.signed(hw.wordMax(), hw.frequencyBits()));
        m.put("wordMinWide", Verilog.signed(hw.wordMin(), hw.sumBits()));
        m.put("wordMaxWide", Verilog.signed(hw.wordMax(), hw.sumBits()));
        // the clip tested on the sum itself, beside the rounding rather than after it:
        // round(sum) < min  <=>  sum < min·2^s − half;  round(sum) > max  <=>  sum >= (max+1)·2^s − half
        long half = 1L << (sumShift - 1);
        long belowSum = hw.wordMin() * (1L << sumShift) - half;
        long aboveSum = (hw.wordMax() + 1) * (1L << sumShift) - half;
        m.put("notBelow", atLeast(belowSum, hw.sumBits()));
        m.put("above", atLeast(aboveSum, hw.sumBits()));

        m.put("couplingMultiplier", hw.couplingMultiplier());
        m.put("couplingShift", hw.couplingShift());
        // shifts and adds save DSPs where area is the aim (no pipeline); a pipelined lane is cut for
        // the clock, and its two carry chains measured slower than a DSP (docs/hardware/ice40.md),
        // until the multipliers are modules: then a DSP-free mapping needs it without a multiplier
        m.put("couplingProduct", hw.pipeline() == 0 || hw.multiplierModules()
                ? Verilog.constantProduct(hw.couplingMultiplier(), "mix_wide", hw.productBits())
                : Verilog.signed(hw.couplingMultiplier(), hw.productBits()) + " * mix_wide");
        int shift = hw.couplingShift();
        m.put("phaseSumBits", shift + hw.phaseBits());
        m.put("incrementSumBits", shift + hw.incrementBits());
        m.put("productForPhase", Verilog.resize("product", hw.productBits(), shift + hw.phaseBits()));
        m.put("productForIncrement", Verilog.resize("product", hw.productBits(), shift + hw.incrementBits()));
        // the stage whose phase and word meet the coupling product: after K·mix's own register, if any
        String coupled = hw.couplingRegistered() ? "_k" : "_c";
        m.put("biasedPhaseWord", shiftedWithHalf("phase_word" + coupled, shift));
        m.put("biasedWord", shiftedWithHalf("word_wide", shift));
        m.put("wordAsPhase", Verilog.resize("word_b", hw.frequencyBits(), hw.phaseBits()));
        m.put("sinWide", Verilog.extend("sin_b", hw.sineBits(), hw.mixBits()));
        m.put("cosWide", Verilog.extend("cos_b", hw.sineBits(), hw.mixBits()));
        m.put("sumSinWide", Verilog.extend("sum_sin", sumSine, hw.mixBits()));
        m.put("sumNegCosWide", Verilog.extend("sum_neg_cos", sumSine, hw.mixBits()));
        m.put("mixWide", Verilog.extend("mix", hw.mixBits(), hw.productBits()));
        m.put("wordWide", Verilog.extend("word" + coupled, hw.frequencyBits(), hw.incrementBits()));
        int laneProductBits = hw.sineBits() + sumSine;
        m.put("laneProductBits", laneProductBits);
        m.put("cosProductMix", Verilog.resize("cos_product", laneProductBits, hw.mixBits()));
        m.put("sinProductMix", Verilog.resize("sin_product", laneProductBits, hw.mixBits()));
        int encoderProductBits = hw.weightBits() + hw.inputBits();
        m.put("encoderProductBits", encoderProductBits);
        List<String> encoderProducts = new ArrayList<>();
        for (int p = 0; p < hw.features(); p++) {
            encoderProducts.add(Verilog.resize("product" + p + "_full", encoderProductBits, hw.sumBits()));
        }
        m.put("encoderProducts", encoderProducts);
        m.put("incrementAsAccumulator", Verilog.extend("increment", hw.incrementBits(), hw.accumulatorBits()));
        String lsb = "l * " + hw.sineBits();
        m.put("sinNextWide", Verilog.extendSlice("lane_sin_next", lsb, hw.sineBits(), sumSine));
        m.put("cosNextWide", Verilog.extendSlice("lane_cos_next", lsb, hw.sineBits(), sumSine));

        List<Map<String, Object>> laneSelect = new ArrayList<>();
        for (int l = 0; l < hw.lanes(); l++) {
            List<Map<String, Object>> cases = new ArrayList<>();
            for (int g = 0; g < hw.groups(); g++) {
                int i = g * hw.lanes() + l;
                if (i < hw.oscillators()) {
                    cases.add(Map.of("group", g, "phaseSlice", slice(i, hw.phaseBits()), "wordSlice",
                            slice(i, hw.frequencyBits()), "sineSlice", slice(i, hw.sineBits())));
                }
            }
            laneSelect.add(Map.of("cases", cases, "phaseSlice", slice(l, hw.phaseBits()), "wordSlice",
                    slice(l, hw.frequencyBits()), "sineSlice", slice(l, hw.sineBits())));
        }
        m.put("laneSelect", laneSelect);
        m.put("stateInRam", hw.stateInRam());
        m.put("stateAddressBits", Verilog.addressBits(hw.groups()));
        m.put("laneBits", Verilog.addressBits(hw.lanes()));
        List<Integer> laneGroups = new ArrayList<>();
        for (int l = 0; l < hw.lanes(); l++) {
            laneGroups.add((hw.oscillators() - l + hw.lanes() - 1) / hw.lanes());
        }
        m.put("laneGroups", laneGroups);

        List<Integer> readouts = new ArrayList<>();
        for (HwNetwork.Pair pair : hw.pairs()) {
            for (int oscillator : new int[] {pair.first(), pair.second()}) {
                if (!readouts.contains(oscillator)) {
                    readouts.add(oscillator);
                }
            }
        }
        m.put("readouts", readouts);
        m.put("readoutCount", readouts.size());
        int slotBits = Verilog.addressBits(readouts.size() + 1L);
        m.put("slotBits", slotBits);
        List<String> slots = new ArrayList<>();
        for (int i = hw.oscillators() - 1; i >= 0; i--) {
            int slot = readouts.indexOf(i);
            slots.add(slotBits + "'d" + (slot < 0 ? readouts.size() : slot));
        }
        m.put("slotTable", "{" + String.join(", ", slots) + "}");
        List<Map<String, Object>> pairs = new ArrayList<>();
        int ab = hw.accumulatorBits();
        for (HwNetwork.Pair pair : hw.pairs()) {
            pairs.add(Map.of(
                    "first", accumulatorExtended(readouts.indexOf(pair.first()), ab),
                    "second", accumulatorExtended(readouts.indexOf(pair.second()), ab)));
        }
        m.put("pairs", pairs);
        return m;
    }

    /**
     * What the shared modules (sine table, LFSR) and every file's header need, for any family's
     * array: the network, the phase width, the table and the LFSR.
     */
    static Map<String, Object> sharedModel(String name, int phaseBits, org.oscnet.quantize.SineTable table,
            long lfsrSeed, String version, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("source", source);
        m.put("name", name);
        m.put("phaseBits", phaseBits);
        m.put("sineBits", table.bits());
        m.put("sineEntries", table.entries());
        int indexBits = Integer.numberOfTrailingZeros(table.entries());
        m.put("indexBits", indexBits);
        m.put("addressBits", indexBits - 1);
        m.put("amplitude", table.amplitude());
        m.put("lfsrSeed", String.format("%08x", lfsrSeed));
        m.put("lfsrTaps", String.format("%08x", org.oscnet.quantize.Lfsr.TAPS_32));
        List<String> quarter = new ArrayList<>();
        for (long v : table.quarter()) {
            quarter.add(Verilog.signed(v, table.bits()));
        }
        m.put("quarter", quarter);
        return m;
    }

    /**
     * {@code value·2^shift + half} as a concatenation: the value above the {@code shift} bits that
     * rounding drops, and half of their weight in them, so that adding it to a product and keeping
     * the bits from {@code shift} up rounds the product and adds the value at once.
     */
    static String shiftedWithHalf(String value, int shift) {
        return shift == 0 ? value : "{" + value + ", " + shift + "'d" + (1L << (shift - 1)) + "}";
    }

    /**
     * The encoder's sum as a tree of registered two-operand additions over the bias (delayed as
     * long as a multiplier) and the products: per level, each register's name and what it adds;
     * the last level is the one register {@code sum}. An odd operand out is carried up registered.
     */
    static List<List<Map<String, String>>> sumTree(int features) {
        List<String> operands = new ArrayList<>();
        operands.add("bias_p");
        for (int p = 0; p < features; p++) {
            operands.add("product" + p);
        }
        List<List<Map<String, String>>> levels = new ArrayList<>();
        while (operands.size() > 1) {
            int level = levels.size();
            boolean last = operands.size() <= 2;
            List<Map<String, String>> nodes = new ArrayList<>();
            List<String> next = new ArrayList<>();
            for (int i = 0; i < operands.size(); i += 2) {
                String name = last ? "sum" : "sum" + level + "_" + (i / 2);
                String expr = i + 1 < operands.size() ? operands.get(i) + " + " + operands.get(i + 1) : operands.get(i);
                nodes.add(Map.of("name", name, "expr", expr));
                next.add(name);
            }
            levels.add(nodes);
            operands = next;
        }
        return levels;
    }

    private static String slice(int index, int width) {
        return (index * width) + " +: " + width;
    }

    private static String accumulatorExtended(int slot, int width) {
        int lsb = slot * width;
        return "{accumulators[" + (lsb + width - 1) + "], accumulators[" + lsb + " +: " + width + "]}";
    }

    /**
     * The test {@code sum >= bound} on a {@code width}-bit signed sum, split at the middle bit so that
     * no carry chain is longer than half the sum: {@code hiGt | (hiEq & loGe)} over the upper half
     * (signed) and the lower half (unsigned). A bound beyond the sum's range makes a constant test.
     */
    static Map<String, String> atLeast(long bound, int width) {
        SplitBound split = SplitBound.of(bound, width);
        if (split.constant() != null) {
            return Map.of("hiGt", split.constant() ? "1'b1" : "1'b0", "hiEq", "1'b0", "loGe", "1'b0");
        }
        String upper = "$signed(sum[" + (width - 1) + ":" + split.low() + "])";
        return Map.of("hiGt", upper + " > " + Verilog.signed(split.hi(), width - split.low()),
                "hiEq", upper + " == " + Verilog.signed(split.hi(), width - split.low()),
                "loGe", "sum[" + (split.low() - 1) + ":0] >= " + split.low() + "'d" + split.lo());
    }

    /**
     * {@code bound = hi·2^low + lo} with {@code 0 <= lo < 2^low}, or a constant outcome when no
     * {@code width}-bit signed sum can fall on the other side of it.
     */
    record SplitBound(int low, long hi, long lo, Boolean constant) {
        static SplitBound of(long bound, int width) {
            long min = -(1L << (width - 1));
            long max = (1L << (width - 1)) - 1;
            int low = width / 2;
            Boolean constant = bound <= min ? Boolean.TRUE : bound > max ? Boolean.FALSE : null;
            return new SplitBound(low, Math.floorDiv(bound, 1L << low), Math.floorMod(bound, 1L << low), constant);
        }

        /** What the emitted test computes for a sum: the halves' comparisons combined. */
        boolean holds(long sum) {
            if (constant != null) {
                return constant;
            }
            long sumHi = Math.floorDiv(sum, 1L << low);
            long sumLo = Math.floorMod(sum, 1L << low);
            return sumHi > hi || (sumHi == hi && sumLo >= lo);
        }
    }
}
