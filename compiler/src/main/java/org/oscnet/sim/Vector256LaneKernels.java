package org.oscnet.sim;

import static org.oscnet.sim.RecurrentSimulator.LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneKernels} with the Vector API (an incubator module in Java 17: loaded only when the
 * JVM resolves it, see {@link LaneKernels#fastest}): the eight lanes as two 256-bit vectors (AVX2),
 * one instruction per four lanes. Multiplication and addition stay separate operations, each
 * rounded as in {@link ScalarLaneKernels}, so the results are bit-identical to it.
 */
final class Vector256LaneKernels extends VectorLaneKernels {
    private static final VectorSpecies<Double> HALF = DoubleVector.SPECIES_256;
    private static final int STEP = 4;

    Vector256LaneKernels() {
        if (LANES != 2 * STEP || HALF.length() != STEP) {
            throw new IllegalStateException("the vector kernels are written for 8 lanes");
        }
    }

    @Override
    public String description() {
        return "Vector API, 256-bit";
    }

    @Override
    public void laneSums(double first, double[] weights, double[] vector, int[] at, int from, int to, double[] out,
            int outAt) {
        DoubleVector low = DoubleVector.broadcast(HALF, first);
        DoubleVector high = low;
        for (int e = from; e < to; e++) {
            double weight = weights[e];
            int c = at[e] * LANES;
            low = low.add(DoubleVector.fromArray(HALF, vector, c).mul(weight));
            high = high.add(DoubleVector.fromArray(HALF, vector, c + STEP).mul(weight));
        }
        low.intoArray(out, outAt);
        high.intoArray(out, outAt + STEP);
    }

    @Override
    public void productSums(double[] a, int aAt, double[] c, int cAt, int count, double[] out, int outAt) {
        DoubleVector low = DoubleVector.zero(HALF);
        DoubleVector high = low;
        for (int k = (count - 1) * LANES; k >= 0; k -= LANES) {
            int g = aAt + k;
            int x = cAt + k;
            low = low.add(DoubleVector.fromArray(HALF, a, g).mul(DoubleVector.fromArray(HALF, c, x)));
            high = high.add(DoubleVector.fromArray(HALF, a, g + STEP).mul(DoubleVector.fromArray(HALF, c, x + STEP)));
        }
        low.intoArray(out, outAt);
        high.intoArray(out, outAt + STEP);
    }
}
