package org.oscnet.model;

import java.util.List;

/**
 * A Kuramoto classifier (seed paper 1): {@code oscillators} phase oscillators with uniform
 * all-to-all coupling {@code couplingHz}, natural frequencies clipped to the tuning range, and
 * classes read from which output pairs synchronise.
 */
public record KuramotoNetwork(String name, int oscillators, double couplingHz, double tuningLowHz,
        double tuningHighHz, KuramotoInput input, List<OutputPair> outputs, int classCount, Simulation simulation)
        implements Network {

    public KuramotoNetwork {
        outputs = List.copyOf(outputs);
    }

    public String family() {
        return "kuramoto";
    }

    public String dataset() {
        return input.dataset();
    }

    /** The reference classifier: inputs set some oscillators' frequencies directly. */
    public boolean isReference() {
        return input instanceof KuramotoInput.Direct;
    }

    /** How features set natural frequencies. */
    public sealed interface KuramotoInput {
        String dataset();

        /** Extended classifier: {@code F = W [x; 1]} for every oscillator, W trained. */
        record Linear(String dataset) implements KuramotoInput {
        }

        /**
         * Reference classifier: feature i sets oscillator {@code oscillators.get(i)}'s frequency
         * (mapped onto the tuning range); every other oscillator's frequency is a trained constant.
         */
        record Direct(String dataset, List<Integer> oscillators) implements KuramotoInput {
            public Direct {
                oscillators = List.copyOf(oscillators);
            }
        }
    }

    /** Oscillators {@code first} and {@code second} should lock exactly when the label is {@code syncClass}. */
    public record OutputPair(int first, int second, int syncClass) {
    }
}
