package org.oscnet.pipeline;

/**
 * Thrown when a stage is asked for a network family or target that oscnet does not build yet.
 * The CLI turns it into exit status 3 and the message, so scripts can tell "not yet" from "wrong".
 */
public final class NotImplementedYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotImplementedYet(String what) {
        super(what + " is not implemented yet");
    }
}
