package org.oscnet.sim;

/**
 * Sine and cosine of a phase given in turns (1 turn = 2π), from a table of 4096 points with
 * linear interpolation. Worst-case absolute error is (2π/4096)²/8 ≈ 2.95e-7 (tested against
 * {@link Math#sin}); about five times faster than {@code Math.sin} in the simulator's loop.
 */
public final class FastTrig {
    static final int BITS = 12;
    static final int SIZE = 1 << BITS;
    static final int QUARTER = SIZE / 4;
    static final double[] SIN = new double[SIZE + QUARTER + 1];
    static final double[] SLOPE = new double[SIZE + QUARTER];

    /** The bound on |fast − exact| for sine and cosine, for any argument. */
    public static final double MAX_ERROR = Math.pow(2 * Math.PI / SIZE, 2) / 8 + 1e-12;

    static {
        for (int i = 0; i < SIN.length; i++) {
            SIN[i] = Math.sin(2 * Math.PI * i / SIZE);
        }
        for (int i = 0; i < SLOPE.length; i++) {
            SLOPE[i] = SIN[i + 1] - SIN[i];
        }
    }

    private FastTrig() {
    }

    /** sin(2π·turns) for turns in [0, 1). */
    public static double sinTurns(double turns) {
        double x = turns * SIZE;
        int i = (int) x;
        return SIN[i] + SLOPE[i] * (x - i);
    }

    /** cos(2π·turns) for turns in [0, 1). */
    public static double cosTurns(double turns) {
        double x = turns * SIZE;
        int i = (int) x;
        return SIN[i + QUARTER] + SLOPE[i + QUARTER] * (x - i);
    }

    /** sin(2π·turns) for any turns (wraps first; slower). */
    public static double sinAnyTurns(double turns) {
        return sinTurns(wrap(turns));
    }

    /** cos(2π·turns) for any turns. */
    public static double cosAnyTurns(double turns) {
        return cosTurns(wrap(turns));
    }

    /** turns reduced to [0, 1). */
    public static double wrap(double turns) {
        double w = turns - Math.floor(turns);
        return w >= 1.0 ? 0.0 : w;
    }
}
