package org.oscnet.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StnoTest {
    private static final Stno DEVICE = new Stno(480e6, 2e9, 2e-3, 2, 100e6);

    @Test
    void inverseTuningCurveRoundTripsOnRandomDevicesAndFrequencies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            Stno device = new Stno(100e6 + 900e6 * random.nextDouble(), 1e8 + 5e9 * random.nextDouble(),
                    1e-4 + 5e-3 * random.nextDouble(), 5 * random.nextDouble(), 1e7 + 1e9 * random.nextDouble());
            double hz = device.lowestHz() + (device.highestHz() - device.lowestHz()) * (0.001 + 0.998 * random.nextDouble());
            double amps = device.current(hz);
            assertTrue(amps > device.thresholdAmps(), "above threshold");
            assertEquals(hz, device.frequency(amps), 1e-9 * hz, device.toString());
        }
    }

    @Test
    void defaultDeviceCoversTheTuningRangeAtAFewMilliamps() {
        double low = DEVICE.current(500e6);
        double high = DEVICE.current(680e6);
        // p0 = 0.01 and 0.1: ζ = (1 + 2p)/(1 − p)
        assertEquals(2e-3 * 1.02 / 0.99, low, 1e-12);
        assertEquals(2e-3 * 1.2 / 0.9, high, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.01e-3, 2.1e-3, 2.4e-3, 3e-3, 6e-3})
    void slopeIsTheDerivativeOfTheTuningCurve(double amps) {
        double h = 1e-9;
        double numeric = (DEVICE.frequency(amps + h) - DEVICE.frequency(amps - h)) / (2 * h);
        assertEquals(numeric, DEVICE.slope(amps), 1e-6 * numeric);
    }

    @Test
    void unreachableFrequenciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DEVICE.current(470e6));
        assertThrows(IllegalArgumentException.class, () -> DEVICE.current(2.5e9));
        assertEquals(480e6, DEVICE.frequency(1e-3), "below threshold: no power, f0");
    }

    /**
     * Integrates the auto-oscillator equation itself (RK4, rotating at f0) and checks that the
     * steady power and frequency are the closed forms p₀ = (ζ − 1)/(ζ + Q) and f0 + N p₀.
     */
    @ParameterizedTest
    @ValueSource(doubles = {2.1e-3, 2.4e-3, 2.7e-3})
    void autoOscillatorEquationSettlesOnTheClosedForm(double amps) {
        double gammaG = 2 * Math.PI * DEVICE.dampingHz();
        double zeta = amps / DEVICE.thresholdAmps();
        double re = 0.05;
        double im = 0.0;
        double dt = 1e-11;
        double phase = 0;
        double previous = Math.atan2(-im, re);
        int steps = 400_000; // 4 µs: many relaxation times (Γ_p ≥ 6e7 /s here)
        int window = 100_000;
        for (int s = 0; s < steps; s++) {
            double[] k1 = rhs(re, im, gammaG, zeta);
            double[] k2 = rhs(re + dt / 2 * k1[0], im + dt / 2 * k1[1], gammaG, zeta);
            double[] k3 = rhs(re + dt / 2 * k2[0], im + dt / 2 * k2[1], gammaG, zeta);
            double[] k4 = rhs(re + dt * k3[0], im + dt * k3[1], gammaG, zeta);
            re += dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            im += dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
            double angle = Math.atan2(-im, re);
            double advance = angle - previous;
            advance -= 2 * Math.PI * Math.rint(advance / (2 * Math.PI));
            previous = angle;
            if (s >= steps - window) {
                phase += advance;
            }
        }
        double power = re * re + im * im;
        double frequency = DEVICE.f0Hz() + phase / (2 * Math.PI * window * dt);
        assertEquals(DEVICE.power(amps), power, 1e-6);
        assertEquals(DEVICE.frequency(amps), frequency, 1e-5 * frequency);
    }

    /** dc/dt in a frame rotating at f0: −i 2π N p c − Γ_G ((1 + Q p) − ζ (1 − p)) c. */
    private static double[] rhs(double re, double im, double gammaG, double zeta) {
        double p = re * re + im * im;
        double w = 2 * Math.PI * DEVICE.nonlinearityHz() * p;
        double g = gammaG * ((1 + DEVICE.q() * p) - zeta * (1 - p));
        return new double[] {w * im - g * re, -w * re - g * im};
    }

    @Test
    void perturbedDevicesSpreadAsAsked() {
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        double sumSquares = 0;
        int draws = 20_000;
        for (int d = 0; d < draws; d++) {
            double relative = DEVICE.perturbed(0.02, random).f0Hz() / DEVICE.f0Hz() - 1;
            sum += relative;
            sumSquares += relative * relative;
        }
        double mean = sum / draws;
        double sd = Math.sqrt(sumSquares / draws - mean * mean);
        assertEquals(0, mean, 0.001);
        assertEquals(0.02, sd, 0.001);
    }
}
