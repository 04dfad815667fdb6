package org.oscnet.sim;

import java.util.SplittableRandom;

/**
 * Euler integration of Kuramoto oscillator networks, batched and parallel across examples:
 * {@code f_i = F_i + k Σ_j sin(θ_j − θ_i)}, {@code θ_i += 2π dt f_i}, optional phase noise of
 * linewidth Δ ({@code θ += sqrt(2π dt Δ)·N(0,1)}). Phases are kept in turns, in a frame rotating
 * at {@code centreHz} (only frequency differences matter, so results are identical and the
 * numbers stay small). Uniform coupling uses the mean-field form, O(N) sines per step.
 *
 * <p>The result is each oscillator's mean frequency over the read-out window (the last
 * {@code readoutSteps} steps). With sensitivities, it also propagates {@code ∂θ_i/∂F_m} through
 * every Euler step (forward mode, O(N²) per step) and returns the Jacobian {@code ∂f̄_i/∂F_m}.
 *
 * <p>Random initial phases and noise come from a generator seeded by (seed, run, example), so a
 * result depends on the seed and never on the number of threads.
 */
public final class KuramotoSimulator {
    /** The Jacobian's lanes when the Vector API is there; null: the per-example code. */
    private static final KuramotoLanes FASTEST_LANES = KuramotoLanes.fastest();

    private final int n;
    private final Coupling coupling;
    private final double dt;
    private final long steps;
    private final long readoutSteps;
    private final double noiseTurnsPerStep;
    private final boolean randomPhases;
    private final double centreHz;
    private final int threads;
    private final KuramotoLanes lanes;

    /**
     * @param noiseLinewidth phase-noise linewidth Δ; 0 for none
     * @param centreHz the rotating frame; any value gives the same result (choose mid-band)
     * @param threads how many threads a batch may use (see {@link Threads})
     */
    public KuramotoSimulator(int n, Coupling coupling, double dt, long steps, long readoutSteps,
            double noiseLinewidth, boolean randomPhases, double centreHz, int threads) {
        if (readoutSteps < 1 || readoutSteps > steps) {
            throw new IllegalArgumentException("read-out window of " + readoutSteps + " steps in a run of " + steps);
        }
        this.n = n;
        this.coupling = coupling;
        this.dt = dt;
        this.steps = steps;
        this.readoutSteps = readoutSteps;
        // θ noise sqrt(2π dt Δ) rad per step is sqrt(dt Δ / 2π) turns.
        this.noiseTurnsPerStep = Math.sqrt(dt * noiseLinewidth / (2 * Math.PI));
        this.randomPhases = randomPhases;
        this.centreHz = centreHz;
        this.threads = threads;
        this.lanes = noiseLinewidth == 0 ? FASTEST_LANES : null;
    }

    private KuramotoSimulator(KuramotoSimulator from, KuramotoLanes lanes) {
        this.n = from.n;
        this.coupling = from.coupling;
        this.dt = from.dt;
        this.steps = from.steps;
        this.readoutSteps = from.readoutSteps;
        this.noiseTurnsPerStep = from.noiseTurnsPerStep;
        this.randomPhases = from.randomPhases;
        this.centreHz = from.centreHz;
        this.threads = from.threads;
        this.lanes = lanes;
    }

    /** The same simulator with the Jacobian on the given lanes, or on the per-example code for null (for tests). */
    KuramotoSimulator withLanes(KuramotoLanes lanes) {
        return new KuramotoSimulator(this, lanes);
    }

    /** What runs the Jacobian (adjoint or forward sensitivities): the per-example code or the lanes (for benchmarks). */
    public String jacobianKernels() {
        return lanes == null ? "plain Java, one example at a time" : lanes.description();
    }

    /** The simulator a network's {@code simulate} block describes, with the given phase-noise linewidth. */
    public static KuramotoSimulator forNetwork(org.oscnet.model.KuramotoNetwork network, double noiseLinewidth,
            int threads) {
        var sim = network.simulation();
        return new KuramotoSimulator(network.oscillators(), new Coupling.Uniform(network.couplingHz()), sim.step(),
                sim.steps(), sim.readoutSteps(), noiseLinewidth,
                sim.initialPhases() == org.oscnet.model.Simulation.InitialPhases.RANDOM,
                (network.tuningLowHz() + network.tuningHighHz()) / 2, threads);
    }

