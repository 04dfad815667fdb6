package org.oscnet.emit;

/** Verilog text helpers: sized literals and sign extension, so templates never do arithmetic on widths. */
final class Verilog {
    private Verilog() {
    }

    /** A sized signed literal: {@code 16'sd5}, {@code -16'sd5}; the most negative value in hex. */
    static String signed(long value, int width) {
        if (value == -(1L << (width - 1))) {
            return width + "'sh" + Long.toHexString(value & ((1L << width) - 1));
        }
        return value < 0 ? "-" + width + "'sd" + (-value) : width + "'sd" + value;
    }

    /** {@code value} (a {@code from}-bit signal whose top bit is {@code msb}) sign-extended to {@code to} bits. */
    static String extend(String value, String msb, int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException("cannot extend " + from + " bits to " + to);
        }
        return to == from ? value : "{{" + (to - from) + "{" + msb + "}}, " + value + "}";
    }

    /** A whole signal {@code name} of {@code from} bits, sign-extended to {@code to} bits. */
    static String extend(String name, int from, int to) {
        return extend(name, name + "[" + (from - 1) + "]", from, to);
    }

    /**
     * A whole signal {@code name} of {@code from} bits as {@code to} bits: sign-extended, or its low
     * bits (its value modulo 2^to, which is all a phase keeps of a step).
     */
    static String resize(String name, int from, int to) {
        return to >= from ? extend(name, from, to) : name + "[" + (to - 1) + ":0]";
    }

    /** A slice {@code vector[lsb +: width]} sign-extended to {@code to} bits; {@code lsb} is a Verilog expression. */
    static String extendSlice(String vector, String lsb, int width, int to) {
        return extend(vector + "[" + lsb + " +: " + width + "]", vector + "[" + lsb + " + " + (width - 1) + "]", width,
                to);
    }

    /** The number of bits that address {@code count} items (at least 1). */
    static int addressBits(long count) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(count - 1));
    }
}
