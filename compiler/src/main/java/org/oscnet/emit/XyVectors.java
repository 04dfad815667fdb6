package org.oscnet.emit;

import java.util.Arrays;
import java.util.Random;
import org.oscnet.quantize.XyHw;
import org.oscnet.quantize.XySemantics;

/**
 * Test vectors of a digital XY array, computed by {@link XySemantics}: whitespace-separated
 * integers, read the same way by the generated Java model, the Verilator harness and the Icarus
 * testbench.
 * <pre>
 *   samples traceSteps free inputs outputs
 *   traceSteps lines: the free phases after each of the first steps of sample 0
 *   one line per sample: clamped input phases (unsigned), class, phase digest (8 hex digits),
 *                        latency in cycles
 * </pre>
 */
public final class XyVectors {
    /**
     * Clock cycles of Verilator cosimulation the vectors aim at (a few tens of seconds): a large
     * array gets fewer test rows, never fewer than {@link #MIN_TEST_ROWS}.
     */
    public static final long CYCLE_BUDGET = 150_000_000L;
    public static final int MIN_TEST_ROWS = 8;
    public static final int MAX_RANDOM_ROWS = 100;

    private XyVectors() {
    }

    /** How many test rows the vectors hold: all, or as many as the cycle budget allows. */
    public static int testRows(XyHw hw, int available) {
        return (int) Math.min(available, Math.max(MIN_TEST_ROWS, CYCLE_BUDGET / hw.latency()));
    }

    /** How many random rows follow them. */
    public static int randomRows(XyHw hw) {
        return (int) Math.min(MAX_RANDOM_ROWS, Math.max(2, CYCLE_BUDGET / hw.latency() / 4));
    }

    /** The phase words of {@code testRows} test rows followed by {@code random} rows of scaled features in [-0.25, 1.25]. */
    public static long[] inputs(XyHw hw, double[] testFeatures, int testRows, int random) {
        double[] scaled = new double[(testRows + random) * hw.inputs()];
        System.arraycopy(testFeatures, 0, scaled, 0, testRows * hw.inputs());
        Random rng = new Random(Vectors.RANDOM_SEED);
        for (int i = testRows * hw.inputs(); i < scaled.length; i++) {
            scaled[i] = -0.25 + 1.5 * rng.nextDouble();
        }
        return XySemantics.encode(hw, scaled);
    }

    /** The vectors file for phase words {@code inputs} ({@code rows} rows). */
    public static String render(XyHw hw, long[] inputs, int rows, int traceSteps) {
        XySemantics.Outcome[] outcomes = XySemantics.runAll(hw, inputs, rows);
        StringBuilder out = new StringBuilder();
        int steps = (int) Math.min(traceSteps, hw.steps());
        out.append(rows).append(' ').append(steps).append(' ').append(hw.free()).append(' ').append(hw.inputs())
                .append(' ').append(hw.outputs()).append('\n');
        if (rows > 0) {
            long[] start = XySemantics.initialPhases(hw, XySemantics.resetLfsr(hw));
            XySemantics.run(hw, Arrays.copyOf(inputs, hw.inputs()), start, (step, phases) -> {
                if (step < steps) {
                    for (int f = 0; f < phases.length; f++) {
                        out.append(f == 0 ? "" : " ").append(phases[f]);
                    }
                    out.append('\n');
                }
            });
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < hw.inputs(); i++) {
                out.append(inputs[r * hw.inputs() + i]).append(' ');
            }
            out.append(outcomes[r].classIndex()).append(' ').append(String.format("%08x", outcomes[r].digest()))
                    .append(' ').append(hw.latency()).append('\n');
        }
        return out.toString();
    }
}
