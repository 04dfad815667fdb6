package org.oscnet.sim;

/**
 * The Jacobian's passes (the adjoint's two of {@link KuramotoSimulator#meanFrequenciesWithJacobianRows},
 * the forward sensitivities of {@link KuramotoSimulator#meanFrequenciesWithJacobian}) for
 * {@link #lanes()} examples side by side: arrays are lane-minor ({@code [item × lanes]}), and
 * every lane does the multiplications and additions of the per-example code in the same order
 * (no fused multiply-add), so the Jacobian rows, mean frequencies and final phases are
 * bit-identical to it. Uniform coupling and no phase noise only; the simulator keeps its
 * per-example code for everything else.
 */
interface KuramotoLanes {
    /**
     * The phase wrap is exact while {@code |θ + advance|} stays below this many turns (2^50: the lanes round
     * with 1.5·2^52, exact below 2^51, with a factor two to spare); the simulator keeps larger steps on the
     * per-example code.
     */
    double LARGEST_EXACT_TURNS = 0x1p50;

    /** How many examples one call steps together. */
    int lanes();

    /**
     * Euler steps {@code [0, steps)} of {@code n} oscillators: {@code phase} (turns) in and out,
     * {@code detuningHz} from the rotating frame, each in-window step's advance added into
     * {@code advanceSum}, and every step's sines then cosines written to {@code trajectory}
     * ({@code [steps × 2n × lanes]}).
     */
    void forward(int n, long steps, long windowStart, double dt, double couplingHz, double[] phase,
            double[] detuningHz, double[] advanceSum, double[] trajectory);

    /**
     * As {@link #forward}, keeping no trajectory but carrying the forward sensitivities {@code ∂θ_i/∂F_m}
     * ({@code sens}, {@code [n·n × lanes]}, row-major per lane, in and out) through every step, with their values
     * at the start of the read-out window copied into {@code sensAtWindow}.
     */
    void forwardWithSensitivities(int n, long steps, long windowStart, double dt, double couplingHz, double[] phase,
            double[] detuningHz, double[] advanceSum, double[] sens, double[] sensAtWindow);

    /**
     * The backward pass over {@code trajectory}: {@code vectors} adjoint vectors {@code lambda}
     * ({@code [vectors × n × lanes]}, in and out), the first {@code rows.length} of which drop by their row's unit
     * vector at the start of the read-out window; each {@code λ_{t+1}} is added into {@code sums}
     * before it steps back. {@code gain} is {@code 2π k dt}.
     */
    void backward(int n, long steps, long windowStart, double gain, int[] rows, int vectors, double[] trajectory,
            double[] lambda, double[] sums);

    /** What the benchmarks print. */
    String description();

    /**
     * The Vector API lanes when the JVM resolves {@code jdk.incubator.vector} and the property
     * {@code oscnet.vector} is not {@code false} (as for {@link LaneKernels#fastest}); otherwise
     * null: the per-example code runs.
     */
    static KuramotoLanes fastest() {
        String wanted = System.getProperty("oscnet.vector", "");
        if (wanted.equals("false") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (KuramotoLanes) Class.forName("org.oscnet.sim.VectorLanes")
                    .getDeclaredMethod("chooseKuramoto", String.class).invoke(null, wanted);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
