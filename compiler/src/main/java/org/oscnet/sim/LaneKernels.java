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

    // Element by element over count entries (a multiple of LANES; offsets are multiples of LANES too),
    // the per-neuron arithmetic of the integration and its adjoint, each expression evaluated as the
    // Java source of the plain kernels writes it.

    /** {@code v[i] = scale · v[i] + shift}: the drives from the weighted sums. */
    void scaleShift(double[] v, int count, double scale, double shift);

    /**
     * STNO neurons (simple form), {@code x = s[at + i]}, {@code y = s[at + count + i]}:
     * {@code rates[i] = −γ·x + I·x·(1 − x)} and {@code rates[count + i] = −ω·y + rates[i]}.
     */
    void stnoRates(double[] s, int at, double[] drive, double[] rates, int count, double gamma, double omega);

    /** CTRNN neurons, {@code x = s[at + i]}: {@code rates[i] = −γ·x + I}. */
    void ctrnnRates(double[] s, int at, double[] drive, double[] rates, int count, double gamma);

    /** {@code out[to + i] = s[from + i] + dt · k[i]}: an Euler step, or Heun's predictor. */
    void eulerStep(double[] s, int from, double[] k, double dt, double[] out, int to, int count);

    /** {@code out[to + i] = s[from + i] + halfStep · (k1[i] + k2[i])}: Heun's corrector. */
    void heunStep(double[] s, int from, double[] k1, double[] k2, double halfStep, double[] out, int to, int count);

    /**
     * The adjoint of {@link #stnoRates} for the cotangent {@code v} of the rates, at the state
     * {@code s[at ..]} with the drives {@code drives[driveAt ..]}: {@code g = v[i] + v[count + i]},
     * {@code λ[i] += g·(−γ + I·(1 − 2x))}, {@code λ[count + i] −= ω·v[count + i]}, and the drive's
     * cotangent {@code gain·g·x·(1 − x)} into {@code driveCotangent[i]}.
     */
    void stnoAdjoint(double[] s, int at, double[] drives, int driveAt, double[] v, double[] lambda,
            double[] driveCotangent, int count, double gamma, double omega, double gain);

    /** The adjoint of {@link #ctrnnRates}: {@code λ[i] += v[i]·(−γ)}, drive cotangent {@code gain·v[i]}. */
    void ctrnnAdjoint(double[] v, double[] lambda, double[] driveCotangent, int count, double gamma, double gain);

    /** {@code into[intoAt + i] += a[i]}. */
    void add(double[] a, double[] into, int intoAt, int count);

    /** {@code out[i] = fa · a[i]}. */
    void scaled(double[] a, double fa, double[] out, int count);

    /** {@code out[i] = fa · a[i] + fb · b[i]}. */
    void scaledSum(double[] a, double fa, double[] b, double fb, double[] out, int count);

    /** {@code λ[i] += c[i] · (1 − o[i] · o[i])}: a cotangent through {@code o = tanh x}. */
    void tanhAdjoint(double[] o, double[] c, double[] lambda, int count);

    /** {@code out[outAt + i] = tanh(x[at + i])} as {@link Tanh#tanh} defines it. */
    default void tanh(double[] x, int at, double[] out, int outAt, int count) {
        for (int i = 0; i < count; i++) {
            out[outAt + i] = Tanh.tanh(x[at + i]);
        }
    }

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
