package org.oscnet.model;

import java.util.List;

/**
 * A multilayer spintronic recurrent network (seed paper 2): layers of neurons with time constant
 * {@code tauSeconds}, random sparse masks of the given {@link Densities}, high-pass outputs, a softmax readout over the
 * dataset's classes, and inputs fed one feature every {@code inputPeriodSeconds}, integrated with
 * {@code substeps} steps of {@code integrator} per input point.
 *
 * @param gainHz the drive scale S, a rate: {@code I = S (W_ext y_prev + W_int y_same + b) + 2/tau}
 */
public record StnoRnnNetwork(String name, String dataset, List<Integer> layers, Densities density, double tauSeconds, double gainHz, double highpassHz, double inputPeriodSeconds,
        int classCount, Neuron neuron, int substeps, Integrator integrator) implements Network {

    public StnoRnnNetwork {
        layers = List.copyOf(layers);
    }

    public String family() {
        return "stno_rnn";
    }

    /**
     * Fractions of connections the random masks keep: {@code input} (the feature into layer 0),
     * {@code inter} (layer to layer), {@code intra} (within a layer), each in (0, 1].
     */
    public record Densities(double input, double inter, double intra) {
    }

    public double interDensity() {
        return density.inter();
    }

    public double intraDensity() {
        return density.intra();
    }

    /** The same network integrated with {@code newSubsteps} steps of {@code newIntegrator} per input point. */
    public StnoRnnNetwork withIntegration(int newSubsteps, Integrator newIntegrator) {
        return new StnoRnnNetwork(name, dataset, layers, density, tauSeconds, gainHz, highpassHz, inputPeriodSeconds,
                classCount, neuron, newSubsteps, newIntegrator);
    }

    /** The same network with another input period and time constant (seconds). */
    public StnoRnnNetwork withTiming(double newPeriodSeconds, double newTauSeconds) {
        return new StnoRnnNetwork(name, dataset, layers, density, newTauSeconds, gainHz, highpassHz, newPeriodSeconds,
                classCount, neuron, substeps, integrator);
    }

    public StnoRnnNetwork withGain(double newGainHz) {
        return new StnoRnnNetwork(name, dataset, layers, density, tauSeconds, newGainHz, highpassHz, inputPeriodSeconds,
                classCount, neuron, substeps, integrator);
    }

    public StnoRnnNetwork withDensity(Densities newDensity) {
        return new StnoRnnNetwork(name, dataset, layers, newDensity, tauSeconds, gainHz, highpassHz,
                inputPeriodSeconds, classCount, neuron, substeps, integrator);
    }

    public StnoRnnNetwork withNeuron(Neuron newNeuron) {
        return new StnoRnnNetwork(name, dataset, layers, density, tauSeconds, gainHz, highpassHz, inputPeriodSeconds,
                classCount, newNeuron, substeps, integrator);
    }

    /** Neurons in all layers. */
    public int neurons() {
        return layers.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The neuron model. {@code STNO}: normalised oscillator power, {@code dx/dt = −γx + I x(1 − x)}
     * or, when {@code full}, the paper's {@code dx/dt = −2(γ(1 + Qx) − σI(1 − x))x}; outputs
     * through the high-pass filter. {@code CTRNN}: {@code dx/dt = −γx + I}, output {@code tanh x},
     * the paper's baseline.
     */
    public record Neuron(Kind kind, boolean full, double q, double sigma) {
        public enum Kind { STNO, CTRNN }

        public String word() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Explicit Euler, or Heun's second-order method. */
    public enum Integrator {
        EULER, HEUN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
