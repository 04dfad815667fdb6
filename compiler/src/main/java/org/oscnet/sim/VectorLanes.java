package org.oscnet.sim;

import jdk.incubator.vector.DoubleVector;

/** Picks the Vector API kernels; only loaded when the JVM resolves {@code jdk.incubator.vector}. */
final class VectorLanes {
    private VectorLanes() {
    }

    /** {@code wanted}: "256", "512", or empty for the widest the machine prefers. */
    static LaneKernels choose(String wanted) {
        return switch (wanted) {
            case "256" -> new Vector256LaneKernels();
            case "512" -> new Vector512LaneKernels();
            case "" -> DoubleVector.SPECIES_PREFERRED.length() >= RecurrentSimulator.LANES
                    ? new Vector512LaneKernels() : new Vector256LaneKernels();
            default -> throw badChoice(wanted);
        };
    }

    /**
     * The Kuramoto adjoint's lanes: as many as one vector holds, of the width {@code wanted} names or else
     * 256 bits where the machine has them (fixed per JVM: see {@link VectorKuramotoLanes}).
     */
    static KuramotoLanes chooseKuramoto(String wanted) {
        if (!wanted.isEmpty() && !wanted.equals("256") && !wanted.equals("512")) {
            throw badChoice(wanted);
        }
        return new VectorKuramotoLanes();
    }

    private static IllegalArgumentException badChoice(String wanted) {
        return new IllegalArgumentException("oscnet.vector is " + wanted + "; it takes false, 256 or 512");
    }
}
