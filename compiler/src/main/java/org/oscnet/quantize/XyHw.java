package org.oscnet.quantize;

/**
 * The fixed-point plan of a digital XY array: every width, table and integer constant that
 * {@link XySemantics}, the generated Java model and the Verilog use. Built by {@link XyQuantizer};
 * every derived width is proven from value ranges, so nothing overflows.
 *
 * <p>Units: a phase is an unsigned {@code phaseBits}-bit fraction of a turn; sines and cosines are
 * table values of amplitude {@code A = 2^(sineBits-1) - 1}; a weight is a signed
 * {@code weightBits}-bit word with {@code weightFraction} fraction bits; the field accumulators
 * count {@code 2^-weightFraction / A}.
 *
 * <p>Couplings are stored as one edge list in row order: for free unit {@code f}, its input edges
 * are {@code [fieldEnd[f-1], fieldEnd[f])} (columns are input indices) and its free edges
 * {@code [stepEnd[f-1], stepEnd[f])} (columns are free-unit indices; every coupling between two
 * free units is stored at both ends). {@code fieldEnd[-1] = 0} and {@code stepEnd[-1] = fieldEnd[free-1]}.
 *
 * @param biasCos per free unit, {@code h cos ψ} in accumulator units; {@code biasSin} likewise
 * @param drift per free unit, its frequency word: the turn its natural-frequency offset gives in one
 *     step, {@code Δt·Δω·2^phase/2π} rounded, added to every step's turn (all 0 without dispersion)
 * @param couplingMultiplier {@code K}: a step turns unit f by {@code (K·force + 2^(k-1)) >> k} LSBs
 * @param stepSize the float simulator's {@code Δt}, the hardware's too
 */
public record XyHw(
        String name,
        int inputs,
        int free,
        int outputs,
        int phaseBits,
        int sineEntries,
        int sineBits,
        long[] sineQuarter,
        int weightBits,
        int weightFraction,
        int[] columns,
        long[] weights,
        int[] fieldEnd,
        int[] stepEnd,
        long[] biasCos,
        long[] biasSin,
        long[] drift,
        int accumulatorBits,
        int forceBits,
        int couplingBits,
        long couplingMultiplier,
        int couplingShift,
        int productBits,
        int incrementBits,
        long steps,
        boolean randomPhases,
        long lfsrSeed,
        double stepSize,
        double inputPhaseLow,
        double inputPhaseHigh) {

    /** The first free unit that is an output. */
    public int firstOutput() {
        return free - outputs;
    }

    public int edges() {
        return columns.length;
    }

    /** Edges of the field pass (input to free). */
    public int inputEdges() {
        return free == 0 ? 0 : fieldEnd[free - 1];
    }

    /** Edges of the steps: every coupling between two free units, stored at both ends. */
    public int freeEdges() {
        return edges() - inputEdges();
    }

    /** Clock cycles of one relaxation step: one per free edge, one per unit to turn it. */
    public long stepCycles() {
        return freeEdges() + free;
    }

    /** Whether any unit has a frequency word (the network was trained among dispersed devices). */
    public boolean drifts() {
        return java.util.Arrays.stream(drift).anyMatch(d -> d != 0);
    }

    public int sineIndexBits() {
        return Integer.numberOfTrailingZeros(sineEntries);
    }

    public SineTable sineTable() {
        return new SineTable(sineEntries, sineBits);
    }

    public int classIndexBits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(outputs - 1));
    }

    /** Bits of a column: an input index or a free-unit index. */
    public int columnBits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(inputs, free) - 1));
    }

    /**
     * Clock cycles from the edge that accepts an input to the first edge after which
     * {@code out_valid} is high: start phases (one per free unit), the field pass (one per input
     * edge and one per unit), {@code steps} relaxation passes (one per free edge and one per unit),
     * the decision (one per output).
     */
    public long latency() {
        return free + (inputEdges() + free) + steps * stepCycles() + outputs;
    }
}