    public static KuramotoSimulator forNetwork(org.oscnet.model.KuramotoNetwork network, int threads) {
        return forNetwork(network, network.simulation().noiseLinewidth(), threads);
    }

    public int oscillators() {
        return n;
    }

    /** The mean frequencies (Hz) of {@code batch} examples; {@code naturalHz} is {@code [batch × n]}. */
    public double[] meanFrequencies(double[] naturalHz, int batch, long seed, long run) {
        double[] out = new double[batch * n];
        forEach(batch, b -> simulate(naturalHz, b, seed, run, null, out, null, null, null, null, null));
        return out;
    }

    /**
     * The mean frequencies (Hz) of {@code batch} examples started from given phases
     * {@code [batch × n]} (turns), as a circuit simulator started from the same state would see
     * them; noise, if any, still comes from (seed, run, example).
     */
    public double[] meanFrequencies(double[] naturalHz, int batch, double[] initialTurns, long seed, long run) {
        double[] out = new double[batch * n];
        forEach(batch, b -> simulate(naturalHz, b, seed, run, initialTurns, out, null, null, null, null, null));
        return out;
    }

    /** The initial phases (turns, {@code [batch × n]}) that (seed, run) gives examples 0..batch-1. */
    public double[] initialPhases(int batch, long seed, long run) {
        double[] phases = new double[batch * n];
        for (int b = 0; b < batch; b++) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, run, b));
            for (int i = 0; i < n; i++) {
                phases[b * n + i] = randomPhases ? random.nextDouble() : 0.0;
            }
        }
        return phases;
    }

    /**
     * The frequency of each oscillator of one example over time, averaged over {@code blocks}
     * equal blocks of the run: {@code [blocks × n]} in Hz (for plots).
     */
    public double[] frequencyTrace(double[] naturalHz, int example, long seed, long run, int blocks) {
        double[] trace = new double[blocks * n];
        simulate(naturalHz, example, seed, run, null, new double[naturalHz.length], null, trace, null, null, null);
        return trace;
    }

    /**
     * Mean frequencies into {@code meanHz} {@code [batch × n]} and their Jacobian with respect to
     * the natural frequencies into {@code jacobian} {@code [batch × n × n]}, row i = ∂f̄_i/∂F.
     */
    public void meanFrequenciesWithJacobian(double[] naturalHz, int batch, long seed, long run, double[] meanHz,
            double[] jacobian) {
        meanFrequenciesWithJacobian(naturalHz, batch, seed, run, meanHz, jacobian, null, null);
    }

    /**
     * As {@link #meanFrequenciesWithJacobian(double[], int, long, long, double[], double[])}, and
     * also the final phases (turns) into {@code finalTurns} {@code [batch × n]} and their
     * sensitivities {@code ∂θ_i(T)/∂F_m} (turns per Hz) into {@code finalSensitivities}
     * {@code [batch × n × n]}: inside a locked cluster the phase differences, not the frequencies,
     * still move with F.
     */
    public void meanFrequenciesWithJacobian(double[] naturalHz, int batch, long seed, long run, double[] meanHz,
            double[] jacobian, double[] finalTurns, double[] finalSensitivities) {
        if (!(coupling instanceof Coupling.Uniform)) {
            throw new UnsupportedOperationException("sensitivities are implemented for uniform coupling only");
        }
        KuramotoLanes chosen = lanesFor(naturalHz, batch);
        if (chosen == null) {
            forEach(batch, b -> {
                simulate(naturalHz, b, seed, run, null, meanHz, jacobian, null, finalTurns, finalSensitivities, null);
            });
            return;
        }
        int width = chosen.lanes();
        forEach((batch + width - 1) / width, group -> sensitivitiesInLanes(chosen, naturalHz, batch, group, seed, run,
                meanHz, jacobian, finalTurns, finalSensitivities));
    }

    /**
     * As {@link #meanFrequenciesWithJacobian(double[], int, long, long, double[], double[], double[], double[])},
     * but only the Jacobian rows of the oscillators {@code rows}: {@code jacobianRows}
     * {@code [batch × rows.length × n]}, row q = ∂f̄_{rows[q]}/∂F, and, unless null, the same rows
     * of the final phases' sensitivities in {@code finalSensitivityRows}. They come from the adjoint
     * (reverse) method: a forward pass that keeps every step's sines and cosines, then one backward
     * pass of {@code (I + dt A_t)ᵀ} per wanted row. With the mean-field form a backward step costs
     * O(N) per row against O(N²) per step for all forward sensitivities, so it pays when few rows
     * are wanted (the output oscillators). Both differentiate the same Euler steps, so the rows
     * equal the forward ones to rounding.
     */
    public void meanFrequenciesWithJacobianRows(double[] naturalHz, int batch, long seed, long run, int[] rows,
            double[] meanHz, double[] jacobianRows, double[] finalTurns, double[] finalSensitivityRows) {
        if (!(coupling instanceof Coupling.Uniform)) {
            throw new UnsupportedOperationException("sensitivities are implemented for uniform coupling only");
        }
        KuramotoLanes wanted = lanesFor(naturalHz, batch);
        // a lane-minor trajectory is lanes times longer: past one array's length the per-example code runs
        KuramotoLanes chosen = wanted != null && steps * 2 * n * wanted.lanes() <= Integer.MAX_VALUE - 8 ? wanted : null;
        int width = chosen == null ? 1 : chosen.lanes();
        if (steps * 2 * n * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the adjoint keeps every step's sines and cosines: " + steps
                    + " steps of " + n + " oscillators are too many; use forward sensitivities");
        }
        // one buffer per thread at a time, dropped with the call (a few MB each, no thread-local leftovers)
        java.util.concurrent.ConcurrentLinkedQueue<double[]> buffers = new java.util.concurrent.ConcurrentLinkedQueue<>();
        forEach((batch + width - 1) / width, group -> {
            double[] trajectory = buffers.poll();
            if (trajectory == null) {
                trajectory = new double[(int) (steps * 2 * n * width)];
            }
            if (chosen == null) {
                simulate(naturalHz, group, seed, run, null, meanHz, null, null, finalTurns, null, trajectory);
                adjoint(trajectory, group, rows, jacobianRows, finalSensitivityRows);
            } else {
                adjointInLanes(chosen, trajectory, naturalHz, batch, group, seed, run, rows, meanHz, jacobianRows,
                        finalTurns, finalSensitivityRows);
            }
            buffers.add(trajectory);
        });
    }

    /**
     * The lanes for this batch, or null for the per-example code: when there are none, or when a step could move
     * a phase so far ({@code |θ + advance|}, bounded by {@code 1 + dt (|detuning| + 2nk)}) that the lanes' phase
     * wrap would not be exact.
     */
    private KuramotoLanes lanesFor(double[] naturalHz, int batch) {
        if (lanes == null) {
            return null;
        }
        double largestDetuning = 0;
        for (int i = 0; i < batch * n; i++) {
            largestDetuning = Math.max(largestDetuning, Math.abs(naturalHz[i] - centreHz));
        }
        double k = ((Coupling.Uniform) coupling).strengthHz();
        double largestTurns = 1 + dt * (largestDetuning + 2.0 * n * Math.abs(k));
        return largestTurns < KuramotoLanes.LARGEST_EXACT_TURNS ? lanes : null;
    }

    /** One group's lane-minor state ({@code [n × lanes]}): phases (turns), detunings (Hz), in-window advances. */
    private record LaneState(double[] phase, double[] detuningHz, double[] advanceSum) {
    }

    /**
     * Examples {@code group·width ..} side by side, started as {@link #simulate} starts each of them. The last
     * group's spare lanes repeat the batch's last example; {@link #finishLanes} does not read them.
     */
    private LaneState startLanes(int width, double[] naturalHz, int batch, int group, long seed, long run) {
        LaneState state = new LaneState(new double[n * width], new double[n * width], new double[n * width]);
        for (int lane = 0; lane < width; lane++) {
            int example = Math.min(group * width + lane, batch - 1);
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, run, example));
            for (int i = 0; i < n; i++) {
                state.phase[i * width + lane] = randomPhases ? random.nextDouble() : 0.0;
                state.detuningHz[i * width + lane] = naturalHz[example * n + i] - centreHz;
            }
        }
        return state;
    }

    /** The group's examples that are in the batch. */
    private static int examplesIn(int width, int batch, int group) {
        return Math.min(width, batch - group * width);
    }

    /** Mean frequencies and, unless null, final phases of the group's examples, as {@link #simulate} writes them. */
    private void finishLanes(int width, int batch, int group, LaneState state, double[] meanHz, double[] finalTurns) {
        double window = readoutSteps * dt;
        for (int lane = 0; lane < examplesIn(width, batch, group); lane++) {
            int example = group * width + lane;
            for (int i = 0; i < n; i++) {
                meanHz[example * n + i] = centreHz + state.advanceSum[i * width + lane] / window;
                if (finalTurns != null) {
                    finalTurns[example * n + i] = state.phase[i * width + lane];
                }
            }
        }
    }

    /**
     * Forward sensitivities of examples {@code group·lanes ..}, one per lane: the same steps as {@link #simulate}
     * with its Jacobian, bit for bit.
     */
    private void sensitivitiesInLanes(KuramotoLanes kernels, double[] naturalHz, int batch, int group, long seed,
            long run, double[] meanHz, double[] jacobian, double[] finalTurns, double[] finalSensitivities) {
        int width = kernels.lanes();
        LaneState state = startLanes(width, naturalHz, batch, group, seed, run);
        double[] sens = new double[n * n * width];
        double[] sensAtWindow = new double[n * n * width];
        double k = ((Coupling.Uniform) coupling).strengthHz();
        kernels.forwardWithSensitivities(n, steps, steps - readoutSteps, dt, k, state.phase, state.detuningHz,
                state.advanceSum, sens, sensAtWindow);
        finishLanes(width, batch, group, state, meanHz, finalTurns);
        double window = readoutSteps * dt;
        for (int lane = 0; lane < examplesIn(width, batch, group); lane++) {
            int out = (group * width + lane) * n * n;
            for (int e = 0; e < n * n; e++) {
                jacobian[out + e] = (sens[e * width + lane] - sensAtWindow[e * width + lane]) / window;
                if (finalSensitivities != null) {
                    finalSensitivities[out + e] = sens[e * width + lane];
                }
            }
        }
    }

    /**
     * Examples {@code group·lanes ..} of the adjoint, one per lane: the same initial phases, steps and backward
     * pass as {@link #simulate} and {@link #adjoint}, bit for bit.
     */
    private void adjointInLanes(KuramotoLanes kernels, double[] trajectory, double[] naturalHz, int batch, int group,
            long seed, long run, int[] rows, double[] meanHz, double[] jacOut, double[] finalTurns,
            double[] finalSensOut) {
        int width = kernels.lanes();
        LaneState state = startLanes(width, naturalHz, batch, group, seed, run);
        long windowStart = steps - readoutSteps;
        double k = ((Coupling.Uniform) coupling).strengthHz();
        kernels.forward(n, steps, windowStart, dt, k, state.phase, state.detuningHz, state.advanceSum, trajectory);

        int count = rows.length;
        boolean finals = finalSensOut != null;
        int vectors = finals ? 2 * count : count;
        double[] lambda = new double[vectors * n * width];
        double[] sums = new double[vectors * n * width];
        for (int v = 0; v < vectors; v++) {
            for (int lane = 0; lane < width; lane++) {
                lambda[(v * n + rows[v % count]) * width + lane] = 1.0;
            }
        }
        kernels.backward(n, steps, windowStart, dt * 2 * Math.PI * k, rows, vectors, trajectory, lambda, sums);

        finishLanes(width, batch, group, state, meanHz, finalTurns);
        double window = readoutSteps * dt;
        for (int lane = 0; lane < examplesIn(width, batch, group); lane++) {
            int out = (group * width + lane) * count * n;
            for (int e = 0; e < count * n; e++) {
                jacOut[out + e] = dt * sums[e * width + lane] / window;
                if (finals) {
                    finalSensOut[out + e] = dt * sums[(count * n + e) * width + lane];
                }
            }
        }
    }

    /** The most memory one thread of {@link #meanFrequenciesWithJacobianRows} keeps while it runs. */
    public long adjointBytesPerThread() {
        return steps * 2L * n * Double.BYTES * (lanes == null ? 1 : lanes.lanes());
    }

    /** Threads a batch may use. */
    public int threads() {
        return threads;
    }

    /**
     * The backward pass of one example over the sines and cosines its forward pass kept. For a row vector {@code u},
     * {@code uᵀ S_K = dt Σ_{t=1..K} λ_t} with {@code λ_K = u} and {@code λ_t = (I + dt A_t)ᵀ λ_{t+1}}
     * (because {@code S_{t+1} = (I + dt A_t) S_t + dt I} and {@code S_0 = 0}); A is symmetric, and
     * {@code (A λ)_j = 2πk (cos θ_j Σ λ_i cos θ_i + sin θ_j Σ λ_i sin θ_i − λ_j Σ_i cos(θ_i − θ_j))}.
     * The Jacobian row {@code (uᵀ S_T − uᵀ S_w) / window} takes one vector that starts at
     * {@code u} at the end of the run and drops by {@code u} at the start of the read-out window
     * {@code w}; the final phases' row {@code uᵀ S_T} takes a second one without the drop.
     */
    private void adjoint(double[] trajectory, int example, int[] rows, double[] jacOut, double[] finalSensOut) {
        int count = rows.length;
        boolean finals = finalSensOut != null;
        // vectors [0, count): with the drop at w (the Jacobian); [count, 2 count): without (final phases)
        int vectors = finals ? 2 * count : count;
        double[] lambda = new double[vectors * n];
        double[] sums = new double[vectors * n];
        double[] sin = new double[n];
        double[] cos = new double[n];
        double[] pullSin = new double[n];
        double[] pullCos = new double[n];
        double[] keep = new double[n];
        for (int v = 0; v < vectors; v++) {
            lambda[v * n + rows[v % count]] = 1.0;
        }
        long windowStart = steps - readoutSteps;
        double gain = dt * 2 * Math.PI * ((Coupling.Uniform) coupling).strengthHz();
        for (long t = steps - 1; t >= 0; t--) {
            if (t + 1 == windowStart) {
                for (int q = 0; q < count; q++) {
                    lambda[q * n + rows[q]] -= 1.0;
                }
            }
            int base = (int) t * 2 * n;
            double sumSin = 0.0;
            double sumCos = 0.0;
            for (int k = 0; k < n; k++) {
                sumSin += trajectory[base + k];
                sumCos += trajectory[base + n + k];
            }
            // λ_j ← keep_j λ_j + pullCos_j Σ λ_i cos θ_i + pullSin_j Σ λ_i sin θ_i, shared by every vector
            for (int k = 0; k < n; k++) {
                double s = trajectory[base + k];
                double c = trajectory[base + n + k];
                sin[k] = s;
                cos[k] = c;
                pullSin[k] = gain * s;
                pullCos[k] = gain * c;
                keep[k] = 1.0 - gain * (c * sumCos + s * sumSin);
            }
            for (int v = 0; v < vectors; v++) {
                int from = v * n;
                double byCos = 0.0;
                double bySin = 0.0;
                for (int i = 0; i < n; i++) {
                    double x = lambda[from + i];
                    sums[from + i] += x; // λ_{t+1} enters the sum before it steps back to λ_t
                    byCos += x * cos[i];
                    bySin += x * sin[i];
                }
                for (int k = 0; k < n; k++) {
                    lambda[from + k] = keep[k] * lambda[from + k] + pullCos[k] * byCos + pullSin[k] * bySin;
                }
            }
        }
        double window = readoutSteps * dt;
        int out = example * count * n;
        for (int e = 0; e < count * n; e++) {
            jacOut[out + e] = dt * sums[e] / window;
            if (finals) {
                finalSensOut[out + e] = dt * sums[count * n + e];
            }
        }
    }

    private void forEach(int batch, java.util.function.IntConsumer body) {
        Threads.forEach(threads, batch, body);
    }

    /**
     * One example, start to end; all state lives in arrays allocated once per example. The
     * optional outputs ({@code jacOut}, {@code trace}, {@code finalTurns}, {@code finalSens},
     * {@code trajectory}: the sines, then the cosines, of the phases before every step,
     * {@code [steps × 2n]}) are null when not wanted.
     */
    private void simulate(double[] naturalHz, int example, long seed, long run, double[] initialTurns,
            double[] meanOut, double[] jacOut, double[] trace, double[] finalTurns, double[] finalSens,
            double[] trajectory) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, run, example));
        double[] phase = new double[n];
        double[] detuning = new double[n];
        double[] advanceSum = new double[n];
        double[] sin = new double[n];
        double[] cos = new double[n];
        for (int i = 0; i < n; i++) {
            double drawn = randomPhases ? random.nextDouble() : 0.0;
            phase[i] = initialTurns == null ? drawn : initialTurns[example * n + i];
            detuning[i] = naturalHz[example * n + i] - centreHz;
        }
        boolean sensitivities = jacOut != null;
        double[] sens = sensitivities ? new double[n * n] : null;
        double[] sensAtWindow = sensitivities ? new double[n * n] : null;
        double[] a = sensitivities ? new double[n] : null;
        double[] bb = sensitivities ? new double[n] : null;
        long windowStart = steps - readoutSteps;
        double[] weights = coupling instanceof Coupling.Matrix m ? m.weightsHz() : null;
        double k = coupling instanceof Coupling.Uniform u ? u.strengthHz() : 0.0;
        double twoPiK = 2 * Math.PI * k;
        int blocks = trace == null ? 0 : trace.length / n;
        long blockSteps = Math.max(1, steps / Math.max(1, blocks));

        for (long step = 0; step < steps; step++) {
            if (step == windowStart && sensitivities) {
                System.arraycopy(sens, 0, sensAtWindow, 0, n * n);
            }
            double sumSin = 0.0;
            double sumCos = 0.0;
            for (int j = 0; j < n; j++) {
                double s = FastTrig.sinTurns(phase[j]);
                double c = FastTrig.cosTurns(phase[j]);
                sin[j] = s;
                cos[j] = c;
                sumSin += s;
                sumCos += c;
            }
            if (trajectory != null) {
                int at = (int) step * 2 * n;
                for (int j = 0; j < n; j++) {
                    trajectory[at + j] = sin[j];
                    trajectory[at + n + j] = cos[j];
                }
            }
            if (sensitivities) {
                for (int m = 0; m < n; m++) {
                    a[m] = 0.0;
                    bb[m] = 0.0;
                }
                for (int j = 0; j < n; j++) {
                    double cj = cos[j];
                    double sj = sin[j];
                    int row = j * n;
                    for (int m = 0; m < n; m++) {
                        a[m] += cj * sens[row + m];
                        bb[m] += sj * sens[row + m];
                    }
                }
            }
            boolean inWindow = step >= windowStart;
            for (int i = 0; i < n; i++) {
                double pull;
                if (weights == null) {
                    // Σ_j sin(θj − θi) = cos θi Σ sin θj − sin θi Σ cos θj
                    pull = k * (cos[i] * sumSin - sin[i] * sumCos);
                } else {
                    pull = 0.0;
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        pull += weights[row + j] * (cos[i] * sin[j] - sin[i] * cos[j]);
                    }
                }
                double f = detuning[i] + pull;
                if (sensitivities) {
                    double selfCos = cos[i] * sumCos + sin[i] * sumSin; // Σ_j cos(θj − θi)
                    int row = i * n;
                    for (int m = 0; m < n; m++) {
                        double dPull = twoPiK * (cos[i] * a[m] + sin[i] * bb[m] - selfCos * sens[row + m]);
                        sens[row + m] += dt * ((i == m ? 1.0 : 0.0) + dPull);
                    }
                }
                double advance = dt * f;
                if (noiseTurnsPerStep > 0) {
                    advance += noiseTurnsPerStep * random.nextGaussian();
                }
                double next = phase[i] + advance;
                next -= Math.floor(next);
                phase[i] = next >= 1.0 ? 0.0 : next;
                if (inWindow) {
                    // The mean frequency is the unwrapped phase advance over the window.
                    advanceSum[i] += advance;
                }
                if (trace != null && step / blockSteps < blocks) {
                    trace[(int) (step / blockSteps) * n + i] += (centreHz + advance / dt) / blockSteps;
                }
            }
        }
        double window = readoutSteps * dt;
        for (int i = 0; i < n; i++) {
            meanOut[example * n + i] = centreHz + advanceSum[i] / window;
        }
        if (sensitivities) {
            int base = example * n * n;
            for (int e = 0; e < n * n; e++) {
                jacOut[base + e] = (sens[e] - sensAtWindow[e]) / window;
            }
            if (finalSens != null) {
                System.arraycopy(sens, 0, finalSens, base, n * n);
            }
        }
        if (finalTurns != null) {
            System.arraycopy(phase, 0, finalTurns, example * n, n);
        }
    }
}
