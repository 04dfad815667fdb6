package org.oscnet.quantize;

import java.util.Map;

/**
 * The widths a user may choose (the rest follow from value ranges): phase accumulator, input
 * feature, input weight and coupling constant, in bits. {@code frequency} and {@code accumulator}
 * are minimums the user asked for (0: as small as the ranges allow).
 */
public record Widths(int phase, int input, int weight, int coupling, int frequency, int accumulator) {
    /** What oscnet uses when the hardware block gives no width and does not ask for automatic widths. */
    public static final Widths DEFAULTS = new Widths(24, 12, 16, 16, 0, 0);

    /** The most the automatic search starts from. */
    public static final Widths GENEROUS = new Widths(32, 16, 24, 24, 0, 0);

    /** These widths with the ones given in the {@code .osc} file (signal name to bits) on top. */
    public Widths with(Map<String, Integer> given) {
        return new Widths(given.getOrDefault("phase", phase), given.getOrDefault("input", input),
                given.getOrDefault("weight", weight), given.getOrDefault("coupling", coupling),
                given.getOrDefault("frequency", frequency), given.getOrDefault("accumulator", accumulator));
    }

    public Widths withPhase(int bits) {
        return new Widths(bits, input, weight, coupling, frequency, accumulator);
    }

    /** With the weight width changed: the phase sweep scales it with the phase, so weights keep their precision. */
    public Widths withWeight(int bits) {
        return with("weight", bits);
    }

    Widths with(String signal, int bits) {
        return switch (signal) {
            case "phase" -> withPhase(bits);
            case "input" -> new Widths(phase, bits, weight, coupling, frequency, accumulator);
            case "weight" -> new Widths(phase, input, bits, coupling, frequency, accumulator);
            case "coupling" -> new Widths(phase, input, weight, bits, frequency, accumulator);
            default -> throw new IllegalArgumentException(signal);
        };
    }

    /** The width of {@code signal}: phase, input, weight or coupling. */
    public int get(String signal) {
        return switch (signal) {
            case "phase" -> phase;
            case "input" -> input;
            case "weight" -> weight;
            case "coupling" -> coupling;
            default -> throw new IllegalArgumentException(signal);
        };
    }
}
