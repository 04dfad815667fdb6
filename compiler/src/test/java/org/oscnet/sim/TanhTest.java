package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oscnet.sim.RecurrentSimulator.LANES;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CTRNN's own tanh: close to {@link Math#tanh}, and the same bits from every kernel. */
class TanhTest {
    @Test
    void isMathTanhToWithinRounding() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        for (int k = 0; k < 400_000; k++) {
            double v = random.nextDouble(-25, 25) * (k % 2 == 0 ? 1 : 1e-3);
            double error = Math.abs(Math.tanh(v) - Tanh.tanh(v));
            assertEquals(Math.tanh(v), Tanh.tanh(v), 4e-16, "tanh " + v);
            worst = Math.max(worst, error);
        }
        assertTrue(worst > 0, "an own exp that never differs from Math.tanh's would be suspicious");
    }

    @Test
    void specialValues() {
        assertEquals(1.0, Tanh.tanh(800), 0.0);
        assertEquals(-1.0, Tanh.tanh(-800), 0.0);
        assertEquals(1.0, Tanh.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, Tanh.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.0, Tanh.tanh(Tanh.LIMIT / 2), 0.0);
        assertEquals(0.0, Tanh.tanh(0), 0.0);
        assertTrue(Double.isNaN(Tanh.tanh(Double.NaN)));
        assertEquals(Math.tanh(Math.log(2) / 4), Tanh.tanh(Math.log(2) / 4), 2e-16, "where k changes from 0 to 1");
    }

    /** The vector kernels on the edge cases the random data of LaneKernelsTest rarely hit. */
    @Test
    void vectorKernelsAgreeOnEdgeCases() {
        double[] edges = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            Tanh.LIMIT / 2, -Tanh.LIMIT / 2, Math.nextUp(Tanh.LIMIT / 2), Math.log(2) / 4, -Math.log(2) / 4,
            Double.MIN_VALUE, -Double.MAX_VALUE, 1e-300, 3.0, -19.99};
        double[] x = new double[((edges.length + LANES - 1) / LANES) * LANES];
        System.arraycopy(edges, 0, x, 0, edges.length);
        double[] expected = new double[x.length];
        new ScalarLaneKernels().tanh(x, 0, expected, 0, x.length);
        for (LaneKernels vector : new LaneKernels[] {new Vector256LaneKernels(), new Vector512LaneKernels()}) {
            double[] actual = new double[x.length];
            vector.tanh(x, 0, actual, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                        "tanh " + x[i] + ", " + vector.getClass().getSimpleName());
            }
        }
    }
}
