package org.oscnet.quantize;

/** A width the user gave (or the search tried) cannot hold what the network needs; the message says how many bits would. */
public final class WidthTooSmall extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WidthTooSmall(String message) {
        super(message);
    }
}
