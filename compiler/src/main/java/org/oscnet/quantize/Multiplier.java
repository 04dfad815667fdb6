package org.oscnet.quantize;

/**
 * A real constant {@code c} as an integer multiply and a rounding shift:
 * {@code c·x ≈ (value·x + 2^(shift-1)) >> shift}, with the largest {@code shift} whose
 * {@code value} still fits a signed word of the given width (the most precise choice).
 */
public record Multiplier(long value, int shift) {

    /** The nearest multiplier of {@code constant} in {@code bits}-bit words; {@link WidthTooSmall} if none is nonzero. */
    public static Multiplier nearest(double constant, int bits, String what) {
        long largest = (1L << (bits - 1)) - 1;
        int shift = -1;
        long value = 0;
        for (int s = 0; s < 62; s++) {
            long candidate = Math.round(Math.scalb(constant, s));
            if (candidate > largest) {
                break;
            }
            shift = s;
            value = candidate;
        }
        if (shift < 0 || value == 0) {
            throw new WidthTooSmall("the " + what + " cannot be held in " + bits + " bits");
        }
        return new Multiplier(value, shift);
    }

    /** The real constant this multiplier stands for. */
    public double constant() {
        return Math.scalb((double) value, -shift);
    }
}
