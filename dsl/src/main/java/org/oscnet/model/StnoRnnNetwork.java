package org.oscnet.model;

import java.util.List;

/**
 * A multilayer spintronic recurrent network (seed paper 2): neurons are STNO powers with time
 * constant {@code tauSeconds}, random sparse masks of {@code density}, high-pass outputs, a
 * softmax readout over the dataset's classes, and inputs fed one feature every
 * {@code inputPeriodSeconds}.
 */
public record StnoRnnNetwork(String name, String dataset, List<Integer> layers, double density, double tauSeconds,
        double gain, double highpassHz, double inputPeriodSeconds, int classCount) implements Network {

    public StnoRnnNetwork {
        layers = List.copyOf(layers);
    }

    public String family() {
        return "stno_rnn";
    }
}
