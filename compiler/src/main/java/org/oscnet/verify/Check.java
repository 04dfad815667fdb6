package org.oscnet.verify;

/** One verification step's result: its name, whether it passed, a one-line detail, and seconds taken. */
public record Check(String name, boolean passed, String detail, double seconds) {
}
