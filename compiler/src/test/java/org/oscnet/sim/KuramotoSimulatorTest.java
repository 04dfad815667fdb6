package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Physics the simulator must get right: locking, drifting, noise, sensitivities, determinism. */
class KuramotoSimulatorTest {
    private static final double DT = 10e-12;
    private static final double K = 10e6;

    private static KuramotoSimulator simulator(int n, long steps, long readout, double noiseHz, int threads) {
        return new KuramotoSimulator(n, new Coupling.Uniform(K), DT, steps, readout, noiseHz, true, 590e6, threads);
    }

    @ParameterizedTest(name = "ΔF = {0} MHz locks")
    @CsvSource({"0", "5", "15", "19"})
    void twoOscillatorsLockBelowTwiceTheCoupling(double detuningMHz) {
        double[] f = {580e6, 580e6 + detuningMHz * 1e6};
        double[] mean = simulator(2, 400_000, 200_000, 0, 1).meanFrequencies(f, 1, 1, 0);
        assertEquals(0.0, mean[1] - mean[0], 1e3, "locked oscillators share their mean frequency");
        assertEquals((f[0] + f[1]) / 2, (mean[0] + mean[1]) / 2, 1e3, "and it is the mean natural frequency");
    }

    @ParameterizedTest(name = "ΔF = {0} MHz drifts")
    @CsvSource({"21", "25", "30", "60"})
    void twoOscillatorsDriftAtTheAnalyticBeat(double detuningMHz) {
        double df = detuningMHz * 1e6;
        double[] f = {580e6, 580e6 + df};
        // 10 us windows hold hundreds of beat periods, so a partial period shifts the mean by < 0.1 %.
        double[] mean = simulator(2, 1_100_000, 1_000_000, 0, 1).meanFrequencies(f, 1, 1, 0);
        double beat = Math.sqrt(df * df - 4 * K * K);
        assertEquals(beat, mean[1] - mean[0], 0.005 * beat);
    }

    @Test
    void phaseNoiseDiffusesAtTheLinewidth() {
        // An uncoupled oscillator's phase variance grows as 2πΔt, so f̄ over τ has variance Δ/(2πτ).
        double linewidth = 1e6;
        int batch = 4000;
        long readout = 50_000;
        KuramotoSimulator sim = new KuramotoSimulator(1, new Coupling.Uniform(0), DT, readout, readout, linewidth, true,
                590e6, 2);
        double[] f = new double[batch];
        java.util.Arrays.fill(f, 600e6);
        double[] mean = sim.meanFrequencies(f, batch, 3, 0);
        double sum = 0;
        double sumSq = 0;
        for (double m : mean) {
            sum += m - 600e6;
            sumSq += (m - 600e6) * (m - 600e6);
        }
        double variance = sumSq / batch - (sum / batch) * (sum / batch);
        double expected = linewidth / (2 * Math.PI * readout * DT);
        assertEquals(expected, variance, 0.08 * expected, "variance of the mean frequency");
    }

    @Test
    void sensitivitiesMatchFiniteDifferences() {
        int n = 4;
        double[] f = {560e6, 574e6, 590e6, 640e6}; // 0-1-2 drift near each other, 3 far away
        KuramotoSimulator sim = simulator(n, 100_000, 50_000, 0, 1);
        double[] mean = new double[n];
        double[] jac = new double[n * n];
        sim.meanFrequenciesWithJacobian(f, 1, 5, 0, mean, jac);
        double h = 2e3;
        for (int m = 0; m < n; m++) {
            double[] change = centralChange(f, m, h, natural -> sim.meanFrequencies(natural, 1, 5, 0));
            for (int i = 0; i < n; i++) {
                double numeric = change[i] / (2 * h);
                double analytic = jac[i * n + m];
                assertEquals(numeric, analytic, 1e-3 + 2e-3 * Math.abs(numeric), "∂f̄" + i + "/∂F" + m);
            }
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += jac[i * n + i];
        }
        assertTrue(trace > 0.5, "the Jacobian is not trivially zero: trace " + trace);
    }

