package org.oscnet.model;

/**
 * How a network is integrated in time. For oscillator networks the times are in seconds; for
 * equilibrium networks ({@code xy}, {@code stuart_landau}) they are in the model's own
 * dimensionless time. {@code noiseLinewidthHz} is the phase-noise linewidth (0: no noise).
 */
public record Simulation(double step, double duration, double readout, InitialPhases initialPhases,
        double noiseLinewidthHz) {

    /** Where phases start each run. */
    public enum InitialPhases { RANDOM, ZERO }

    public long steps() {
        return Math.round(duration / step);
    }

    public long readoutSteps() {
        return Math.round(readout / step);
    }
}
