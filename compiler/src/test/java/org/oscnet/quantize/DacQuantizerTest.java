package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oscnet.device.Stno;

class DacQuantizerTest {
    private static final Stno DEVICE = new Stno(480e6, 2e9, 2e-3, 2, 100e6);

    private static Stno[] devices(int n) {
        Stno[] all = new Stno[n];
        Arrays.fill(all, DEVICE);
        return all;
    }

    /** A random trained map of n oscillators over 2 features, spanning the tuning range, and random inputs. */
    private static DacPlan randomPlan(long seed, int bits, double fullScale) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 5;
        double[][] w = new double[n][3];
        for (double[] row : w) {
            row[0] = (random.nextDouble() - 0.5) * 100e6;
            row[1] = (random.nextDouble() - 0.5) * 100e6;
            row[2] = 520e6 + 140e6 * random.nextDouble();
        }
        double[] x = new double[40 * 2];
        for (int e = 0; e < x.length; e++) {
            x[e] = random.nextDouble();
        }
        return DacQuantizer.plan("net", bits, fullScale, w, 500e6, 680e6, x, new double[] {0.5, 0.5}, devices(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 8, 10, 12, 16})
    void quantizationErrorStaysWithinHalfAnLsbTimesTheSlope(int bits) {
        for (long seed = 0; seed < 20; seed++) {
            DacPlan plan = randomPlan(seed, bits, 8e-3);
            assertTrue(plan.quantizationMaxHz() <= plan.quantizationBoundHz() + 1e-6,
                    plan.quantizationMaxHz() + " > " + plan.quantizationBoundHz());
            for (int e = 0; e < plan.codes().length; e++) {
                assertTrue(Math.abs(plan.codeAmps(plan.codes()[e]) - plan.exactAmps()[e]) <= plan.lsbAmps() / 2 + 1e-15);
                assertEquals(DEVICE.frequency(plan.codeAmps(plan.codes()[e])), plan.realisedHz()[e], 0.0);
            }
        }
    }

    @Test
    void moreBitsNeverLoseAccuracyOfTheBound() {
        double previous = Double.POSITIVE_INFINITY;
        for (int bits = 6; bits <= 16; bits++) {
            double bound = randomPlan(3, bits, 8e-3).quantizationBoundHz();
            assertTrue(bound < previous);
            previous = bound;
        }
    }

    @Test
    void linearisationIsExactAtTheOperatingPointAndItsErrorIsMeasured() {
        double[][] w = {{40e6, -30e6, 560e6}, {-20e6, 10e6, 620e6}};
        double[] x = {0.5, 0.5, 0.0, 1.0, 1.0, 0.0};
        DacPlan plan = DacQuantizer.plan("net", 12, 8e-3, w, 500e6, 680e6, x, new double[] {0.5, 0.5}, devices(2));
        assertEquals(plan.targetHz()[0], plan.linearisedHz()[0], 1e-3);
        assertEquals(plan.targetHz()[1], plan.linearisedHz()[1], 1e-3);
        // away from it the tuning curve's curvature shows, and the reported maximum is the largest
        double largest = 0;
        for (int e = 0; e < plan.targetHz().length; e++) {
            largest = Math.max(largest, Math.abs(plan.linearisedHz()[e] - plan.targetHz()[e]));
        }
        assertTrue(largest > 1e4, "curvature gives a visible error: " + largest);
        assertEquals(largest, plan.linearisationMaxHz(), 0.0);
        // the weights are the frequency weights divided by the slope at the operating point
        assertEquals(40e6 / DEVICE.slope(plan.operatingAmps()[0]), plan.weightAmps()[0], 1e-12);
    }

    @Test
    void aCurrentBeyondFullScaleIsAnErrorNamingOscillatorAndCurrent() {
        double[][] w = {{0, 560e6}, {0, 670e6}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DacQuantizer.plan("net", 10,
                2.5e-3, w, 500e6, 680e6, new double[] {0.3}, new double[] {0.3}, devices(2)));
        assertTrue(e.getMessage().contains("oscillator 1 of `net` needs 2.6298 mA for 670.000 MHz"), e.getMessage());
        assertTrue(e.getMessage().contains("full scale"), e.getMessage());
    }

    @Test
    void aFrequencyTheDeviceCannotReachIsAnError() {
        Stno slow = new Stno(520e6, 2e9, 2e-3, 2, 100e6);
        double[][] w = {{0, 510e6}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DacQuantizer.plan("net", 10,
                8e-3, w, 500e6, 680e6, new double[] {0.3}, new double[] {0.3}, new Stno[] {slow}));
        assertTrue(e.getMessage().contains("oscillator 0 of `net` needs 510.000 MHz"), e.getMessage());
    }

    @Test
    void calibrationToMeasuredDevicesHitsTheirTargetsWhereNominalCodesMiss() {
        SplittableRandom random = new SplittableRandom(5);
        Stno[] measured = new Stno[5];
        for (int i = 0; i < measured.length; i++) {
            measured[i] = DEVICE.perturbed(0.02, random);
        }
        double[][] w = new double[5][2];
        for (int i = 0; i < 5; i++) {
            w[i] = new double[] {0, 540e6 + 20e6 * i};
        }
        double[] x = {0.1, 0.9};
        DacPlan nominal = DacQuantizer.plan("net", 14, 8e-3, w, 500e6, 680e6, x, new double[] {0.5}, devices(5));
        DacPlan calibrated = DacQuantizer.plan("net", 14, 8e-3, w, 500e6, 680e6, x, new double[] {0.5}, measured);
        double[] uncalibrated = DacQuantizer.realise(nominal, measured);
        double nominalError = 0;
        for (int e = 0; e < uncalibrated.length; e++) {
            nominalError = Math.max(nominalError, Math.abs(uncalibrated[e] - nominal.targetHz()[e]));
        }
        assertTrue(nominalError > 1e6, "2 % spread moves some frequency by more than 1 MHz: " + nominalError);
        assertTrue(calibrated.quantizationMaxHz() <= calibrated.quantizationBoundHz() + 1e-6);
        assertTrue(calibrated.quantizationMaxHz() < 0.1e6);
    }

    @Test
    void inputIndependentBiasesLandEachDeviceWithinTheQuantizationBound() {
        SplittableRandom random = new SplittableRandom(17);
        double[] target = new double[7];
        for (int i = 0; i < target.length; i++) {
            target[i] = 980e6 * (1 + 0.05 * (random.nextDouble() - 0.5));
        }
        DacPlan plan = DacQuantizer.fixed("sl", 10, 8e-3, target, devices(target.length));
        assertEquals(1, plan.samples());
        for (int i = 0; i < target.length; i++) {
            assertEquals(target[i], DEVICE.frequency(plan.exactAmps()[i]), 1e-3, "exact current of " + i);
            assertEquals(plan.realisedHz()[i], DEVICE.frequency(plan.codeAmps(plan.codes()[i])), 1e-9);
        }
        assertTrue(plan.quantizationMaxHz() <= plan.quantizationBoundHz(), plan.quantizationMaxHz() + " > bound");
        assertTrue(plan.quantizationMaxHz() > 0, "a 10-bit DAC cannot hit random frequencies exactly");
        IllegalArgumentException unreachable = assertThrows(IllegalArgumentException.class,
                () -> DacQuantizer.fixed("sl", 10, 8e-3, new double[] {3e9}, devices(1)));
        assertTrue(unreachable.getMessage().contains("oscillator 0 of `sl` needs 3000.000 MHz at every input"),
                unreachable.getMessage());
    }
}