    @Test
    void finalPhaseSensitivitiesMatchFiniteDifferences() {
        int n = 4;
        double[] f = {575e6, 582e6, 590e6, 640e6}; // 0-1-2 lock together (held by 1), 3 drifts far away
        KuramotoSimulator sim = simulator(n, 100_000, 50_000, 0, 1);
        double[] turns = new double[n];
        double[] sens = new double[n * n];
        sim.meanFrequenciesWithJacobian(f, 1, 5, 0, new double[n], new double[n * n], turns, sens);
        double h = 2e3;
        for (int m = 0; m < n; m++) {
            double[] change = centralChange(f, m, h, natural -> {
                double[] finalTurns = new double[n];
                sim.meanFrequenciesWithJacobian(natural, 1, 5, 0, new double[n], new double[n * n], finalTurns,
                        new double[n * n]);
                return finalTurns;
            });
            for (int i = 0; i < n; i++) {
                double numeric = (change[i] - Math.rint(change[i])) / (2 * h);
                double analytic = sens[i * n + m];
                assertEquals(numeric, analytic, 1e-12 + 2e-3 * Math.abs(numeric), "∂θ" + i + "(T)/∂F" + m);
            }
        }
    }

    @ParameterizedTest(name = "ΔF = {0} MHz: sin ψ = ΔF / 2k")
    @CsvSource({"4", "12", "18"})
    void aLockedPairsPhaseDifferenceAndItsSensitivityAreAnalytic(double detuningMHz) {
        // Two locked oscillators settle at sin ψ = ΔF / 2k, so ∂ψ/∂ΔF = 1 / (2k cos ψ) radians per Hz.
        double df = detuningMHz * 1e6;
        double[] f = {580e6, 580e6 + df};
        double[] turns = new double[2];
        double[] sens = new double[4];
        simulator(2, 400_000, 200_000, 0, 1).meanFrequenciesWithJacobian(f, 1, 1, 0, new double[2], new double[4],
                turns, sens);
        double psi = turns[1] - turns[0];
        psi -= Math.rint(psi);
        double expected = Math.asin(df / (2 * K));
        assertEquals(expected, 2 * Math.PI * psi, 1e-3, "ψ (rad)");
        double slope = 2 * Math.PI * (sens[1 * 2 + 1] - sens[0 * 2 + 1]); // ∂ψ/∂F_1, rad per Hz
        double analytic = 1 / (2 * K * Math.cos(expected));
        assertEquals(analytic, slope, 0.01 * analytic, "∂ψ/∂ΔF");
    }

    @Test
    void aUniformWeightMatrixMatchesTheMeanFieldForm() {
        int n = 5;
        double[] weights = new double[n * n];
        java.util.Arrays.fill(weights, K);
        double[] f = {555e6, 562e6, 571e6, 600e6, 650e6};
        KuramotoSimulator matrix = new KuramotoSimulator(n, new Coupling.Matrix(weights), DT, 50_000, 25_000, 0, true,
                590e6, 1);
        double[] viaMatrix = matrix.meanFrequencies(f, 1, 8, 0);
        double[] viaMeanField = simulator(n, 50_000, 25_000, 0, 1).meanFrequencies(f, 1, 8, 0);
        for (int i = 0; i < n; i++) {
            assertEquals(viaMeanField[i], viaMatrix[i], 1.0, "oscillator " + i); // 1 Hz of 500 MHz: rounding only
        }
        weights[1] = 0; // cut 0 <- 1: the result must change, or the matrix is ignored
        double[] cut = matrix.meanFrequencies(f, 1, 8, 0);
        assertTrue(Math.abs(cut[0] - viaMatrix[0]) > 1e3, "weights matter");
    }

