package org.oscnet.sim;

/**
 * The two products the recurrent simulator spends most of its time in, for
 * {@link RecurrentSimulator#LANES} sequences side by side (lane-minor arrays). Every
 * implementation does, per lane, the same multiplications and additions in the same order
 * (no fused multiply-add), so trained files do not depend on which one ran.
 */
interface LaneKernels {
    /**
     * {@code out[outAt + b] = first + Σ weights[e] · vector[LANES · at[e] + b]} over
     * {@code e ∈ [from, to)} in that order, for every lane b: a sparse row times lane-minor vectors.
     */
    void laneSums(double first, double[] weights, double[] vector, int[] at, int from, int to, double[] out,
            int outAt);

    /**
     * {@code out[outAt + b] = Σ a[aAt + k·LANES + b] · c[cAt + k·LANES + b]} over k from
     * {@code count − 1} down to 0 (that order), for every lane b: a weight's gradient summed over the
     * evaluations of a backward sweep.
     */
    void productSums(double[] a, int aAt, double[] c, int cAt, int count, double[] out, int outAt);

    /** What the benchmarks print: which kernels ran. */
    String description();

    /**
     * The Vector API kernels when the JVM was started with {@code --add-modules jdk.incubator.vector}
     * (the {@code oscnet} launcher does): 512-bit vectors where the machine's preferred vectors are
     * that wide, else 256-bit ones; plain Java without the module, or when the property
     * {@code oscnet.vector} is {@code false} (or names the kernels: {@code 256}, {@code 512}).
     */
    static LaneKernels fastest() {
        String wanted = System.getProperty("oscnet.vector", "");
        if (wanted.equals("false") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarLaneKernels();
        }
        try {
            return (LaneKernels) Class.forName("org.oscnet.sim.VectorLanes").getDeclaredMethod("choose", String.class)
                    .invoke(null, wanted);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarLaneKernels();
        }
    }
}
