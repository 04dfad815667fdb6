package org.oscnet.pipeline;

/**
 * A problem with what the user gave (a stale or foreign trained file, a value the hardware
 * cannot hold): the CLI prints the message and exits with status 1, having written nothing.
 */
public final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInput(String message) {
        super(message);
    }
}
