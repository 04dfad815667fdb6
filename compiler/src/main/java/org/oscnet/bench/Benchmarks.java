package org.oscnet.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.oscnet.sim.Coupling;
import org.oscnet.sim.KuramotoSimulator;

/**
 * Throughput of the Kuramoto simulator: forward only, with all forward sensitivities, and with the
 * adjoint rows of one output pair (what training needs), batch 90, T = 1 us, dt = 10 ps, as
 * oscillator-steps per second (best of {@code repeats} after a warm-up).
 */
public final class Benchmarks {
    private static final double DT = 10e-12;
    private static final long STEPS = 100_000;
    private static final int BATCH = 90;

    private Benchmarks() {
    }

    /** What a run computes besides the mean frequencies. */
    public enum Derivatives {
        NONE("forward"),
        FORWARD("forward+sensitivities"),
        ADJOINT("forward+adjoint (2 rows)");

        private final String label;

        Derivatives(String label) {
            this.label = label;
        }
    }

    /** One JSON object per line: case, parameters, seconds, throughput, cores. */
    public static Map<String, Object> forward(int n, Derivatives derivatives, int repeats) {
        KuramotoSimulator sim = new KuramotoSimulator(n, new Coupling.Uniform(10e6), DT, STEPS, STEPS / 2, 0, true,
                590e6, org.oscnet.sim.Threads.allCores());
        double[] natural = new double[BATCH * n];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < natural.length; i++) {
            natural[i] = 500e6 + 180e6 * random.nextDouble();
        }
        double[] mean = new double[BATCH * n];
        double[] jacobian = new double[derivatives == Derivatives.NONE ? 0 : BATCH * n * n];
        int[] outputPair = {n - 2, n - 1};
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= repeats; r++) { // r = 0 warms the JIT up and is not counted
            long start = System.nanoTime();
            switch (derivatives) {
                case NONE -> sim.meanFrequencies(natural, BATCH, 1, r);
                case FORWARD -> sim.meanFrequenciesWithJacobian(natural, BATCH, 1, r, mean, jacobian);
                case ADJOINT -> sim.meanFrequenciesWithJacobianRows(natural, BATCH, 1, r, outputPair, mean, jacobian,
                        null, null);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r > 0) {
                best = Math.min(best, seconds);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("case", derivatives.label);
        result.put("oscillators", n);
        result.put("batch", BATCH);
        result.put("steps", STEPS);
        result.put("seconds", round(best));
        if (derivatives != Derivatives.NONE) {
            result.put("kernels", sim.jacobianKernels());
        }
        result.put("oscillator_steps_per_second", Math.round(n * STEPS * BATCH / best));
        result.put("cores", Runtime.getRuntime().availableProcessors());
        return result;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** A map as one line of JSON (numbers and strings only). */
    public static void printJson(PrintWriter out, Map<String, Object> fields) {
        StringBuilder line = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (line.length() > 1) {
                line.append(", ");
            }
            line.append('"').append(k).append("\": ");
            line.append(v instanceof String ? "\"" + v + "\"" : v);
        });
        out.println(line.append('}'));
        out.flush();
    }
}
