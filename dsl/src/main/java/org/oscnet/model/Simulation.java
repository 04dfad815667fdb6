package org.oscnet.model;

/**
 * How a network is integrated in time. For oscillator networks the times are in seconds; for
 * equilibrium networks ({@code xy}, {@code stuart_landau}) they are in the model's own
 * dimensionless time. {@code noiseLinewidth} is the phase-noise linewidth (full width at half
 * maximum; 0: no noise): in Hz for oscillator networks, as a fraction of the mean frequency for
 * equilibrium networks.
 */
public record Simulation(double step, double duration, double readout, InitialPhases initialPhases,
        double noiseLinewidth) {

    /** Where phases start each run. */
    public enum InitialPhases { RANDOM, ZERO }

    public long steps() {
        return Math.round(duration / step);
    }

    public long readoutSteps() {
        return Math.round(readout / step);
    }
}
