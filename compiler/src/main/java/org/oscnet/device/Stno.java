package org.oscnet.device;

import java.util.SplittableRandom;
import org.oscnet.model.HardwareTarget;

/**
 * A spin-torque nano-oscillator in the universal auto-oscillator model (Slavin and Tiberkevich):
 * {@code dc/dt = −i ω(p) c − Γ₊(p) c + Γ₋(p) c}, {@code ω = 2π (f0 + N p)}, {@code Γ₊ = Γ_G (1 + Q p)},
 * {@code Γ₋ = σ I (1 − p)}, threshold {@code I_th = Γ_G / σ}. Above threshold the free-running power is
 * {@code p₀ = (ζ − 1)/(ζ + Q)} with {@code ζ = I / I_th}, so the frequency rises with the bias current,
 * steeply just above threshold and flattening towards {@code f0 + N}.
 *
 * @param f0Hz frequency at vanishing power
 * @param nonlinearityHz N / 2π: the frequency shift per unit power
 * @param thresholdAmps the threshold current I_th
 * @param q nonlinear damping Q
 * @param dampingHz Γ_G / 2π: the linear damping rate
 */
public record Stno(double f0Hz, double nonlinearityHz, double thresholdAmps, double q, double dampingHz) {

    public Stno {
        if (!(f0Hz > 0 && nonlinearityHz > 0 && thresholdAmps > 0 && q >= 0 && dampingHz > 0)) {
            throw new IllegalArgumentException("an STNO needs positive f0, nonlinearity, threshold and damping and"
                    + " a non-negative q; got " + this);
        }
    }

    /** The device a {@code dac { device stno (...) }} block describes. */
    public static Stno of(HardwareTarget.StnoDevice device) {
        return new Stno(device.f0Hz(), device.nonlinearityHz(), device.thresholdAmps(), device.q(), device.dampingHz());
    }

    /** The supercriticality ζ = I / I_th. */
    public double supercriticality(double amps) {
        return amps / thresholdAmps;
    }

    /** The free-running power p₀ (0 at and below threshold). */
    public double power(double amps) {
        double zeta = supercriticality(amps);
        return zeta <= 1 ? 0.0 : (zeta - 1) / (zeta + q);
    }

    /** The free-running frequency f0 + N p₀ at a bias current (f0 at and below threshold, where it does not oscillate). */
    public double frequency(double amps) {
        return f0Hz + nonlinearityHz * power(amps);
    }

    /** The lowest frequency the device reaches (just above threshold). */
    public double lowestHz() {
        return f0Hz;
    }

    /** The frequency the device approaches at infinite current (p → 1). */
    public double highestHz() {
        return f0Hz + nonlinearityHz;
    }

    /** Whether some bias current gives this frequency. */
    public boolean reaches(double hz) {
        return hz > lowestHz() && hz < highestHz();
    }

    /**
     * The inverse tuning curve: the bias current whose free-running frequency is {@code hz}.
     *
     * @throws IllegalArgumentException when the device cannot reach it
     */
    public double current(double hz) {
        if (!reaches(hz)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%.3f MHz is outside the device's tuning curve (%.3f .. %.3f MHz)", hz / 1e6, lowestHz() / 1e6,
                    highestHz() / 1e6));
        }
        double p = (hz - f0Hz) / nonlinearityHz;
        return thresholdAmps * (1 + q * p) / (1 - p);
    }

    /** The slope df/dI of the tuning curve, Hz per ampere (0 below threshold). */
    public double slope(double amps) {
        double zeta = supercriticality(amps);
        if (zeta <= 1) {
            return 0.0;
        }
        return nonlinearityHz * (q + 1) / ((zeta + q) * (zeta + q)) / thresholdAmps;
    }

    /**
     * A device drawn from a batch with relative spread {@code spread}: f0, N and I_th each scaled
     * by an independent {@code 1 + spread·N(0,1)} (Q and the damping kept).
     */
    public Stno perturbed(double spread, SplittableRandom random) {
        return new Stno(f0Hz * (1 + spread * gaussian(random)), nonlinearityHz * (1 + spread * gaussian(random)),
                thresholdAmps * (1 + spread * gaussian(random)), q, dampingHz);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default, which is not
        // specified to be stable across releases; this one is.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
