package org.oscnet.quantize;

/**
 * A sine table of {@code entries} points per turn (a power of two, at least 4), values signed
 * {@code bits} wide with amplitude {@code 2^(bits-1) - 1}, stored as a quarter wave of
 * {@code entries/4 + 1} values. {@link #sin(int)} rebuilds the full wave by symmetry, which is
 * what the Verilog does, so the table it holds is exactly {@link #quarter()}.
 */
public final class SineTable {
    private final int entries;
    private final int bits;
    private final long[] quarter;

    public SineTable(int entries, int bits) {
        if (entries < 4 || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("entries must be a power of two, at least 4: " + entries);
        }
        if (bits < 2 || bits > 32) {
            throw new IllegalArgumentException("bits must be 2..32: " + bits);
        }
        this.entries = entries;
        this.bits = bits;
        this.quarter = new long[entries / 4 + 1];
        QFormat format = QFormat.signed(bits, 0);
        long amplitude = amplitude();
        for (int i = 0; i < quarter.length; i++) {
            quarter[i] = format.quantizeSaturating(amplitude * Math.sin(2 * Math.PI * i / entries));
        }
    }

    public int entries() {
        return entries;
    }

    public int bits() {
        return bits;
    }

    /** The full-scale value: sin = 1 is stored as this. */
    public long amplitude() {
        return (1L << (bits - 1)) - 1;
    }

    /** The stored quarter wave, {@code sin(2π i / entries)} for {@code i = 0 .. entries/4}. */
    public long[] quarter() {
        return quarter.clone();
    }

    /** {@code round(amplitude · sin(2π index / entries))}, for any index (taken modulo entries). */
    public long sin(int index) {
        int i = index & (entries - 1);
        int q = entries / 4;
        if (i <= q) {
            return quarter[i];
        }
        if (i <= 2 * q) {
            return quarter[2 * q - i];
        }
        if (i <= 3 * q) {
            return -quarter[i - 2 * q];
        }
        return -quarter[4 * q - i];
    }

    /** {@code cos(2π index / entries) = sin(2π (index + entries/4) / entries)}. */
    public long cos(int index) {
        return sin(index + entries / 4);
    }
}
