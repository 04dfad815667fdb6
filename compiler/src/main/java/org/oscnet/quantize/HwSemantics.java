package org.oscnet.quantize;


/**
 * The fixed-point arithmetic of the digital oscillator array, written once. The quantizer's
 * accuracy estimates run it; the generated Java model is generated to compute exactly the same
 * (a test compiles it and compares); the Verilog computes the same (cosimulation proves it).
 *
 * <p>One sample: oscillator i gets the word {@code clip((Σ_p w_ip x_p + b_i + 2^(s-1)) >> s)},
 * {@code s = weightFraction + inputFraction}, and an initial phase from the LFSR (top bits of the
 * state after each step, oscillator 0 first). Each step, with {@code ΣS, ΣC} the sums of the table
 * sines and cosines of all phases at the start of the step:
 * <pre>
 *   coupling_i  = (K · (cos θ_i · ΣS − sin θ_i · ΣC) + 2^(k-1)) >> k      (arithmetic shift)
 *   increment_i = word_i + coupling_i
 *   θ_i        ← (θ_i + increment_i) mod 2^phaseBits
 *   acc_i      ← acc_i + increment_i                                       (read-out window only)
 * </pre>
 * The table is addressed by the phase's top bits (truncation). Pair p synchronises when
 * {@code |acc_a − acc_b| ≤ syncThreshold}; the class is the pair with the smallest difference
 * (the first on ties). A digest of every phase after every step lets testbenches compare whole
 * trajectories: {@code d ← d·31 + θ_i} (32-bit wrap), over steps, then oscillators.
 */
public final class HwSemantics {
    private HwSemantics() {
    }

    /** What the hardware outputs for one sample, plus the phase digest. */
    public record Outcome(int classIndex, long syncMask, int digest, long[] accumulators) {
    }

    /** Called after every step with the phases; for traces. */
    @FunctionalInterface
    public interface StepObserver {
        void afterStep(long step, long[] phases);
    }

    /** Rounds {@code value / 2^shift} to the nearest integer, ties upwards: what add-and-shift hardware does. */
    public static long shiftRound(long value, int shift) {
        return shift == 0 ? value : (value + (1L << (shift - 1))) >> shift;
    }

    /** The frequency word of oscillator i for raw inputs x. */
    public static long word(HwNetwork hw, long[] x, int i) {
        long sum = hw.biases()[i];
        long[] w = hw.weights()[i];
        for (int p = 0; p < hw.features(); p++) {
            sum += w[p] * x[p];
        }
        long word = shiftRound(sum, hw.weightFraction() + hw.inputFraction());
        return Math.max(hw.wordMin(), Math.min(hw.wordMax(), word));
    }

    /** Draws the initial phases of one sample from the LFSR (which advances {@code oscillators} steps). */
    public static long[] initialPhases(HwNetwork hw, Lfsr lfsr) {
        long[] phases = new long[hw.oscillators()];
        if (hw.randomPhases()) {
            for (int i = 0; i < phases.length; i++) {
                phases[i] = lfsr.next() >>> (32 - hw.phaseBits());
            }
        }
        return phases;
    }

    /** A fresh LFSR in the state the hardware has after reset. */
    public static Lfsr resetLfsr(HwNetwork hw) {
        return new Lfsr(32, hw.lfsrSeed());
    }

    /** Runs one sample from the given initial phases. */
    public static Outcome run(HwNetwork hw, long[] x, long[] initialPhases, StepObserver observer) {
        int n = hw.oscillators();
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = word(hw, x, i);
        }
        long[] phases = initialPhases.clone();
        long[] acc = new long[n];
        long[] sin = new long[n];
        long[] cos = new long[n];
        SineTable table = hw.sineTable();
        int indexShift = hw.phaseBits() - hw.sineIndexBits();
        long phaseMask = (1L << hw.phaseBits()) - 1;
        long k = hw.couplingMultiplier();
        int shift = hw.couplingShift();
        long windowStart = hw.steps() - hw.readoutSteps();
        int digest = 0;
        for (long t = 0; t < hw.steps(); t++) {
            long sumSin = 0;
            long sumCos = 0;
            for (int i = 0; i < n; i++) {
                int index = (int) (phases[i] >>> indexShift);
                sin[i] = table.sin(index);
                cos[i] = table.cos(index);
                sumSin += sin[i];
                sumCos += cos[i];
            }
            boolean window = t >= windowStart;
            for (int i = 0; i < n; i++) {
                long mix = cos[i] * sumSin - sin[i] * sumCos;
                long increment = words[i] + shiftRound(k * mix, shift);
                phases[i] = (phases[i] + increment) & phaseMask;
                if (window) {
                    acc[i] += increment;
                }
                digest = digest * 31 + (int) phases[i];
            }
            if (observer != null) {
                observer.afterStep(t, phases.clone());
            }
        }
        return decide(hw, acc, digest);
    }

    static Outcome decide(HwNetwork hw, long[] acc, int digest) {
        long mask = 0;
        int best = 0;
        long bestDifference = Long.MAX_VALUE;
        for (int p = 0; p < hw.pairs().size(); p++) {
            HwNetwork.Pair pair = hw.pairs().get(p);
            long difference = Math.abs(acc[pair.first()] - acc[pair.second()]);
            if (difference <= hw.syncThreshold()) {
                mask |= 1L << p;
            }
            if (difference < bestDifference) {
                bestDifference = difference;
                best = p;
            }
        }
        return new Outcome(best, mask, digest, acc);
    }

    /**
     * Runs samples in hardware order (the LFSR carries over from one sample to the next, from
     * reset), on every core; row r of {@code x} is {@code x[r * features ..]}.
     */
    public static Outcome[] runAll(HwNetwork hw, long[] x, int rows) {
        return runAll(hw, x, rows, org.oscnet.sim.Threads.allCores());
    }

    /** As {@link #runAll(HwNetwork, long[], int)}, on at most {@code threads} threads. */
    public static Outcome[] runAll(HwNetwork hw, long[] x, int rows, int threads) {
        Lfsr lfsr = resetLfsr(hw);
        long[][] starts = new long[rows][];
        for (int r = 0; r < rows; r++) {
            starts[r] = initialPhases(hw, lfsr);
        }
        Outcome[] outcomes = new Outcome[rows];
        int f = hw.features();
        org.oscnet.sim.Threads.forEach(threads, rows, r -> {
            long[] row = java.util.Arrays.copyOfRange(x, r * f, (r + 1) * f);
            outcomes[r] = run(hw, row, starts[r], null);
        });
        return outcomes;
    }

    /** Raw inputs of scaled features: saturated to the input format, ties away from zero. */
    public static long[] quantizeInputs(HwNetwork hw, double[] scaled) {
        long[] raw = new long[scaled.length];
        QFormat format = hw.inputFormat();
        for (int i = 0; i < raw.length; i++) {
            raw[i] = format.quantizeSaturating(scaled[i]);
        }
        return raw;
    }

    /** Whether the hardware's decision is right: one pair, sync means the pair's class; several, the best pair's. */
    public static boolean correct(HwNetwork hw, Outcome outcome, int label) {
        if (hw.pairs().size() == 1) {
            return ((outcome.syncMask() & 1) != 0) == (label == hw.pairs().get(0).syncClass());
        }
        return hw.pairs().get(outcome.classIndex()).syncClass() == label;
    }
}
