package org.oscnet.sim;

/** How oscillators pull on each other. */
public sealed interface Coupling {

    /** Every pair with the same strength k (Hz): the mean-field form applies. */
    record Uniform(double strengthHz) implements Coupling {
    }

    /** A per-pair weight matrix {@code [n × n]} in Hz, row i = pulls on oscillator i (XY networks). */
    record Matrix(double[] weightsHz) implements Coupling {
    }
}
