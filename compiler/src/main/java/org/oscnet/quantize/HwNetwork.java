package org.oscnet.quantize;

import java.util.List;

/**
 * The fixed-point plan of a digital Kuramoto classifier: every width and integer constant the
 * Verilog, the generated Java model and {@link HwSemantics} use. Built by {@link Quantizer};
 * immutable; every width is proven from value ranges so nothing overflows.
 *
 * <p>Units: a phase is an unsigned {@code phaseBits}-bit fraction of a turn; a frequency word is
 * phase LSBs per step in the rotating frame (centre {@code centreHz}); an input is a signed
 * {@code inputBits}-bit value with {@code inputFraction} fraction bits (the integer bits hold twice
 * the training rows' largest magnitude: [-2, 2) for features scaled to 0..1; see {@link InputEncoding}).
 *
 * @param weights per oscillator, per feature: raw weights with {@code weightFraction} fraction bits,
 *     in phase LSBs per step per unit of input (scaled feature, or raw with {@code input raw})
 * @param biases per oscillator: raw bias with {@code weightFraction + inputFraction} fraction bits
 * @param pipeline register stages in each lane's update (0: one combinational cycle); each adds a
 *     cycle to every step, because a step's sums need the last group's new phases
 * @param couplingMultiplier {@code K}: the coupling term is {@code (K·(cos θ_i ΣS − sin θ_i ΣC) + 2^(s-1)) >> s}
 * @param syncThreshold a pair synchronises when the difference of its read-out accumulators is at most this
 */
public record HwNetwork(
        String name,
        int oscillators,
        int features,
        int lanes,
        int pipeline,
        int phaseBits,
        int sineEntries,
        int sineBits,
        long[] sineQuarter,
        int inputBits,
        int inputFraction,
        int weightBits,
        int weightFraction,
        long[][] weights,
        long[] biases,
        int sumBits,
        int frequencyBits,
        long wordMin,
        long wordMax,
        int couplingBits,
        long couplingMultiplier,
        int couplingShift,
        int mixBits,
        int productBits,
        int incrementBits,
        int accumulatorBits,
        long steps,
        long readoutSteps,
        int counterBits,
        List<Pair> pairs,
        long syncThreshold,
        boolean randomPhases,
        long lfsrSeed,
        double centreHz,
        double stepSeconds,
        double couplingHz) {

    /** An output pair: oscillators {@code first} and {@code second}, standing for class {@code syncClass}. */
    public record Pair(int first, int second, int syncClass, String className) {
    }

    public HwNetwork {
        pairs = List.copyOf(pairs);
    }

    public QFormat inputFormat() {
        return QFormat.signed(inputBits, inputFraction());
    }

    /** log2 of the sine table's entries: the phase's top bits that address it. */
    public int sineIndexBits() {
        return Integer.numberOfTrailingZeros(sineEntries);
    }

    /** Oscillator groups updated one after another, {@code lanes} at a time. */
    public int groups() {
        return (oscillators + lanes - 1) / lanes;
    }

    /**
     * Groups per lane from which every oscillator's phase and word live in block RAM, one bank per
     * lane read one cycle ahead, instead of in registers behind a group-to-lane select: at this
     * depth the select and the registers cost more logic than the RAM saves (iCE40: a 4 kbit EBR).
     */
    public static final int RAM_STATE_MIN_GROUPS = 8;

    /** Whether phases and words live in block RAM banks (see {@link #RAM_STATE_MIN_GROUPS}). */
    public boolean stateInRam() {
        return groups() >= RAM_STATE_MIN_GROUPS;
    }

    /** Clock cycles of one step (and of priming): one per group, and one per pipeline stage to drain. */
    public int stepCycles() {
        return groups() + pipeline;
    }

    /**
     * Clock cycles from the edge that accepts an input to the first edge after which
     * {@code out_valid} is high: load (one per oscillator), prime (one pass of the groups), run,
     * and the decision's register stages.
     */
    public long latency() {
        return oscillators + (long) stepCycles() * (steps + 1) + decisionStages();
    }

    /**
     * From this pipeline depth on, every variable product (the lane's two, the encoder's) is a
     * multiplier module with registered operands and a registered product, which an iCE40 build
     * makes one SB_MAC16 each (its delays then fully modelled by icetime), and K·mix is shifts and
     * adds: the mapping needs no {@code synth_ice40 -dsp}.
     */
    public static final int PIPELINE_MULTIPLIER_MODULES = 5;
    /** From this depth on, K·mix has a register stage of its own. */
    public static final int PIPELINE_REGISTERED_COUPLING = 6;
    /** Clock cycles through a multiplier module: operands, then product. */
    public static final int MULTIPLIER_LATENCY = 2;

    /** Whether the products are multiplier modules (see {@link #PIPELINE_MULTIPLIER_MODULES}). */
    public boolean multiplierModules() {
        return pipeline >= PIPELINE_MULTIPLIER_MODULES;
    }

    /** Whether K·mix has its own register stage (see {@link #PIPELINE_REGISTERED_COUPLING}). */
    public boolean couplingRegistered() {
        return pipeline >= PIPELINE_REGISTERED_COUPLING;
    }

    /** Levels of the encoder's tree of two-operand additions over the bias and the products. */
    public int encoderSumLevels() {
        return 32 - Integer.numberOfLeadingZeros(features); // ceil(log2(features + 1))
    }

    /**
     * Register stages of the input encoder in a pipelined design (products, sum, rounding and
     * clip tests, word; fewer when a step is shorter; with multiplier modules their two cycles and
     * a tree of sums): a word leaves that many cycles after its load cycle, which must fall within
     * priming, where words are not read yet ({@link #encoderFitsPriming}).
     */
    public int encoderStages() {
        if (multiplierModules()) {
            return MULTIPLIER_LATENCY + encoderSumLevels() + 2;
        }
        return pipeline == 0 ? 0 : Math.min(4, stepCycles());
    }

    /** Whether the last oscillator's word leaves the encoder before the first step reads it. */
    public boolean encoderFitsPriming() {
        return encoderStages() <= stepCycles();
    }

    /** Register stages of the class decision in a pipelined design (differences, distances, outputs). */
    public int decisionStages() {
        return pipeline == 0 ? 0 : 3;
    }

    /** The Hz represented by one LSB of a frequency word. */
    public double hzPerLsb() {
        return 1.0 / (stepSeconds * Math.scalb(1.0, phaseBits));
    }

    public SineTable sineTable() {
        return new SineTable(sineEntries, sineBits);
    }

    public int classIndexBits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(pairs.size() - 1));
    }
}
