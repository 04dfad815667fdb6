package org.oscnet.sim;

import static org.oscnet.sim.RecurrentSimulator.LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneKernels} with the Vector API (an incubator module in Java 17: loaded only when the
 * JVM resolves it, see {@link LaneKernels#fastest}): the eight lanes as one 512-bit vector
 * (AVX-512), one instruction for all of them. Multiplication and addition stay separate operations, each
 * rounded as in {@link ScalarLaneKernels}, so the results are bit-identical to it.
 */
final class Vector512LaneKernels extends VectorLaneKernels {
    private static final VectorSpecies<Double> ALL = DoubleVector.SPECIES_512;

    Vector512LaneKernels() {
        if (ALL.length() != LANES) {
            throw new IllegalStateException("the vector kernels are written for 8 lanes");
        }
    }

    @Override
    public String description() {
        return "Vector API, 512-bit";
    }

    @Override
    public void laneSums(double first, double[] weights, double[] vector, int[] at, int from, int to, double[] out,
            int outAt) {
        DoubleVector sums = DoubleVector.broadcast(ALL, first);
        for (int e = from; e < to; e++) {
            sums = sums.add(DoubleVector.fromArray(ALL, vector, at[e] * LANES).mul(weights[e]));
        }
        sums.intoArray(out, outAt);
    }

    @Override
    public void productSums(double[] a, int aAt, double[] c, int cAt, int count, double[] out, int outAt) {
        DoubleVector sums = DoubleVector.zero(ALL);
        for (int k = (count - 1) * LANES; k >= 0; k -= LANES) {
            sums = sums.add(DoubleVector.fromArray(ALL, a, aAt + k).mul(DoubleVector.fromArray(ALL, c, cAt + k)));
        }
        sums.intoArray(out, outAt);
    }
}
