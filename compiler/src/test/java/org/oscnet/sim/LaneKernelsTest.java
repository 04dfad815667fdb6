package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oscnet.sim.RecurrentSimulator.LANES;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API kernels (both widths, whatever the machine) give the plain Java kernels' results bit for bit. */
class LaneKernelsTest {
    private final LaneKernels scalar = new ScalarLaneKernels();
    private final LaneKernels[] vectors = {new Vector256LaneKernels(), new Vector512LaneKernels()};

    /** Magnitudes over many octaves, so that the order and rounding of every operation shows. */
    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-20, 20));
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sparseRowTimesLanesIsBitIdentical(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int columns = 40;
        int entries = random.nextInt(0, 200);
        double[] weights = values(random, entries + 3);
        double[] lanes = values(random, columns * LANES);
        int[] at = random.ints(entries + 3, 0, columns).toArray();
        double first = values(random, 1)[0];
        double[] expected = new double[LANES + 5];
        double[] actual = new double[LANES + 5];
        scalar.laneSums(first, weights, lanes, at, 3, entries + 3, expected, 5);
        for (LaneKernels vector : vectors) {
            vector.laneSums(first, weights, lanes, at, 3, entries + 3, actual, 5);
            assertArrayEquals(bits(expected), bits(actual), vector.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void productSumsAreBitIdentical(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = random.nextInt(1, 150);
        double[] a = values(random, (count + 2) * LANES);
        double[] c = values(random, (count + 3) * LANES);
        double[] expected = new double[LANES];
        double[] actual = new double[LANES];
        scalar.productSums(a, 2 * LANES, c, 3 * LANES, count, expected, 0);
        for (LaneKernels vector : vectors) {
            vector.productSums(a, 2 * LANES, c, 3 * LANES, count, actual, 0);
            assertArrayEquals(bits(expected), bits(actual), vector.getClass().getSimpleName());
        }
        assertFalse(Arrays.equals(bits(expected), bits(fused(a, 2 * LANES, c, 3 * LANES, count))),
                "the data are too tame to tell a fused multiply-add from a separate one");
    }

    /** One element-by-element kernel applied to fresh copies of the same data; returns every array it may write. */
    private interface ElementKernel {
        double[][] apply(LaneKernels kernels, double[][] data);
    }

    private static final int COUNT = 12 * LANES;

    private static double[][] copies(double[][] data) {
        return Arrays.stream(data).map(double[]::clone).toArray(double[][]::new);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void elementKernelsAreBitIdentical(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] data = new double[6][];
        for (int i = 0; i < data.length; i++) {
            data[i] = values(random, 3 * COUNT);
        }
        for (int i = 0; i < COUNT; i++) {
            data[5][i] = random.nextDouble();   // powers in (0, 1), as the STNO neurons have
        }
        double[] c = values(random, 4);
        ElementKernel[] kernels = {
            (k, d) -> { k.scaleShift(d[0], COUNT, c[0], c[1]); return d; },
            (k, d) -> { k.stnoRates(d[5], LANES, d[1], d[2], COUNT, c[0], c[1]); return d; },
            (k, d) -> { k.ctrnnRates(d[0], 2 * LANES, d[1], d[2], COUNT, c[0]); return d; },
            (k, d) -> { k.eulerStep(d[0], LANES, d[1], c[0], d[2], 3 * LANES, COUNT); return d; },
            (k, d) -> { k.heunStep(d[0], LANES, d[1], d[3], c[0], d[2], 2 * LANES, COUNT); return d; },
            (k, d) -> { k.stnoAdjoint(d[5], 0, d[0], LANES, d[1], d[2], d[3], COUNT, c[0], c[1], c[2]); return d; },
            (k, d) -> { k.ctrnnAdjoint(d[1], d[2], d[3], COUNT, c[0], c[1]); return d; },
            (k, d) -> { k.add(d[1], d[2], COUNT, COUNT); return d; },
            (k, d) -> { k.scaled(d[1], c[0], d[2], COUNT); return d; },
            (k, d) -> { k.scaledSum(d[1], c[0], d[3], c[1], d[2], COUNT); return d; },
            (k, d) -> { k.tanhAdjoint(d[5], d[1], d[2], COUNT); return d; },
            (k, d) -> { k.tanh(d[0], LANES, d[2], 0, COUNT); return d; },
        };
        for (int n = 0; n < kernels.length; n++) {
            double[][] expected = kernels[n].apply(scalar, copies(data));
            assertFalse(Arrays.deepEquals(expected, data), "kernel " + n + " changed nothing");
            for (LaneKernels vector : vectors) {
                double[][] actual = kernels[n].apply(vector, copies(data));
                for (int a = 0; a < data.length; a++) {
                    assertArrayEquals(bits(expected[a]), bits(actual[a]),
                            "kernel " + n + ", array " + a + ", " + vector.getClass().getSimpleName());
                }
            }
        }
    }

    @Test
    void theTestsRunTheVectorKernelsInTheSimulator() {
        LaneKernels fastest = LaneKernels.fastest();
        assertTrue(fastest instanceof Vector256LaneKernels || fastest instanceof Vector512LaneKernels,
                "the tests' JVM should resolve jdk.incubator.vector (surefire argLine)");
    }

    @Test
    void thePropertyChoosesTheKernels() {
        String before = System.getProperty("oscnet.vector");
        try {
            System.setProperty("oscnet.vector", "false");
            assertInstanceOf(ScalarLaneKernels.class, LaneKernels.fastest());
            System.setProperty("oscnet.vector", "256");
            assertInstanceOf(Vector256LaneKernels.class, LaneKernels.fastest());
            System.setProperty("oscnet.vector", "512");
            assertInstanceOf(Vector512LaneKernels.class, LaneKernels.fastest());
            System.setProperty("oscnet.vector", "128");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, LaneKernels::fastest);
            assertTrue(e.getMessage().contains("false, 256 or 512"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("oscnet.vector");
            } else {
                System.setProperty("oscnet.vector", before);
            }
        }
    }

    private static double[] fused(double[] a, int aAt, double[] c, int cAt, int count) {
        double[] sums = new double[LANES];
        for (int k = (count - 1) * LANES; k >= 0; k -= LANES) {
            for (int b = 0; b < LANES; b++) {
                sums[b] = Math.fma(a[aAt + k + b], c[cAt + k + b], sums[b]);
            }
        }
        return sums;
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
