package org.oscnet.model;

/**
 * The parameter update. The learning rate at epoch e is {@code learningRate / (1 + e / decayEpochs)}
 * when {@code decayEpochs > 0}, else constant.
 */
public record Optimizer(Kind kind, double learningRate, double beta1, double beta2, double epsilon,
        double decayEpochs) {

    /** Plain gradient steps or Adam. */
    public enum Kind { SGD, ADAM }
}
