package org.oscnet.sim;

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
    // The kept connections in compressed rows over all neurons: for neuron i (layers in order),
    // entries rowStart[i] .. rowStart[i + 1] of parameterIndex (flat parameter) and column
    // (presynaptic output: a neuron, or `neurons` for the input feature, kept in one extra output
    // slot). External and internal weights share one row, so the sums skip every weight the masks
    // removed. A workspace packs the kept weights in this order once per run, so the hot loops
    // read them contiguously; biasIndex[i] is neuron i's bias parameter.
    private final int[] rowStart;
    private final int[] parameterIndex;
    private final int[] column;
    private final int[] biasIndex;
    // The same connections by presynaptic neuron (compressed columns, the input feature left out),
    // rows ascending: for neuron c, entries columnStart[c] .. columnStart[c + 1] of byColumnRow
    // (postsynaptic neuron) and byColumnEntry (the entry in row order). The adjoint gathers each
    // output's cotangent through them, in the order a row-wise scatter would add to it.
    private final int[] columnStart;
    private final int[] byColumnRow;
    private final int[] byColumnEntry;

    /**
     * @param mask 1 where a parameter exists ({@link RecurrentLayout#masks}); the simulator visits
     *     only those weights
     */
    public RecurrentSimulator(StnoRnnNetwork network, RecurrentLayout layout, double[] mask) {
        this.layout = layout;
        int total = layout.neurons();
        this.rowStart = new int[total + 1];
        this.biasIndex = new int[total];
        java.util.List<int[]> entries = new java.util.ArrayList<>();
        int start = 0;
        int previous = -1;
        for (int l = 0; l < layout.sizes().size(); l++) {
            int size = layout.sizes().get(l);
            int inputs = layout.inputs(l);
            for (int i = 0; i < size; i++) {
                rowStart[start + i] = entries.size();
                biasIndex[start + i] = layout.biasOffset(l) + i;
                for (int j = 0; j < inputs; j++) {
                    int k = layout.externalOffset(l) + i * inputs + j;
                    if (mask[k] != 0) {
                        entries.add(new int[] {k, l == 0 ? total : previous + j});
                    }
                }
                for (int j = 0; j < size; j++) {
                    int k = layout.internalOffset(l) + i * size + j;
                    if (mask[k] != 0) {
                        entries.add(new int[] {k, start + j});
                    }
                }
            }
            previous = start;
            start += size;
        }
        rowStart[total] = entries.size();
        this.parameterIndex = entries.stream().mapToInt(e -> e[0]).toArray();
        this.column = entries.stream().mapToInt(e -> e[1]).toArray();
        this.columnStart = new int[total + 1];
        for (int c : column) {
            if (c < total) {
                columnStart[c + 1]++;
            }
        }
        for (int c = 0; c < total; c++) {
            columnStart[c + 1] += columnStart[c];
        }
        int[] fill = java.util.Arrays.copyOf(columnStart, total);
        this.byColumnRow = new int[columnStart[total]];
        this.byColumnEntry = new int[columnStart[total]];
        for (int row = 0; row < total; row++) {
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                int c = column[e];
                if (c < total) {
                    byColumnRow[fill[c]] = row;
                    byColumnEntry[fill[c]++] = e;
                }
            }
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

    /** Plain Java, or the Vector API when the JVM has it: the same results either way. */
    private static final LaneKernels KERNELS = LaneKernels.fastest();

    /** Which kernels the hot loops use ("plain Java", "Vector API, 512-bit", ...). */
    public static String kernels() {
        return KERNELS.description();
    }

    /**
     * Per-thread buffers for up to {@link #LANES} sequences of up to {@code maxLength} input points
     * run side by side.
     */
    public Workspace workspace(int maxLength) {
        return new Workspace(stateSize, neurons, layout.classes(), maxLength * substeps + 1, column.length,
                byColumnRow.length, heun, !stno);
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
        final double[] lambda;
        final double[] lambdaPrev;
        final double[] mu;
        final double[] weighted;
        final double[] outputCotangent;
        final double[][] probabilities;
        final double[] packed;
        /** The packed weights between neurons, in column order ({@code byColumnEntry}). */
        final double[] packedByColumn;
        final double[] packedGradient;
        final double[] biasGradient;
        /** The drive at every step's state (and, for Heun, at its predictor), kept for the adjoint. */
        final double[] drives;
        /**
         * CTRNN neurons only: the outputs {@code tanh x} of every evaluation, slotted as {@link #drives},
         * so that the adjoint reads them instead of computing every tanh again (CTRNN training took
         * 0.86-0.89 of its time with them, 3-epoch runs side by side).
         */
        final double[] tanhOutputs;
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

        Workspace(int stateSize, int neurons, int classes, int maxSteps, int kept, int betweenNeurons,
                boolean heun, boolean tanh) {
            this.maxSteps = maxSteps;
            this.heun = heun;
            this.trajectory = new double[maxSteps * stateSize * LANES];
            this.packed = new double[kept];
            this.packedByColumn = new double[betweenNeurons];
            this.packedGradient = new double[kept * LANES];
            this.biasGradient = new double[neurons * LANES];
            this.drives = new double[maxSteps * neurons * (heun ? 2 : 1) * LANES];
            this.tanhOutputs = new double[tanh ? drives.length : 0];
            this.predictors = new double[heun ? maxSteps * stateSize * LANES : 0];
            this.outputs = new double[(neurons + 1) * LANES];
            this.drive = new double[neurons * LANES];
            this.k1 = new double[stateSize * LANES];
            this.k2 = new double[stateSize * LANES];
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
                keepTanh(w, step * stages);
                if (heun) {
                    KERNELS.eulerStep(s, from, w.k1, h, w.predictors, step * n, n);
                    derivative(params, w.predictors, step * n, w.k2, w);
                    System.arraycopy(w.drive, 0, w.drives, (step * 2 + 1) * xs, xs);
                    keepTanh(w, step * 2 + 1);
                    KERNELS.heunStep(s, from, w.k1, w.k2, 0.5 * h, s, to, n);
                } else {
                    KERNELS.eulerStep(s, from, w.k1, h, s, to, n);
                }
            }
        }
        readout(params, s, step * n, w);
    }

    /** CTRNN neurons: keeps the outputs of the evaluation just made (in {@code w.outputs}) for the adjoint. */
    private void keepTanh(Workspace w, int evaluation) {
        if (!stno) {
            int xs = neurons * LANES;
            System.arraycopy(w.outputs, 0, w.tanhOutputs, evaluation * xs, xs);
        }
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

    /** Copies the kept weights into the workspace in row order, and those between neurons in column order. */
    private void pack(double[] params, Workspace w) {
        for (int e = 0; e < parameterIndex.length; e++) {
            w.packed[e] = params[parameterIndex[e]];
        }
        for (int j = 0; j < byColumnEntry.length; j++) {
            w.packedByColumn[j] = w.packed[byColumnEntry[j]];
        }
    }

    /** Adds lane {@code b}'s packed weight and bias gradients to the flat gradient. */
    private void unpack(Workspace w, int b, double[] gradient) {
        for (int i = 0; i < neurons; i++) {
            gradient[biasIndex[i]] += w.biasGradient[i * LANES + b];
        }
        for (int e = 0; e < parameterIndex.length; e++) {
            gradient[parameterIndex[e]] += w.packedGradient[e * LANES + b];
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
            KERNELS.tanh(s, base, o, into, xs);
        }
    }

    /** The drive {@code I} of every neuron and lane for outputs {@code o}, into {@code drive}. */
    private void drive(double[] p, double[] packed, double[] o, double[] drive) {
        for (int i = 0; i < neurons; i++) {
            KERNELS.laneSums(p[biasIndex[i]], packed, o, column, rowStart[i], rowStart[i + 1], drive, i * LANES);
        }
        KERNELS.scaleShift(drive, neurons * LANES, gain, restDrive);
    }

    /** {@code ds[0 ..] = F(s[base ..])}, the time derivative of every lane's state. */
    private void derivative(double[] p, double[] s, int base, double[] ds, Workspace w) {
        int xs = neurons * LANES;
        outputs(s, base, w.outputs, 0);
        System.arraycopy(w.feature, 0, w.outputs, xs, LANES);
        drive(p, w.packed, w.outputs, w.drive);
        if (!stno) {
            KERNELS.ctrnnRates(s, base, w.drive, ds, xs, gamma);
        } else if (!full) {
            KERNELS.stnoRates(s, base, w.drive, ds, xs, gamma, omega);
        } else {
            for (int i = 0; i < xs; i++) {
                double x = s[base + i];
                double fx = -2 * (gamma * (1 + q * x) - sigma * w.drive[i] * (1 - x)) * x;
                ds[i] = fx;
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
    public double backward(double[] p, double[] input, int label, Workspace w, double[] gradient) {
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
                KERNELS.scaled(w.lambda, 0.5 * h, w.weighted, n);
                vjp(w.predictors, step * n, step * 2 + 1, capacity, w.weighted, w.mu, w);
                KERNELS.add(w.mu, w.lambdaPrev, 0, n);
                KERNELS.scaledSum(w.lambda, 0.5 * h, w.mu, h, w.weighted, n);
                vjp(s, from, step * 2, capacity, w.weighted, w.lambdaPrev, w);
            } else {
                KERNELS.scaled(w.lambda, h, w.weighted, n);
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
        if (stno) {
            outputs(s, base, o, 0);
        } else {
            System.arraycopy(w.tanhOutputs, driveBase, o, 0, xs);
        }
        System.arraycopy(w.feature, 0, o, xs, LANES);
        if (!stno) {
            KERNELS.ctrnnAdjoint(v, lambda, ga, xs, gamma, gain);
        } else if (!full) {
            KERNELS.stnoAdjoint(s, base, w.drives, driveBase, v, lambda, ga, xs, gamma, omega, gain);
        } else {
            for (int i = 0; i < xs; i++) {
                double x = s[base + i];
                double current = w.drives[driveBase + i];
                double gx = v[i] + v[xs + i];
                lambda[i] += gx * (-2 * gamma - 4 * gamma * q * x + 2 * sigma * current * (1 - 2 * x));
                lambda[xs + i] -= omega * v[xs + i];
                ga[i] = gain * gx * (2 * sigma * x * (1 - x));
            }
        }
        for (int i = 0; i <= neurons; i++) {
            int at = (i * capacity + evaluation) * LANES;
            System.arraycopy(o, i * LANES, w.evaluatedOutputs, at, LANES);
            if (i < neurons) {
                System.arraycopy(ga, i * LANES, w.driveCotangents, at, LANES);
            }
        }
        KERNELS.add(ga, w.biasGradient, 0, xs);
        for (int c = 0; c < neurons; c++) {
            KERNELS.laneSums(0, w.packedByColumn, ga, byColumnRow, columnStart[c], columnStart[c + 1], w.outputCotangent,
                    c * LANES);
        }
        outputsAdjoint(o, w.outputCotangent, lambda);
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
        for (int i = 0; i < neurons; i++) {
            int d = i * stride;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                KERNELS.productSums(ga, d, o, column[e] * stride, evaluations, sums, e * LANES);
            }
        }
    }

    /** Adds the cotangent of the outputs {@code o} to the state's: {@code y} itself, or {@code tanh x}. */
    private void outputsAdjoint(double[] o, double[] cotangent, double[] lambda) {
        int xs = neurons * LANES;
        if (stno) {
            KERNELS.add(cotangent, lambda, xs, xs);
        } else {
            KERNELS.tanhAdjoint(o, cotangent, lambda, xs);
        }
    }
}
