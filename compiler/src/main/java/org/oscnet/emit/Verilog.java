package org.oscnet.emit;

import java.util.List;

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

    /** Constant products with at most this many signed powers of two become shifts and adds. */
    static final int SHIFT_ADD_MAX_TERMS = 3;

    /**
     * {@code constant * operand} as Verilog: a sum of shifted operands when the constant's canonical
     * signed-digit form has at most {@link #SHIFT_ADD_MAX_TERMS} non-zero digits (two adders, which
     * synthesis keeps in LUTs and carry chains instead of a DSP), else a multiplication. Both are
     * exact modulo 2^width, so the value is the product whenever it fits {@code width} bits.
     */
    static String constantProduct(long constant, String operand, int width) {
        List<long[]> digits = signedDigits(constant);
        if (constant == 0 || digits.size() > SHIFT_ADD_MAX_TERMS) {
            return signed(constant, width) + " * " + operand;
        }
        // the lowest shift applies to the whole sum: its adders then skip the low bits that are zero
        long common = digits.get(digits.size() - 1)[1];
        StringBuilder sum = new StringBuilder();
        for (long[] digit : digits) {
            long shift = digit[1] - (digits.size() > 1 ? common : 0);
            String term = shift == 0 ? operand : "(" + operand + " <<< " + shift + ")";
            if (sum.length() == 0) {
                sum.append(digit[0] < 0 ? "-" + term : term);
            } else {
                sum.append(digit[0] < 0 ? " - " : " + ").append(term);
            }
        }
        return digits.size() > 1 && common > 0 ? "(" + sum + ") <<< " + common : sum.toString();
    }

    /** The non-zero digits {sign, exponent} of the canonical signed-digit form, highest first. */
    static List<long[]> signedDigits(long value) {
        List<long[]> digits = new java.util.ArrayList<>();
        long rest = value;
        int exponent = 0;
        while (rest != 0) {
            if ((rest & 1) != 0) {
                long digit = 2 - Math.floorMod(rest, 4); // +1 when rest = 1 mod 4, -1 when rest = 3 mod 4
                digits.add(0, new long[] {digit, exponent});
                rest -= digit;
            }
            rest >>= 1;
            exponent++;
        }
        return digits;
    }
}
