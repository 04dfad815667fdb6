package org.oscnet.sim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KuramotoLanes} with the Vector API (loaded only when the JVM resolves
 * {@code jdk.incubator.vector}, see {@link KuramotoLanes#fastest}): one example per vector
 * lane (four with 256-bit vectors). The sine table is read lane by lane with plain loads; the
 * phase wrap rounds with 1.5·2^52 instead of {@link Math#floor}, equal to it below
 * {@link KuramotoLanes#LARGEST_EXACT_TURNS}, which the simulator checks before it calls.
 */
final class VectorKuramotoLanes implements KuramotoLanes {
    // C2 turns Vector API calls into instructions only when the species is a constant: a static final,
    // chosen once per JVM (an instance field ran ten times slower than plain Java, every vector boxed).
    // 256 bits unless asked: 512-bit lanes keep twice the trajectory and ran 1.2-1.4x slower on a 2-core
    // AVX-512 machine (docs/training-speed.md); 128-bit lanes ran 3x slower than plain Java
    private static final VectorSpecies<Double> SPECIES = switch (System.getProperty("oscnet.vector", "")) {
        case "512" -> DoubleVector.SPECIES_512;
        default -> DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256 ? DoubleVector.SPECIES_256
                : DoubleVector.SPECIES_PREFERRED;
    };
    private static final int LANES = SPECIES.length();
    private static final double ROUNDING = 0x1.8p52;
    private static final DoubleVector ZERO = DoubleVector.zero(SPECIES);

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public String description() {
        return "Vector API, " + SPECIES.vectorBitSize() + "-bit (" + LANES + " examples per step)";
    }

    @Override
    public void forward(int n, long steps, long windowStart, double dt, double couplingHz, double[] phase,
            double[] detuningHz, double[] advanceSum, double[] trajectory) {
        double[] scaled = new double[LANES];
        // one call per step: C2 compiles small hot methods whole, where a long loop in one call would run
        // on-stack-replaced code that keeps the vectors boxed (measured: ten times slower)
        for (long step = 0; step < steps; step++) {
            forwardStep(n, (int) step * 2 * n * LANES, step >= windowStart, dt, couplingHz, phase, detuningHz,
                    advanceSum, trajectory, scaled);
        }
    }

    @Override
    public void forwardWithSensitivities(int n, long steps, long windowStart, double dt, double couplingHz,
            double[] phase, double[] detuningHz, double[] advanceSum, double[] sens, double[] sensAtWindow) {
        double[] scaled = new double[LANES];
        double[] sinCos = new double[2 * n * LANES];
        double[] byCos = new double[n * LANES];
        double[] bySin = new double[n * LANES];
        double twoPiK = 2 * Math.PI * couplingHz;
        for (long step = 0; step < steps; step++) {
            if (step == windowStart) {
                System.arraycopy(sens, 0, sensAtWindow, 0, sens.length);
            }
            // the phase step reads no sensitivity, and the sensitivity step only this step's sines and cosines
            forwardStep(n, 0, step >= windowStart, dt, couplingHz, phase, detuningHz, advanceSum, sinCos, scaled);
            sensitivityStep(n, dt, twoPiK, sinCos, sens, byCos, bySin);
        }
    }

    /**
     * {@code S ← S + dt (I + 2πk (diag(cos θ) C S + diag(sin θ) B S − diag(Σ_j cos(θ_j − θ_i)) S))} with
     * {@code C S = Σ_j cos θ_j S_j} and {@code B S = Σ_j sin θ_j S_j}, in the per-example code's order.
     */
    private static void sensitivityStep(int n, double dt, double twoPiK, double[] sinCos, double[] sens,
            double[] byCos, double[] bySin) {
        DoubleVector sumSin = DoubleVector.zero(SPECIES);
        DoubleVector sumCos = DoubleVector.zero(SPECIES);
        for (int j = 0; j < n; j++) {
            sumSin = sumSin.add(DoubleVector.fromArray(SPECIES, sinCos, j * LANES));
            sumCos = sumCos.add(DoubleVector.fromArray(SPECIES, sinCos, (n + j) * LANES));
        }
        for (int m = 0; m < n; m++) {
            ZERO.intoArray(byCos, m * LANES);
            ZERO.intoArray(bySin, m * LANES);
        }
        for (int j = 0; j < n; j++) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, sinCos, j * LANES);
            DoubleVector c = DoubleVector.fromArray(SPECIES, sinCos, (n + j) * LANES);
            for (int m = 0; m < n; m++) {
                DoubleVector entry = DoubleVector.fromArray(SPECIES, sens, (j * n + m) * LANES);
                DoubleVector.fromArray(SPECIES, byCos, m * LANES).add(c.mul(entry)).intoArray(byCos, m * LANES);
                DoubleVector.fromArray(SPECIES, bySin, m * LANES).add(s.mul(entry)).intoArray(bySin, m * LANES);
            }
        }
        for (int i = 0; i < n; i++) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, sinCos, i * LANES);
            DoubleVector c = DoubleVector.fromArray(SPECIES, sinCos, (n + i) * LANES);
            DoubleVector selfCos = c.mul(sumCos).add(s.mul(sumSin));
            for (int m = 0; m < n; m++) {
                int at = (i * n + m) * LANES;
                DoubleVector entry = DoubleVector.fromArray(SPECIES, sens, at);
                DoubleVector dPull = c.mul(DoubleVector.fromArray(SPECIES, byCos, m * LANES))
                        .add(s.mul(DoubleVector.fromArray(SPECIES, bySin, m * LANES)))
                        .sub(selfCos.mul(entry)).mul(twoPiK);
                entry.add(dPull.add(i == m ? 1.0 : 0.0).mul(dt)).intoArray(sens, at);
            }
        }
    }

    private void forwardStep(int n, int base, boolean inWindow, double dt, double couplingHz, double[] phase,
            double[] detuningHz, double[] advanceSum, double[] trajectory, double[] scaled) {
        double[] sin = FastTrig.SIN;
        double[] slope = FastTrig.SLOPE;
        int quarter = FastTrig.QUARTER;
        double size = FastTrig.SIZE;
        DoubleVector sumSin = DoubleVector.zero(SPECIES);
        DoubleVector sumCos = DoubleVector.zero(SPECIES);
        for (int j = 0; j < n; j++) {
            DoubleVector.fromArray(SPECIES, phase, j * LANES).mul(size).intoArray(scaled, 0);
            int sinAt = base + j * LANES;
            int cosAt = base + (n + j) * LANES;
            // the table read lane by lane: Java 17's Vector API gathers ran slower than plain loads
            for (int lane = 0; lane < LANES; lane++) {
                double x = scaled[lane];
                int i = (int) x;
                double fraction = x - i;
                trajectory[sinAt + lane] = sin[i] + slope[i] * fraction;
                trajectory[cosAt + lane] = sin[i + quarter] + slope[i + quarter] * fraction;
            }
            sumSin = sumSin.add(DoubleVector.fromArray(SPECIES, trajectory, sinAt));
            sumCos = sumCos.add(DoubleVector.fromArray(SPECIES, trajectory, cosAt));
        }
        for (int i = 0; i < n; i++) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, trajectory, base + i * LANES);
            DoubleVector c = DoubleVector.fromArray(SPECIES, trajectory, base + (n + i) * LANES);
            DoubleVector pull = c.mul(sumSin).sub(s.mul(sumCos)).mul(couplingHz);
            DoubleVector advance = DoubleVector.fromArray(SPECIES, detuningHz, i * LANES).add(pull).mul(dt);
            DoubleVector next = DoubleVector.fromArray(SPECIES, phase, i * LANES).add(advance);
            next = next.sub(floor(next));
            next.blend(0.0, next.compare(VectorOperators.GE, 1.0)).intoArray(phase, i * LANES);
            if (inWindow) {
                DoubleVector.fromArray(SPECIES, advanceSum, i * LANES).add(advance).intoArray(advanceSum, i * LANES);
            }
        }
    }

    /**
     * Math.floor lane by lane for |x| < 2^51: adding and removing 1.5·2^52 rounds to the nearest integer (the
     * sum's unit in the last place is 1), then one is taken where that rounded up. Plain arithmetic: Java 17
     * compiles the Vector API's double-to-long conversion and masked operations lane by lane.
     */
    private static DoubleVector floor(DoubleVector x) {
        DoubleVector nearest = x.add(ROUNDING).sub(ROUNDING);
        return nearest.sub(ZERO.blend(1.0, nearest.compare(VectorOperators.GT, x)));
    }

    @Override
    public void backward(int n, long steps, long windowStart, double gain, int[] rows, int vectors,
            double[] trajectory, double[] lambda, double[] sums) {
        // per step and oscillator k: λ_k ← keep_k λ_k + pullCos_k Σ λ_i cos θ_i + pullSin_k Σ λ_i sin θ_i
        double[] keep = new double[n * LANES];
        double[] pullSin = new double[n * LANES];
        double[] pullCos = new double[n * LANES];
        for (long t = steps - 1; t >= 0; t--) {
            if (t + 1 == windowStart) {
                for (int q = 0; q < rows.length; q++) {
                    int at = (q * n + rows[q]) * LANES;
                    DoubleVector.fromArray(SPECIES, lambda, at).sub(1.0).intoArray(lambda, at);
                }
            }
            backwardStep(n, (int) t * 2 * n * LANES, gain, vectors, trajectory, lambda, sums, keep, pullSin, pullCos);
        }
    }

    private void backwardStep(int n, int base, double gain, int vectors, double[] trajectory, double[] lambda,
            double[] sums, double[] keep, double[] pullSin, double[] pullCos) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector sumSin = DoubleVector.zero(SPECIES);
        DoubleVector sumCos = DoubleVector.zero(SPECIES);
        for (int k = 0; k < n; k++) {
            sumSin = sumSin.add(DoubleVector.fromArray(SPECIES, trajectory, base + k * LANES));
            sumCos = sumCos.add(DoubleVector.fromArray(SPECIES, trajectory, base + (n + k) * LANES));
        }
        for (int k = 0; k < n; k++) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, trajectory, base + k * LANES);
            DoubleVector c = DoubleVector.fromArray(SPECIES, trajectory, base + (n + k) * LANES);
            s.mul(gain).intoArray(pullSin, k * LANES);
            c.mul(gain).intoArray(pullCos, k * LANES);
            one.sub(c.mul(sumCos).add(s.mul(sumSin)).mul(gain)).intoArray(keep, k * LANES);
        }
        for (int v = 0; v < vectors; v++) {
            int from = v * n * LANES;
            DoubleVector byCos = DoubleVector.zero(SPECIES);
            DoubleVector bySin = DoubleVector.zero(SPECIES);
            for (int i = 0; i < n; i++) {
                int at = from + i * LANES;
                DoubleVector x = DoubleVector.fromArray(SPECIES, lambda, at);
                DoubleVector.fromArray(SPECIES, sums, at).add(x).intoArray(sums, at);
                byCos = byCos.add(x.mul(DoubleVector.fromArray(SPECIES, trajectory, base + (n + i) * LANES)));
                bySin = bySin.add(x.mul(DoubleVector.fromArray(SPECIES, trajectory, base + i * LANES)));
            }
            for (int k = 0; k < n; k++) {
                int at = from + k * LANES;
                DoubleVector.fromArray(SPECIES, keep, k * LANES).mul(DoubleVector.fromArray(SPECIES, lambda, at))
                        .add(DoubleVector.fromArray(SPECIES, pullCos, k * LANES).mul(byCos))
                        .add(DoubleVector.fromArray(SPECIES, pullSin, k * LANES).mul(bySin))
                        .intoArray(lambda, at);
            }
        }
    }
}
