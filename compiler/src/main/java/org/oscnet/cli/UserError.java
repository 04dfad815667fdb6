package org.oscnet.cli;

/** A problem with what the user asked for (already explained on stderr, or in the message); exit 1. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
