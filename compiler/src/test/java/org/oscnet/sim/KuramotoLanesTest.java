package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adjoint in Vector API lanes (the width the machine prefers, or {@code -Doscnet.vector=256|512}) gives the per-example
 * code's mean frequencies, final phases and Jacobian rows bit for bit: batches that fill the lanes and
 * batches that leave spare ones, read-out windows of part or all of the run, one and two threads, and
 * steps so coarse that a phase moves more than a turn (the wrap's floor).
 */
class KuramotoLanesTest {
    @ParameterizedTest(name = "n = {0}, batch {1}, readout {3} of {2}, dt {4} s, spread {5} Hz, {6} thread(s)")
    @CsvSource({
        "6, 8, 3000, 1500, 10e-12, 60e6, 1",
        "6, 9, 3000, 3000, 10e-12, 60e6, 2",
        "6, 90, 2000, 1000, 1e-9, 180e6, 2",
        "3, 1, 2500, 2499, 10e-12, 40e6, 1",
        "10, 17, 1000, 400, 2e-9, 3e9, 2",
        "2, 5, 4000, 1, 1e-10, 30e6, 1",
    })
    void lanesEqualThePerExampleCode(int n, int batch, long steps, long readout, double dt, double spreadHz,
            int threads) {
        SplittableRandom random = new SplittableRandom(n * 31L + batch);
        double[] natural = new double[batch * n];
        for (int i = 0; i < natural.length; i++) {
            natural[i] = 590e6 + (random.nextDouble() - 0.5) * spreadHz; // above and below the frame: both wraps
        }
        int[] rows = n > 2 ? new int[] {n - 1, 0, n - 2} : new int[] {1};
        KuramotoSimulator perExample = new KuramotoSimulator(n, new Coupling.Uniform(10e6), dt, steps, readout, 0,
                true, 590e6, threads).withLanes(null);
        Result expected = Result.of(perExample, natural, batch, rows);
        assertTrue(Arrays.stream(expected.jacobianRows).anyMatch(v -> Math.abs(v) > 1e-3),
                "a Jacobian worth comparing");
        KuramotoLanes lanes = VectorLanes.chooseKuramoto(System.getProperty("oscnet.vector", ""));
        String width = lanes.description();
        {
            Result actual = Result.of(perExample.withLanes(lanes), natural, batch, rows);
            assertArrayEquals(bits(expected.mean), bits(actual.mean), width + ": mean frequencies");
            assertArrayEquals(bits(expected.finalTurns), bits(actual.finalTurns), width + ": final phases");
            assertArrayEquals(bits(expected.jacobianRows), bits(actual.jacobianRows), width + ": Jacobian rows");
            assertArrayEquals(bits(expected.finalRows), bits(actual.finalRows), width + ": final phases' rows");
        }
    }

    /**
     * A step that moves a phase by 2^54 − 2 turns (absurd, but nothing forbids it) is beyond the lanes' exact
     * wrap (their rounding puts the phase at −2 turns there): the simulator keeps it on the per-example code.
     */
    @ParameterizedTest(name = "an advance of {0} turns")
    @CsvSource({"18014398509481982", "18014398509481974"})
    void stepsBeyondTheExactWrapStayOnThePerExampleCode(double turns) {
        int n = 2;
        int batch = 3;
        double centreHz = 0;
        double[] natural = {centreHz + turns, centreHz + 5, centreHz - 7, centreHz + 1, centreHz, centreHz + turns};
        int[] rows = {1};
        KuramotoSimulator perExample = new KuramotoSimulator(n, new Coupling.Uniform(0), 1.0, 3, 2, 0, false,
                centreHz, 1).withLanes(null);
        KuramotoLanes lanes = VectorLanes.chooseKuramoto(System.getProperty("oscnet.vector", ""));
        Result expected = Result.of(perExample, natural, batch, rows);
        Result actual = Result.of(perExample.withLanes(lanes), natural, batch, rows);
        assertArrayEquals(bits(expected.finalTurns), bits(actual.finalTurns), "final phases");
        assertArrayEquals(bits(expected.mean), bits(actual.mean), "mean frequencies");
    }

    private record Result(double[] mean, double[] finalTurns, double[] jacobianRows, double[] finalRows) {
        static Result of(KuramotoSimulator sim, double[] natural, int batch, int[] rows) {
            int n = sim.oscillators();
            Result r = new Result(new double[batch * n], new double[batch * n], new double[batch * rows.length * n],
                    new double[batch * rows.length * n]);
            sim.meanFrequenciesWithJacobianRows(natural, batch, 5, 3, rows, r.mean, r.jacobianRows, r.finalTurns,
                    r.finalRows);
            return r;
        }
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