    @Test
    void aSeedGivesBitIdenticalResultsOnOneOrManyThreads() {
        int n = 6;
        int batch = 16;
        double[] f = new double[batch * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = 500e6 + (i * 7919 % 180) * 1e6;
        }
        double[] meanSeq = new double[batch * n];
        double[] jacSeq = new double[batch * n * n];
        double[] meanPar = new double[batch * n];
        double[] jacPar = new double[batch * n * n];
        simulator(n, 20_000, 10_000, 0.5e6, 1).meanFrequenciesWithJacobian(f, batch, 42, 3, meanSeq, jacSeq);
        simulator(n, 20_000, 10_000, 0.5e6, 2).meanFrequenciesWithJacobian(f, batch, 42, 3, meanPar, jacPar);
        assertArrayEquals(meanSeq, meanPar);
        assertArrayEquals(jacSeq, jacPar);
        double[] otherSeed = simulator(n, 20_000, 10_000, 0.5e6, 2).meanFrequencies(f, batch, 43, 3);
        assertTrue(!java.util.Arrays.equals(meanSeq, otherSeed), "another seed draws other phases");
    }

    /**
     * The adjoint rows are the forward Jacobian's rows (and the final phases' sensitivity rows):
     * both differentiate the same Euler steps, so they agree to rounding, with and without noise,
     * with a read-out window of part or all of the run, for rows in any order.
     */
    @ParameterizedTest(name = "n = {0}, readout {1} of 30000, noise {2} Hz")
    @CsvSource({"6, 15000, 0", "6, 30000, 0", "6, 10000, 1e6", "3, 29999, 0", "10, 15000, 2e5"})
    void adjointRowsEqualTheForwardJacobiansRows(int n, long readout, double noiseHz) {
        int batch = 5;
        double[] f = new double[batch * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = 560e6 + (i * 7919 % 60) * 1e6; // a mix of locked and drifting oscillators
        }
        KuramotoSimulator sim = simulator(n, 30_000, readout, noiseHz, 2);
        double[] mean = new double[batch * n];
        double[] jac = new double[batch * n * n];
        double[] turns = new double[batch * n];
        double[] sens = new double[batch * n * n];
        sim.meanFrequenciesWithJacobian(f, batch, 7, 2, mean, jac, turns, sens);
        int[] rows = {n - 1, 0, n - 2};
        double[] adjointMean = new double[batch * n];
        double[] adjointJac = new double[batch * rows.length * n];
        double[] adjointTurns = new double[batch * n];
        double[] adjointSens = new double[batch * rows.length * n];
        sim.meanFrequenciesWithJacobianRows(f, batch, 7, 2, rows, adjointMean, adjointJac, adjointTurns, adjointSens);
        assertArrayEquals(mean, adjointMean, "the forward pass is the same");
        assertArrayEquals(turns, adjointTurns);
        double largest = 0;
        for (double v : jac) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest > 0.01, "a Jacobian worth comparing: largest entry " + largest);
        for (int b = 0; b < batch; b++) {
            for (int q = 0; q < rows.length; q++) {
                for (int m = 0; m < n; m++) {
                    int forward = b * n * n + rows[q] * n + m;
                    int adjoint = (b * rows.length + q) * n + m;
                    assertEquals(jac[forward], adjointJac[adjoint], 1e-9 * Math.max(1, Math.abs(jac[forward])),
                            "∂f̄_" + rows[q] + "/∂F_" + m + " of example " + b);
                    assertEquals(sens[forward], adjointSens[adjoint], 1e-9 * Math.max(1e-9, Math.abs(sens[forward])),
                            "∂θ_" + rows[q] + "(T)/∂F_" + m + " of example " + b);
                }
            }
        }
    }

    /** {@code quantity(F + h e_m) − quantity(F − h e_m)}, elementwise: a central difference before dividing by 2h. */
    private static double[] centralChange(double[] natural, int m, double h,
            java.util.function.Function<double[], double[]> quantity) {
        double[] up = natural.clone();
        double[] down = natural.clone();
        up[m] += h;
        down[m] -= h;
        double[] upValues = quantity.apply(up);
        double[] downValues = quantity.apply(down);
        double[] change = new double[upValues.length];
        for (int i = 0; i < change.length; i++) {
            change[i] = upValues[i] - downValues[i];
        }
        return change;
    }
}
