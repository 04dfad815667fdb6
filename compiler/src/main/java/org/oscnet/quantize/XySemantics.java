package org.oscnet.quantize;

import java.util.Arrays;

/**
 * The fixed-point arithmetic of the digital XY array, written once: the quantizer's accuracy
 * figures run it, the generated Java model is generated to compute the same (a test compiles it
 * and compares), and the Verilog computes the same (cosimulation proves it).
 *
 * <p>One sample: the inputs are clamped phase words; the free units start from the LFSR (top bits
 * of the state after each step, free unit 0 first) or at 0. The field pass fixes, per free unit,
 * {@code FC_f = biasCos_f + Σ_in w·cosT(θ_in)} and {@code FS_f} likewise. Each of {@code steps}
 * relaxation steps is Jacobi, as an Euler step: every unit reads the phases at the start of the
 * step,
 * <pre>
 *   C_f = FC_f + Σ_g w·cosT(θ_g)      S_f = FS_f + Σ_g w·sinT(θ_g)      (g: free neighbours)
 *   force_f = cosT(θ_f)·S_f − sinT(θ_f)·C_f             (= Σ W sin(θ_g − θ_f) + h sin(ψ − θ_f))
 *   θ_f ← (θ_f + ((K·force_f + 2^(k-1)) >> k) + drift_f) mod 2^phaseBits
 * </pre>
 * {@code drift_f} is unit f's frequency word (0 without dispersion). Tables are addressed by the
 * phase's top bits (truncation). The class is the output with the
 * largest {@code sinT(θ)} (the first on ties). A digest of every free phase after every step
 * lets testbenches compare whole trajectories: {@code d ← d·31 + θ_f} (32-bit wrap).
 */
public final class XySemantics {
    private XySemantics() {
    }

    /** What the hardware outputs for one sample, and the phase digest. */
    public record Outcome(int classIndex, int digest, long[] phases) {
    }

    /** Draws the free units' start phases of one sample (the LFSR advances {@code free} steps). */
    public static long[] initialPhases(XyHw hw, Lfsr lfsr) {
        long[] phases = new long[hw.free()];
        if (hw.randomPhases()) {
            for (int f = 0; f < phases.length; f++) {
                phases[f] = lfsr.next() >>> (32 - hw.phaseBits());
            }
        }
        return phases;
    }

    /** Runs one sample: {@code inputs} are clamped phase words; observer sees the phases after each step. */
    public static Outcome run(XyHw hw, long[] inputs, long[] initialPhases, HwSemantics.StepObserver observer) {
        int free = hw.free();
        SineTable table = hw.sineTable();
        int indexShift = hw.phaseBits() - hw.sineIndexBits();
        long mask = (1L << hw.phaseBits()) - 1;
        int[] columns = hw.columns();
        long[] weights = hw.weights();
        long[] fieldCos = new long[free];
        long[] fieldSin = new long[free];
        int e = 0;
        for (int f = 0; f < free; f++) {
            long c = hw.biasCos()[f];
            long s = hw.biasSin()[f];
            for (; e < hw.fieldEnd()[f]; e++) {
                int index = (int) (inputs[columns[e]] >>> indexShift);
                c += weights[e] * table.cos(index);
                s += weights[e] * table.sin(index);
            }
            fieldCos[f] = c;
            fieldSin[f] = s;
        }
        long[] phases = initialPhases.clone();
        long[] next = new long[free];
        long[] sin = new long[free];
        long[] cos = new long[free];
        int digest = 0;
        for (long t = 0; t < hw.steps(); t++) {
            for (int g = 0; g < free; g++) {
                int index = (int) (phases[g] >>> indexShift);
                sin[g] = table.sin(index);
                cos[g] = table.cos(index);
            }
            e = hw.inputEdges();
            for (int f = 0; f < free; f++) {
                long c = fieldCos[f];
                long s = fieldSin[f];
                for (; e < hw.stepEnd()[f]; e++) {
                    c += weights[e] * cos[columns[e]];
                    s += weights[e] * sin[columns[e]];
                }
                long force = cos[f] * s - sin[f] * c;
                long turn = HwSemantics.shiftRound(hw.couplingMultiplier() * force, hw.couplingShift());
                next[f] = (phases[f] + turn + hw.drift()[f]) & mask;
                digest = digest * 31 + (int) next[f];
            }
            long[] swap = phases;
            phases = next;
            next = swap;
            if (observer != null) {
                observer.afterStep(t, phases.clone());
            }
        }
        return new Outcome(decide(hw, phases, table, indexShift), digest, phases);
    }

    private static int decide(XyHw hw, long[] phases, SineTable table, int indexShift) {
        int best = 0;
        long bestSin = Long.MIN_VALUE;
        for (int o = 0; o < hw.outputs(); o++) {
            long s = table.sin((int) (phases[hw.firstOutput() + o] >>> indexShift));
            if (s > bestSin) {
                bestSin = s;
                best = o;
            }
        }
        return best;
    }

    /** A fresh LFSR in the state the hardware has after reset. */
    public static Lfsr resetLfsr(XyHw hw) {
        return new Lfsr(32, hw.lfsrSeed());
    }

    /**
     * Runs samples in hardware order (the LFSR carries over from one sample to the next, from
     * reset), on every core; row r of {@code inputs} is {@code inputs[r * hw.inputs() ..]}.
     */
    public static Outcome[] runAll(XyHw hw, long[] inputs, int rows) {
        return runAll(hw, inputs, rows, org.oscnet.sim.Threads.allCores());
    }

    /** As {@link #runAll(XyHw, long[], int)}, on at most {@code threads} threads. */
    public static Outcome[] runAll(XyHw hw, long[] inputs, int rows, int threads) {
        Lfsr lfsr = resetLfsr(hw);
        long[][] starts = new long[rows][];
        for (int r = 0; r < rows; r++) {
            starts[r] = initialPhases(hw, lfsr);
        }
        Outcome[] outcomes = new Outcome[rows];
        int n = hw.inputs();
        org.oscnet.sim.Threads.forEach(threads, rows, r -> outcomes[r] =
                run(hw, Arrays.copyOfRange(inputs, r * n, (r + 1) * n), starts[r], null));
        return outcomes;
    }

    /**
     * The clamped phase words of scaled features: {@code lo + x (hi − lo)} radians as the nearest
     * fraction of a turn (ties away from zero), modulo {@code 2^phaseBits}.
     */
    public static long[] encode(XyHw hw, double[] scaled) {
        long[] words = new long[scaled.length];
        QFormat turn = QFormat.unsigned(hw.phaseBits(), hw.phaseBits());
        for (int i = 0; i < words.length; i++) {
            double radians = hw.inputPhaseLow() + scaled[i] * (hw.inputPhaseHigh() - hw.inputPhaseLow());
            words[i] = turn.wrap(QFormat.roundHalfAway(Math.scalb(radians / (2 * Math.PI), hw.phaseBits())));
        }
        return words;
    }
}
