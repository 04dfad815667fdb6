package org.oscnet.sim;

/**
 * The CTRNN neurons' {@code tanh v = 1 − 2 / (e^{2v} + 1)}, with an exponential of its own so that
 * the plain and the Vector API kernels compute it with the same operations and agree bit for bit
 * ({@link Math#exp} has no vector form that rounds like it, and {@link Math#tanh} is the portable
 * fdlibm code, not an intrinsic, in Java 17). {@link #tanh} is the definition; {@link
 * VectorLaneKernels#tanh} repeats it lane-wise, operation for operation.
 *
 * <p>The exponential: {@code 2v} clamped to ±{@link #LIMIT}, {@code k = round(2v / ln 2)} by adding
 * and subtracting {@link #SHIFTER} (which leaves k in the low bits of the sum, so {@code 2^k} is
 * built from those bits), {@code r = 2v − k·ln 2} in two parts (Cody and Waite; the high part has
 * enough trailing zeros that {@code k·LN2_HI} is exact), then {@code e^r} by its Taylor series to
 * degree 13 ({@code |r| ≤ ln 2 / 2}, so the first term left out is below 5e-18). Within 4e-16 of
 * {@code Math.tanh} (TanhTest), exactly ±1 beyond the clamp, NaN for NaN.
 */
final class Tanh {
    /** Beyond {@code |2v| = 40}, {@code 2 / (e^{2v} + 1)} is below half an ulp of 1 (or 2 within one of 2). */
    static final double LIMIT = 40;
    /** 1.5 · 2^52: adding it rounds a number of magnitude below 2^51 to an integer. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    static final double INV_LN2 = 0x1.71547652b82fep0;
    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** {@code TAYLOR[n] = 1 / n!}, n = 0 … 13. */
    static final double[] TAYLOR = taylor(13);

    private Tanh() {
    }

    private static double[] taylor(int degree) {
        double[] c = new double[degree + 1];
        c[0] = 1;
        for (int n = 1; n <= degree; n++) {
            c[n] = c[n - 1] / n;
        }
        return c;
    }

    static double tanh(double v) {
        double x = Math.max(-LIMIT, Math.min(LIMIT, 2 * v));
        double t = x * INV_LN2 + SHIFTER;
        double k = t - SHIFTER;
        double r = x - k * LN2_HI - k * LN2_LO;
        double p = TAYLOR[TAYLOR.length - 1];
        for (int n = TAYLOR.length - 2; n >= 0; n--) {
            p = p * r + TAYLOR[n];
        }
        double twoToK = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (SHIFTER_BITS - 1023)) << 52);
        return 1 - 2 / (p * twoToK + 1);
    }
}
