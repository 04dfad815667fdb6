package org.oscnet.emit;

import java.util.Random;
import org.oscnet.model.Samples;
import org.oscnet.quantize.HwNetwork;
import org.oscnet.quantize.HwSemantics;
import org.oscnet.quantize.InputEncoding;

/**
 * Test vectors for the cosimulations, computed by {@link HwSemantics}: whitespace-separated
 * integers, read the same way by the generated Java model, the Verilator harness and the Icarus
 * testbench.
 * <pre>
 *   samples traceSteps oscillators features pairs
 *   traceSteps lines: the phases after each of the first steps of sample 0 (decimal)
 *   one line per sample: features (signed decimal raw inputs), class, sync mask (decimal),
 *                        phase digest (8 hex digits), latency in cycles
 * </pre>
 */
public final class Vectors {
    /** Seed of the random inputs added after the test set. */
    public static final long RANDOM_SEED = 20261123L;

    private Vectors() {
    }

    /**
     * The quantized inputs of the test set followed by {@code random} inputs drawn from scaled
     * features in [-0.25, 1.25], both as {@code encoding} feeds the core.
     */
    public static long[] inputs(HwNetwork hw, InputEncoding encoding, Samples test, int random) {
        int testRows = test.size();
        double[] scaled = new double[(testRows + random) * hw.features()];
        System.arraycopy(test.featuresRowMajor(), 0, scaled, 0, testRows * hw.features());
        Random rng = new Random(RANDOM_SEED);
        for (int i = testRows * hw.features(); i < scaled.length; i++) {
            scaled[i] = -0.25 + 1.5 * rng.nextDouble();
        }
        return HwSemantics.quantizeInputs(hw, encoding.fromScaled(scaled));
    }

    /** The vectors file for raw inputs {@code x} ({@code rows} rows). */
    public static String render(HwNetwork hw, long[] x, int rows, int traceSteps) {
        HwSemantics.Outcome[] outcomes = HwSemantics.runAll(hw, x, rows);
        StringBuilder out = new StringBuilder();
        int steps = (int) Math.min(traceSteps, hw.steps());
        out.append(rows).append(' ').append(steps).append(' ').append(hw.oscillators()).append(' ')
                .append(hw.features()).append(' ').append(hw.pairs().size()).append('\n');
        if (rows > 0) {
            long[] first = java.util.Arrays.copyOfRange(x, 0, hw.features());
            long[] start = HwSemantics.initialPhases(hw, HwSemantics.resetLfsr(hw));
            HwSemantics.run(hw, first, start, (step, phases) -> {
                if (step < steps) {
                    for (int i = 0; i < phases.length; i++) {
                        out.append(i == 0 ? "" : " ").append(phases[i]);
                    }
                    out.append('\n');
                }
            });
        }
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < hw.features(); p++) {
                out.append(x[r * hw.features() + p]).append(' ');
            }
            HwSemantics.Outcome o = outcomes[r];
            out.append(o.classIndex()).append(' ').append(o.syncMask()).append(' ')
                    .append(String.format("%08x", o.digest())).append(' ').append(hw.latency()).append('\n');
        }
        return out.toString();
    }
}
