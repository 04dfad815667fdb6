package org.oscnet.sim;

import java.util.List;
import org.oscnet.model.StnoRnnNetwork;

/**
 * The multilayer recurrent network of seed paper 2, integrated in time, with the exact adjoint of
 * its own integration steps (backpropagation through time).
 *
 * <p>Time runs in nanoseconds. The state is {@code x} (neuron power, or CTRNN activation) and, for
 * STNO neurons, the high-pass filtered output {@code y}; every layer reads the outputs of the
 * previous substep (all layers advance together). Layer 0's external input is the current
 * feature, held for one input period of {@code substeps} steps. The readout is a softmax over
 * {@code W_out o_last + b_out} after the last input point.
 *
 * <p>A run advances up to {@link #LANES} sequences side by side, so that every weight read
 * serves all of them; each sequence's arithmetic, and its order, is the one it would have alone.
 * An instance is immutable and shared between threads; each thread brings its own
 * {@link Workspace}, so the hot loops allocate nothing.
 */
public final class RecurrentSimulator {
    private final RecurrentLayout layout;
    private final boolean stno;
    private final boolean full;
    private final double q;
    private final double sigma;
    private final double gamma;
    private final double gain;
    private final double restDrive;
    private final double omega;
    private final double h;
    private final int substeps;
    private final boolean heun;
    private final int neurons;
    private final int stateSize;
    // The kept connections of each layer in compressed rows: for neuron i of layer l, entries
    // rowStart[l][i] .. rowStart[l][i + 1] of index[l] (flat parameter) and column[l] (presynaptic
    // output: a neuron, or `neurons` for the input feature, kept in one extra output slot).
    // External and internal weights share one row, so the sums skip every weight the masks
    // removed. A workspace packs the kept weights in this order once per sequence, so the hot
    // loops read them contiguously.
    private final int[][] rowStart;
    private final int[][] index;
    private final int[][] column;
    // The same connections by presynaptic neuron (compressed columns, the input feature left out),
    // rows ascending: for neuron c, entries columnStart[c] .. columnStart[c + 1] of byColumnRow
    // (postsynaptic neuron) and byColumnPacked (position among the packed weights). The adjoint
    // gathers each output's cotangent through them in the order the row-wise scatter would add it.
    private final int[] columnStart;
    private final int[] byColumnRow;
    private final int[] byColumnPacked;

