package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adjoint and the forward sensitivities in Vector API lanes (the width the machine prefers, or
 * {@code -Doscnet.vector=256|512}) give the per-example code's mean frequencies, final phases, Jacobian and final
 * sensitivities bit for bit: batches that fill the lanes and batches that leave spare ones, read-out windows of
 * part or all of the run, one and two threads, and steps so coarse that a phase moves more than a turn (the
 * wrap's floor).
 */
class KuramotoLanesTest {
    private static final String CASE = "n = {0}, batch {1}, readout {3} of {2}, dt {4} s, spread {5} Hz, {6} thread(s)";

    /** Batches that fill the lanes and leave spare ones, windows of part or all of the run, fine and coarse steps. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(6, 8, 3000, 1500, 10e-12, 60e6, 1),
                Arguments.of(6, 9, 3000, 3000, 10e-12, 60e6, 2),
                Arguments.of(6, 90, 2000, 1000, 1e-9, 180e6, 2),
                Arguments.of(3, 1, 2500, 2499, 10e-12, 40e6, 1),
                Arguments.of(10, 17, 1000, 400, 2e-9, 3e9, 2),
                Arguments.of(2, 5, 4000, 1, 1e-10, 30e6, 1));
    }

    @ParameterizedTest(name = "adjoint: " + CASE)
    @MethodSource("cases")
    void adjointLanesEqualThePerExampleCode(int n, int batch, long steps, long readout, double dt, double spreadHz,
            int threads) {
        double[] natural = naturalFrequencies(n, batch, spreadHz);
        int[] rows = n > 2 ? new int[] {n - 1, 0, n - 2} : new int[] {1};
        KuramotoSimulator perExample = perExample(n, steps, readout, dt, threads);
        Result expected = Result.of(perExample, natural, batch, rows);
        assertTrue(Arrays.stream(expected.jacobian).anyMatch(v -> Math.abs(v) > 1e-3), "a Jacobian worth comparing");
        KuramotoLanes lanes = chosenLanes();
        assertBitIdentical(lanes.description(), expected, Result.of(perExample.withLanes(lanes), natural, batch, rows));
    }

    @ParameterizedTest(name = "forward sensitivities: " + CASE)
    @MethodSource("cases")
    void sensitivityLanesEqualThePerExampleCode(int n, int batch, long steps, long readout, double dt,
            double spreadHz, int threads) {
        double[] natural = naturalFrequencies(n, batch, spreadHz);
        KuramotoSimulator perExample = perExample(n, steps, readout, dt, threads);
        Result expected = Result.withSensitivities(perExample, natural, batch);
        assertTrue(Arrays.stream(expected.jacobian).anyMatch(v -> Math.abs(v) > 1e-3), "a Jacobian worth comparing");
        KuramotoLanes lanes = chosenLanes();
        assertBitIdentical(lanes.description(), expected,
                Result.withSensitivities(perExample.withLanes(lanes), natural, batch));
    }

    private static double[] naturalFrequencies(int n, int batch, double spreadHz) {
        SplittableRandom random = new SplittableRandom(n * 31L + batch);
        double[] natural = new double[batch * n];
        for (int i = 0; i < natural.length; i++) {
            natural[i] = 590e6 + (random.nextDouble() - 0.5) * spreadHz; // above and below the frame: both wraps
        }
        return natural;
    }

    private static KuramotoSimulator perExample(int n, long steps, long readout, double dt, int threads) {
        return new KuramotoSimulator(n, new Coupling.Uniform(10e6), dt, steps, readout, 0, true, 590e6, threads)
                .withLanes(null);
    }

    private static KuramotoLanes chosenLanes() {
        return VectorLanes.chooseKuramoto(System.getProperty("oscnet.vector", ""));
    }

    private static void assertBitIdentical(String width, Result expected, Result actual) {
        assertArrayEquals(bits(expected.mean), bits(actual.mean), width + ": mean frequencies");
        assertArrayEquals(bits(expected.finalTurns), bits(actual.finalTurns), width + ": final phases");
        assertArrayEquals(bits(expected.jacobian), bits(actual.jacobian), width + ": Jacobian");
        assertArrayEquals(bits(expected.finalSensitivities), bits(actual.finalSensitivities),
                width + ": final phases' sensitivities");
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
        KuramotoLanes lanes = chosenLanes();
        Result expected = Result.of(perExample, natural, batch, rows);
        Result actual = Result.of(perExample.withLanes(lanes), natural, batch, rows);
        assertArrayEquals(bits(expected.finalTurns), bits(actual.finalTurns), "final phases");
        assertArrayEquals(bits(expected.mean), bits(actual.mean), "mean frequencies");
    }

    /** What the simulator writes: mean frequencies, final phases, the Jacobian (rows) and final sensitivities. */
    private record Result(double[] mean, double[] finalTurns, double[] jacobian, double[] finalSensitivities) {
        static Result of(KuramotoSimulator sim, double[] natural, int batch, int[] rows) {
            Result r = empty(sim.oscillators(), batch, rows.length);
            sim.meanFrequenciesWithJacobianRows(natural, batch, 5, 3, rows, r.mean, r.jacobian, r.finalTurns,
                    r.finalSensitivities);
            return r;
        }

        static Result withSensitivities(KuramotoSimulator sim, double[] natural, int batch) {
            Result r = empty(sim.oscillators(), batch, sim.oscillators());
            sim.meanFrequenciesWithJacobian(natural, batch, 5, 3, r.mean, r.jacobian, r.finalTurns,
                    r.finalSensitivities);
            return r;
        }

        private static Result empty(int n, int batch, int rows) {
            return new Result(new double[batch * n], new double[batch * n], new double[batch * rows * n],
                    new double[batch * rows * n]);
        }
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