    /**
     * @param mask 1 where a parameter exists ({@link RecurrentLayout#masks}); the simulator visits
     *     only those weights
     */
    public RecurrentSimulator(StnoRnnNetwork network, RecurrentLayout layout, double[] mask) {
        this.layout = layout;
        int layers = layout.sizes().size();
        this.rowStart = new int[layers][];
        this.index = new int[layers][];
        this.column = new int[layers][];
        int start = 0;
        int previous = -1;
        for (int l = 0; l < layers; l++) {
            int size = layout.sizes().get(l);
            int inputs = layout.inputs(l);
            int[] starts = new int[size + 1];
            java.util.List<int[]> entries = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                starts[i] = entries.size();
                for (int j = 0; j < inputs; j++) {
                    int k = layout.externalOffset(l) + i * inputs + j;
                    if (mask[k] != 0) {
                        entries.add(new int[] {k, l == 0 ? layout.neurons() : previous + j});
                    }
                }
                for (int j = 0; j < size; j++) {
                    int k = layout.internalOffset(l) + i * size + j;
                    if (mask[k] != 0) {
                        entries.add(new int[] {k, start + j});
                    }
                }
            }
            starts[size] = entries.size();
            rowStart[l] = starts;
            index[l] = entries.stream().mapToInt(e -> e[0]).toArray();
            column[l] = entries.stream().mapToInt(e -> e[1]).toArray();
            previous = start;
            start += size;
        }
        int total = layout.neurons();
        this.columnStart = new int[total + 1];
        for (int[] col : column) {
            for (int c : col) {
                if (c < total) {
                    columnStart[c + 1]++;
                }
            }
        }
        for (int c = 0; c < total; c++) {
            columnStart[c + 1] += columnStart[c];
        }
        int[] fill = java.util.Arrays.copyOf(columnStart, total);
        this.byColumnRow = new int[columnStart[total]];
        this.byColumnPacked = new int[columnStart[total]];
        int row = 0;
        int packedAt = 0;
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < rowStart[l].length - 1; i++, row++) {
                for (int e = rowStart[l][i]; e < rowStart[l][i + 1]; e++) {
                    int c = column[l][e];
                    if (c < total) {
                        byColumnRow[fill[c]] = row;
                        byColumnPacked[fill[c]++] = packedAt + e;
                    }
                }
            }
            packedAt += column[l].length;
        }
        this.stno = network.neuron().kind() == StnoRnnNetwork.Neuron.Kind.STNO;
        this.full = network.neuron().full();
        this.q = network.neuron().q();
        this.sigma = network.neuron().sigma();
        this.gamma = 1e-9 / network.tauSeconds();
        this.gain = network.gainHz() * 1e-9;
        // the drive that holds x at 1/2 with no input: 2γ (simple form), γ(2 + Q)/σ (full form)
        this.restDrive = !stno ? 0 : full ? gamma * (2 + q) / sigma : 2 * gamma;
        this.omega = 2 * Math.PI * network.highpassHz() * 1e-9;
        this.substeps = network.substeps();
        this.h = network.inputPeriodSeconds() * 1e9 / substeps;
        this.heun = network.integrator() == StnoRnnNetwork.Integrator.HEUN;
        this.neurons = layout.neurons();
        this.stateSize = stno ? 2 * neurons : neurons;
    }

    /**
     * The bias that makes a resting STNO neuron relax with time constant {@code memoryNs}: the
     * linearised rate at the fixed point is {@code I − γ} (simple form) or {@code 2(σI − γ)} (full
     * form). CTRNN neurons always relax at γ: their bias stays 0.
     */
    public double biasForMemory(double memoryNs) {
        if (!stno) {
            return 0;
        }
        double rate = 1 / memoryNs;
        double current = full ? (gamma + rate / 2) / sigma : gamma + rate;
        return (current - restDrive) / gain;
    }

    /**
     * The bias at which a resting STNO neuron's drive is {@code factor} times its threshold
     * ({@code γ} in the simple form, {@code γ/σ} in the full form); negative infinity for CTRNN
     * neurons, which have no threshold.
     */
    public double biasAtThreshold(double factor) {
        if (!stno) {
            return Double.NEGATIVE_INFINITY;
        }
        double threshold = full ? gamma / sigma : gamma;
        return (factor * threshold - restDrive) / gain;
    }

    public RecurrentLayout layout() {
        return layout;
    }

    public int substeps() {
        return substeps;
    }

    /** Sequences a workspace runs side by side (the unrolled inner loops below assume eight). */
    public static final int LANES = 8;

    /**
     * Per-thread buffers for up to {@link #LANES} sequences of up to {@code maxLength} input points
     * run side by side.
     */
    public Workspace workspace(int maxLength) {
        int kept = 0;
        for (int[] idx : index) {
            kept += idx.length;
        }
        return new Workspace(stateSize, neurons, layout.classes(), maxLength * substeps + 1, kept, heun);
    }

    /**
     * Buffers of one thread: the trajectories of {@link #LANES} sequences and the scratch of the
     * adjoint. Every per-neuron quantity is stored lane-minor ({@code [neuron][lane]}): the inner
     * loops read one weight and update all lanes, each lane doing exactly the arithmetic, in the
     * same order, of a sequence run alone. Fewer sequences than lanes fill the rest with copies of
     * the last one, whose results are ignored.
     */
    public static final class Workspace {
        final int maxSteps;
        final boolean heun;
        final double[] trajectory;
        final double[] outputs;
        final double[] drive;
        final double[] k1;
        final double[] k2;
        final double[] tilde;
        final double[] lambda;
        final double[] lambdaPrev;
        final double[] mu;
        final double[] weighted;
        final double[] outputCotangent;
        final double[][] probabilities;
        final double[] packed;
        final double[] packedGradient;
        final double[] biasGradient;
        /** The drive at every step's state (and, for Heun, at its predictor), kept for the adjoint. */
        final double[] drives;
        /** Heun's predictor state of every step, kept for the adjoint. */
        final double[] predictors;
        /**
         * Per neuron, the drive cotangents of every evaluation of the adjoint (latest first: each
         * step's predictor, then its state), and per presynaptic output the outputs they multiply,
         * each as {@code [neuron][evaluation][lane]}; the weight gradients are formed from them
         * after the backward sweep, one weight at a time over contiguous memory, instead of
         * updating every weight at every step. Allocated by the first backward run.
         */
        double[] driveCotangents;
        double[] evaluatedOutputs;
        final double[] driveCotangent;
        final double[] feature = new double[LANES];
        final int[] offsets = new int[LANES];
        final int[] single = new int[1];
        int length;
        int count;

        Workspace(int stateSize, int neurons, int classes, int maxSteps, int kept, boolean heun) {
            this.maxSteps = maxSteps;
            this.heun = heun;
            this.trajectory = new double[maxSteps * stateSize * LANES];
            this.packed = new double[kept];
            this.packedGradient = new double[kept * LANES];
            this.biasGradient = new double[neurons * LANES];
            this.drives = new double[maxSteps * neurons * (heun ? 2 : 1) * LANES];
            this.predictors = new double[heun ? maxSteps * stateSize * LANES : 0];
            this.outputs = new double[(neurons + 1) * LANES];
            this.drive = new double[neurons * LANES];
            this.k1 = new double[stateSize * LANES];
            this.k2 = new double[stateSize * LANES];
            this.tilde = new double[stateSize * LANES];
            this.lambda = new double[stateSize * LANES];
            this.lambdaPrev = new double[stateSize * LANES];
            this.mu = new double[stateSize * LANES];
            this.weighted = new double[stateSize * LANES];
            this.outputCotangent = new double[(neurons + 1) * LANES];
            this.driveCotangent = new double[neurons * LANES];
            this.probabilities = new double[LANES][classes];
        }

        /** Class probabilities of the first (or only) sequence of the last forward run. */
        public double[] probabilities() {
            return probabilities[0];
        }

        /** Class probabilities of sequence {@code lane} of the last forward run. */
        public double[] probabilities(int lane) {
            return probabilities[lane];
        }
    }

    /**
     * Runs one sequence {@code input[offset .. offset + length)} from the resting state, keeping
     * the trajectory in {@code w}; leaves the class probabilities in {@code w.probabilities()}.
     */
    public void forward(double[] params, double[] input, int offset, int length, Workspace w) {
        w.single[0] = offset;
        forward(params, input, w.single, 1, length, w);
    }

    /**
     * Runs {@code count ≤ LANES} sequences side by side, sequence b being
     * {@code input[offsets[b] .. offsets[b] + length)}, each from the resting state; leaves their
     * class probabilities in {@code w.probabilities(b)}. Each result is bit-identical to running
     * that sequence alone.
     */
    public void forward(double[] params, double[] input, int[] offsets, int count, int length, Workspace w) {
        if (count < 1 || count > LANES) {
            throw new IllegalArgumentException(count + " sequences; a workspace runs 1 to " + LANES);
        }
        w.count = count;
        w.length = length;
        for (int b = 0; b < LANES; b++) {
            w.offsets[b] = offsets[Math.min(b, count - 1)];
        }
        pack(params, w);
        double[] s = w.trajectory;
        int n = stateSize * LANES;
        int xs = neurons * LANES;
        java.util.Arrays.fill(s, 0, xs, stno ? 0.5 : 0);
        java.util.Arrays.fill(s, xs, n, 0);
        int stages = heun ? 2 : 1;
        int step = 0;
        for (int t = 0; t < length; t++) {
            features(input, t, w);
            for (int k = 0; k < substeps; k++, step++) {
                int from = step * n;
                int to = from + n;
                derivative(params, s, from, w.k1, w);
                System.arraycopy(w.drive, 0, w.drives, step * stages * xs, xs);
                if (heun) {
                    for (int i = 0; i < n; i++) {
                        w.tilde[i] = s[from + i] + h * w.k1[i];
                    }
                    System.arraycopy(w.tilde, 0, w.predictors, step * n, n);
                    derivative(params, w.tilde, 0, w.k2, w);
                    System.arraycopy(w.drive, 0, w.drives, (step * 2 + 1) * xs, xs);
                    for (int i = 0; i < n; i++) {
                        s[to + i] = s[from + i] + 0.5 * h * (w.k1[i] + w.k2[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        s[to + i] = s[from + i] + h * w.k1[i];
                    }
                }
            }
        }
        readout(params, s, step * n, w);
    }

    /** Each lane's feature at input point {@code t}, into {@code w.feature}. */
    private static void features(double[] input, int t, Workspace w) {
        for (int b = 0; b < LANES; b++) {
            w.feature[b] = input[w.offsets[b] + t];
        }
    }

    /**
     * The state after input point {@code t} (0-based) of the last forward run's first sequence:
     * {@code x} then {@code y}.
     */
    public double[] stateAfter(Workspace w, int t, double[] into) {
        int base = (t + 1) * substeps * stateSize * LANES;
        for (int i = 0; i < stateSize; i++) {
            into[i] = w.trajectory[base + i * LANES];
        }
        return into;
    }

    /** Copies the kept weights into the workspace in row order. */
    private void pack(double[] params, Workspace w) {
        int at = 0;
        for (int[] idx : index) {
            for (int k : idx) {
                w.packed[at++] = params[k];
            }
        }
    }

    /** Adds lane {@code b}'s packed weight and bias gradients to the flat gradient. */
    private void unpack(Workspace w, int b, double[] gradient) {
        int start = 0;
        for (int l = 0; l < layout.sizes().size(); l++) {
            int size = layout.sizes().get(l);
            for (int i = 0; i < size; i++) {
                gradient[layout.biasOffset(l) + i] += w.biasGradient[(start + i) * LANES + b];
            }
            start += size;
        }
        int at = 0;
        for (int[] idx : index) {
            for (int k : idx) {
                gradient[k] += w.packedGradient[at++ * LANES + b];
            }
        }
    }

    /** The last layer's outputs after the last forward run of the first sequence: what the readout sees. */
    public double[] lastLayerOutputs(Workspace w) {
        outputs(w.trajectory, w.length * substeps * stateSize * LANES, w.outputs, 0);
        double[] last = new double[layout.lastLayerSize()];
        for (int j = 0; j < last.length; j++) {
            last[j] = w.outputs[(layout.lastLayerStart() + j) * LANES];
        }
        return last;
    }

    /** State entries per neuron set: {@code x} at {@code [0, neurons)}, then {@code y} for STNO neurons. */
    public int stateSize() {
        return stateSize;
    }

    /** The outputs the layers and the readout see, for a state at {@code base} of {@code s}, into {@code o[into ..]}. */
    private void outputs(double[] s, int base, double[] o, int into) {
        int xs = neurons * LANES;
        if (stno) {
            System.arraycopy(s, base + xs, o, into, xs);
        } else {
            for (int i = 0; i < xs; i++) {
                o[into + i] = Math.tanh(s[base + i]);
            }
        }
    }

    /**
     * The drive {@code I} of every neuron and lane for outputs {@code o}, into {@code drive}. The
     * eight lanes' sums live in locals: written as a loop over an array, the JIT keeps them in
     * memory and the kernel runs 3x slower (measured: 1.1 against 0.39 ns per multiply-add).
     */
    private void drive(double[] p, double[] packed, double[] o, double[] drive) {
        List<Integer> sizes = layout.sizes();
        int start = 0;
        int at = 0;
        for (int l = 0; l < sizes.size(); l++) {
            int size = sizes.get(l);
            int bias = layout.biasOffset(l);
            int[] starts = rowStart[l];
            int[] col = column[l];
            for (int i = 0; i < size; i++) {
                double a0 = p[bias + i];
                double a1 = a0;
                double a2 = a0;
                double a3 = a0;
                double a4 = a0;
                double a5 = a0;
                double a6 = a0;
                double a7 = a0;
                int end = starts[i + 1];
                for (int e = starts[i]; e < end; e++) {
                    double weight = packed[at + e];
                    int c = col[e] * LANES;
                    a0 += weight * o[c];
                    a1 += weight * o[c + 1];
                    a2 += weight * o[c + 2];
                    a3 += weight * o[c + 3];
                    a4 += weight * o[c + 4];
                    a5 += weight * o[c + 5];
                    a6 += weight * o[c + 6];
                    a7 += weight * o[c + 7];
                }
                int d = (start + i) * LANES;
                drive[d] = gain * a0 + restDrive;
                drive[d + 1] = gain * a1 + restDrive;
                drive[d + 2] = gain * a2 + restDrive;
                drive[d + 3] = gain * a3 + restDrive;
                drive[d + 4] = gain * a4 + restDrive;
                drive[d + 5] = gain * a5 + restDrive;
                drive[d + 6] = gain * a6 + restDrive;
                drive[d + 7] = gain * a7 + restDrive;
            }
            at += col.length;
            start += size;
        }
    }

    /** {@code ds[0 ..] = F(s[base ..])}, the time derivative of every lane's state. */
    private void derivative(double[] p, double[] s, int base, double[] ds, Workspace w) {
        int xs = neurons * LANES;
        outputs(s, base, w.outputs, 0);
        System.arraycopy(w.feature, 0, w.outputs, xs, LANES);
        drive(p, w.packed, w.outputs, w.drive);
        for (int i = 0; i < xs; i++) {
            double x = s[base + i];
            double current = w.drive[i];
            double fx;
            if (!stno) {
                fx = -gamma * x + current;
            } else if (full) {
                fx = -2 * (gamma * (1 + q * x) - sigma * current * (1 - x)) * x;
            } else {
                fx = -gamma * x + current * x * (1 - x);
            }
            ds[i] = fx;
            if (stno) {
                ds[xs + i] = -omega * s[base + xs + i] + fx;
            }
        }
    }

    private void readout(double[] p, double[] s, int base, Workspace w) {
        outputs(s, base, w.outputs, 0);
        int classes = layout.classes();
        int last = layout.lastLayerStart();
        int width = layout.lastLayerSize();
        for (int b = 0; b < w.count; b++) {
            double[] probabilities = w.probabilities[b];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double z = p[layout.readoutBiasOffset() + c];
                int row = layout.readoutOffset() + c * width;
                for (int j = 0; j < width; j++) {
                    z += p[row + j] * w.outputs[(last + j) * LANES + b];
                }
                probabilities[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                probabilities[c] = Math.exp(probabilities[c] - max);
                sum += probabilities[c];
            }
            for (int c = 0; c < classes; c++) {
                probabilities[c] /= sum;
            }
        }
    }

    /**
     * Backpropagation through time of the last {@link #forward} run of {@code w} (one sequence):
     * adds the gradient of {@code −log p(label)} with respect to every parameter to
     * {@code gradient} and returns that loss. The adjoint of each Euler or Heun step is exact, so
     * the result is the derivative of what {@code forward} computes (checked against finite
     * differences).
     */
    public double backward(double[] p, double[] input, int offset, int label, Workspace w, double[] gradient) {
        w.single[0] = label;
        return backward(p, input, w.single, w, gradient);
    }

    /**
     * Backpropagation through time of the last forward run of {@code w}, every sequence at once:
     * adds the gradient of each sequence's {@code −log p(labels[b])} to {@code gradient}, sequence
     * by sequence in lane order (so the sum is the one of running them one after another), and
     * returns the summed loss.
     */
    public double backward(double[] p, double[] input, int[] labels, Workspace w, double[] gradient) {
        int n = stateSize * LANES;
        int xs = neurons * LANES;
        int steps = w.length * substeps;
        int stages = heun ? 2 : 1;
        if (w.driveCotangents == null) {
            w.driveCotangents = new double[w.maxSteps * stages * xs];
            w.evaluatedOutputs = new double[w.maxSteps * stages * (xs + LANES)];
        }
        int capacity = w.maxSteps * stages;
        double[] s = w.trajectory;
        java.util.Arrays.fill(w.biasGradient, 0);
        java.util.Arrays.fill(w.lambda, 0);
        java.util.Arrays.fill(w.outputCotangent, 0);
        outputs(s, steps * n, w.outputs, 0);
        double loss = 0;
        int classes = layout.classes();
        int last = layout.lastLayerStart();
        int width = layout.lastLayerSize();
        // readout: dL/dz = p − onehot
        for (int b = 0; b < w.count; b++) {
            double[] probabilities = w.probabilities[b];
            loss += -Math.log(Math.max(probabilities[labels[b]], Double.MIN_NORMAL));
            for (int c = 0; c < classes; c++) {
                double g = probabilities[c] - (c == labels[b] ? 1 : 0);
                gradient[layout.readoutBiasOffset() + c] += g;
                int row = layout.readoutOffset() + c * width;
                for (int j = 0; j < width; j++) {
                    int o = (last + j) * LANES + b;
                    gradient[row + j] += g * w.outputs[o];
                    w.outputCotangent[o] += p[row + j] * g;
                }
            }
        }
        outputsAdjoint(w.outputs, w.outputCotangent, w.lambda);

        for (int step = steps - 1; step >= 0; step--) {
            features(input, step / substeps, w);
            int from = step * n;
            System.arraycopy(w.lambda, 0, w.lambdaPrev, 0, n);
            if (heun) {
                java.util.Arrays.fill(w.mu, 0, n, 0);
                for (int i = 0; i < n; i++) {
                    w.weighted[i] = 0.5 * h * w.lambda[i];
                }
                vjp(w.predictors, step * n, step * 2 + 1, capacity, w.weighted, w.mu, w);
                for (int i = 0; i < n; i++) {
                    w.lambdaPrev[i] += w.mu[i];
                    w.weighted[i] = 0.5 * h * w.lambda[i] + h * w.mu[i];
                }
                vjp(s, from, step * 2, capacity, w.weighted, w.lambdaPrev, w);
            } else {
                for (int i = 0; i < n; i++) {
                    w.weighted[i] = h * w.lambda[i];
                }
                vjp(s, from, step, capacity, w.weighted, w.lambdaPrev, w);
            }
            System.arraycopy(w.lambdaPrev, 0, w.lambda, 0, n);
        }
        weightGradients(steps * stages, capacity, w);
        for (int b = 0; b < w.count; b++) {
            unpack(w, b, gradient);
        }
        return loss;
    }

    /**
     * Adds {@code (∂F/∂s)ᵀ v} at the state {@code s[base ..]} to {@code lambda} and the bias
     * gradient to the workspace's, for every lane, and keeps the drive cotangents and the outputs of
     * this evaluation (number {@code evaluation} of the forward run, whose drive {@link #forward}
     * kept in that slot of {@code w.drives}) for {@link #weightGradients}.
     */
    private void vjp(double[] s, int base, int evaluation, int capacity, double[] v, double[] lambda, Workspace w) {
        int xs = neurons * LANES;
        int driveBase = evaluation * xs;
        double[] o = w.outputs;
        double[] ga = w.driveCotangent;
        outputs(s, base, o, 0);
        System.arraycopy(w.feature, 0, o, xs, LANES);
        for (int i = 0; i < xs; i++) {
            double x = s[base + i];
            double current = w.drives[driveBase + i];
            double gx = stno ? v[i] + v[xs + i] : v[i];
            double dfdx;
            double dfdI;
            if (!stno) {
                dfdx = -gamma;
                dfdI = 1;
            } else if (full) {
                dfdx = -2 * gamma - 4 * gamma * q * x + 2 * sigma * current * (1 - 2 * x);
                dfdI = 2 * sigma * x * (1 - x);
            } else {
                dfdx = -gamma + current * (1 - 2 * x);
                dfdI = x * (1 - x);
            }
            lambda[i] += gx * dfdx;
            if (stno) {
                lambda[xs + i] -= omega * v[xs + i];
            }
            ga[i] = gain * gx * dfdI;
        }
        for (int i = 0; i <= neurons; i++) {
            int at = (i * capacity + evaluation) * LANES;
            System.arraycopy(o, i * LANES, w.evaluatedOutputs, at, LANES);
            if (i < neurons) {
                System.arraycopy(ga, i * LANES, w.driveCotangents, at, LANES);
            }
        }
        double[] biasGradient = w.biasGradient;
        for (int i = 0; i < xs; i++) {
            biasGradient[i] += ga[i];
        }
        double[] cotangent = w.outputCotangent;
        double[] packed = w.packed;
        for (int c = 0; c < neurons; c++) {
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double a4 = 0;
            double a5 = 0;
            double a6 = 0;
            double a7 = 0;
            for (int e = columnStart[c]; e < columnStart[c + 1]; e++) {
                double weight = packed[byColumnPacked[e]];
                int d = byColumnRow[e] * LANES;
                a0 += weight * ga[d];
                a1 += weight * ga[d + 1];
                a2 += weight * ga[d + 2];
                a3 += weight * ga[d + 3];
                a4 += weight * ga[d + 4];
                a5 += weight * ga[d + 5];
                a6 += weight * ga[d + 6];
                a7 += weight * ga[d + 7];
            }
            int at = c * LANES;
            cotangent[at] = a0;
            cotangent[at + 1] = a1;
            cotangent[at + 2] = a2;
            cotangent[at + 3] = a3;
            cotangent[at + 4] = a4;
            cotangent[at + 5] = a5;
            cotangent[at + 6] = a6;
            cotangent[at + 7] = a7;
        }
        outputsAdjoint(o, cotangent, lambda);
    }

    /**
     * Every kept weight's gradient per lane, {@code Σ ga_i · o_c} over the backward sweep's
     * {@code evaluations} in the order the sweep visited them (latest first), as the per-step
     * updates of a single sequence would sum them; one weight at a time, so the eight lane sums
     * stay in registers and each weight reads two contiguous runs of memory (blocking the
     * evaluations to keep them in cache made no measurable difference).
     */
    private void weightGradients(int evaluations, int capacity, Workspace w) {
        double[] ga = w.driveCotangents;
        double[] o = w.evaluatedOutputs;
        double[] sums = w.packedGradient;
        int stride = capacity * LANES;
        int start = 0;
        int at = 0;
        for (int l = 0; l < rowStart.length; l++) {
            int[] starts = rowStart[l];
            int[] col = column[l];
            for (int i = 0; i < starts.length - 1; i++) {
                int d = (start + i) * stride;
                for (int e = starts[i]; e < starts[i + 1]; e++) {
                    int c = col[e] * stride;
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    double s4 = 0;
                    double s5 = 0;
                    double s6 = 0;
                    double s7 = 0;
                    for (int k = (evaluations - 1) * LANES; k >= 0; k -= LANES) {
                        int g = d + k;
                        int x = c + k;
                        s0 += ga[g] * o[x];
                        s1 += ga[g + 1] * o[x + 1];
                        s2 += ga[g + 2] * o[x + 2];
                        s3 += ga[g + 3] * o[x + 3];
                        s4 += ga[g + 4] * o[x + 4];
                        s5 += ga[g + 5] * o[x + 5];
                        s6 += ga[g + 6] * o[x + 6];
                        s7 += ga[g + 7] * o[x + 7];
                    }
                    int out = (at + e) * LANES;
                    sums[out] = s0;
                    sums[out + 1] = s1;
                    sums[out + 2] = s2;
                    sums[out + 3] = s3;
                    sums[out + 4] = s4;
                    sums[out + 5] = s5;
                    sums[out + 6] = s6;
                    sums[out + 7] = s7;
                }
            }
            at += col.length;
            start += starts.length - 1;
        }
    }

    /** Adds the cotangent of the outputs {@code o} to the state's: {@code y} itself, or {@code tanh x}. */
    private void outputsAdjoint(double[] o, double[] cotangent, double[] lambda) {
        int xs = neurons * LANES;
        for (int i = 0; i < xs; i++) {
            if (stno) {
                lambda[xs + i] += cotangent[i];
            } else {
                lambda[i] += cotangent[i] * (1 - o[i] * o[i]);
            }
        }
    }
}
