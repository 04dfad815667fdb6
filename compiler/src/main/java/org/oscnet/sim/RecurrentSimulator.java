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
 * <p>An instance is immutable and shared between threads; each thread brings its own
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

    /** Per-thread buffers for sequences of up to {@code maxLength} input points. */
    public Workspace workspace(int maxLength) {
        int kept = 0;
        for (int[] idx : index) {
            kept += idx.length;
        }
        return new Workspace(stateSize, neurons, layout.classes(), maxLength * substeps + 1, kept, heun);
    }

    /** Buffers of one thread: the trajectory of one sequence and the scratch of the adjoint. */
    public static final class Workspace {
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
        final double[] driveCotangent;
        final double[] probabilities;
        final double[] packed;
        final double[] packedGradient;
        final double[] biasGradient;
        /** The drive at every step's state (and, for Heun, at its predictor), kept for the adjoint. */
        final double[] drives;
        /** Heun's predictor state of every step, kept for the adjoint. */
        final double[] predictors;
        int length;

        Workspace(int stateSize, int neurons, int classes, int maxSteps, int kept, boolean heun) {
            this.trajectory = new double[maxSteps * stateSize];
            this.packed = new double[kept];
            this.packedGradient = new double[kept];
            this.biasGradient = new double[neurons];
            this.drives = new double[maxSteps * neurons * (heun ? 2 : 1)];
            this.predictors = new double[heun ? maxSteps * stateSize : 0];
            this.outputs = new double[neurons + 1];
            this.drive = new double[neurons];
            this.k1 = new double[stateSize];
            this.k2 = new double[stateSize];
            this.tilde = new double[stateSize];
            this.lambda = new double[stateSize];
            this.lambdaPrev = new double[stateSize];
            this.mu = new double[stateSize];
            this.weighted = new double[stateSize];
            this.outputCotangent = new double[neurons + 1];
            this.driveCotangent = new double[neurons];
            this.probabilities = new double[classes];
        }

        /** Class probabilities after the last {@link #forward}. */
        public double[] probabilities() {
            return probabilities;
        }
    }

    /**
     * Runs one sequence {@code input[offset .. offset + length)} from the resting state, keeping
     * the trajectory in {@code w}; leaves the class probabilities in {@code w.probabilities()}.
     */
    public void forward(double[] params, double[] input, int offset, int length, Workspace w) {
        pack(params, w);
        double[] s = w.trajectory;
        int n = stateSize;
        for (int i = 0; i < neurons; i++) {
            s[i] = stno ? 0.5 : 0;
        }
        for (int i = neurons; i < n; i++) {
            s[i] = 0;
        }
        int step = 0;
        for (int t = 0; t < length; t++) {
            double u = input[offset + t];
            for (int k = 0; k < substeps; k++, step++) {
                int from = step * n;
                int to = from + n;
                int stages = heun ? 2 : 1;
                derivative(params, s, from, u, w.k1, w);
                System.arraycopy(w.drive, 0, w.drives, step * stages * neurons, neurons);
                if (heun) {
                    for (int i = 0; i < n; i++) {
                        w.tilde[i] = s[from + i] + h * w.k1[i];
                    }
                    System.arraycopy(w.tilde, 0, w.predictors, step * n, n);
                    derivative(params, w.tilde, 0, u, w.k2, w);
                    System.arraycopy(w.drive, 0, w.drives, (step * 2 + 1) * neurons, neurons);
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
        w.length = length;
        readout(params, s, step * n, w);
    }

    /** The state after input point {@code t} (0-based) of the last forward run: {@code x} then {@code y}. */
    public double[] stateAfter(Workspace w, int t, double[] into) {
        System.arraycopy(w.trajectory, (t + 1) * substeps * stateSize, into, 0, stateSize);
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

    /** Adds the packed weights' and the biases' gradient to the flat gradient. */
    private void unpack(Workspace w, double[] gradient) {
        int start = 0;
        for (int l = 0; l < layout.sizes().size(); l++) {
            int size = layout.sizes().get(l);
            for (int i = 0; i < size; i++) {
                gradient[layout.biasOffset(l) + i] += w.biasGradient[start + i];
            }
            start += size;
        }
        int at = 0;
        for (int[] idx : index) {
            for (int k : idx) {
                gradient[k] += w.packedGradient[at++];
            }
        }
    }

    /** The last layer's outputs after the last {@link #forward} run: what the readout sees. */
    public double[] lastLayerOutputs(Workspace w) {
        int base = w.length * substeps * stateSize;
        outputs(w.trajectory, base, w.outputs);
        return java.util.Arrays.copyOfRange(w.outputs, layout.lastLayerStart(), neurons);
    }

    /** State entries per neuron set: {@code x} at {@code [0, neurons)}, then {@code y} for STNO neurons. */
    public int stateSize() {
        return stateSize;
    }

    /** The outputs the layers and the readout see, for a state at {@code base} of {@code s}. */
    private void outputs(double[] s, int base, double[] o) {
        if (stno) {
            System.arraycopy(s, base + neurons, o, 0, neurons);
        } else {
            for (int i = 0; i < neurons; i++) {
                o[i] = Math.tanh(s[base + i]);
            }
        }
    }

    /** The drive {@code I} of every neuron for outputs {@code o} and input {@code u}, into {@code drive}. */
    private void drive(double[] p, double[] packed, double[] o, double u, double[] drive) {
        List<Integer> sizes = layout.sizes();
        o[neurons] = u;
        int start = 0;
        int at = 0;
        for (int l = 0; l < sizes.size(); l++) {
            int size = sizes.get(l);
            int bias = layout.biasOffset(l);
            int[] starts = rowStart[l];
            int[] col = column[l];
            for (int i = 0; i < size; i++) {
                double a = p[bias + i];
                int end = starts[i + 1];
                for (int e = starts[i]; e < end; e++) {
                    a += packed[at + e] * o[col[e]];
                }
                drive[start + i] = gain * a + restDrive;
            }
            at += col.length;
            start += size;
        }
    }

    /** {@code ds[0 ..] = F(s[base ..])}, the time derivative of the state. */
    private void derivative(double[] p, double[] s, int base, double u, double[] ds, Workspace w) {
        outputs(s, base, w.outputs);
        drive(p, w.packed, w.outputs, u, w.drive);
        for (int i = 0; i < neurons; i++) {
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
                ds[neurons + i] = -omega * s[base + neurons + i] + fx;
            }
        }
    }

    private void readout(double[] p, double[] s, int base, Workspace w) {
        outputs(s, base, w.outputs);
        int classes = layout.classes();
        int last = layout.lastLayerStart();
        int width = layout.lastLayerSize();
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double z = p[layout.readoutBiasOffset() + c];
            int row = layout.readoutOffset() + c * width;
            for (int j = 0; j < width; j++) {
                z += p[row + j] * w.outputs[last + j];
            }
            w.probabilities[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            w.probabilities[c] = Math.exp(w.probabilities[c] - max);
            sum += w.probabilities[c];
        }
        for (int c = 0; c < classes; c++) {
            w.probabilities[c] /= sum;
        }
    }

    /**
     * Backpropagation through time of the last {@link #forward} run of {@code w}: adds the
     * gradient of {@code −log p(label)} with respect to every parameter to {@code gradient} and
     * returns that loss. The adjoint of each Euler or Heun step is exact, so the result is the
     * derivative of what {@code forward} computes (checked against finite differences).
     */
    public double backward(double[] p, double[] input, int offset, int label, Workspace w, double[] gradient) {
        int n = stateSize;
        int steps = w.length * substeps;
        double[] s = w.trajectory;
        double loss = -Math.log(Math.max(w.probabilities[label], Double.MIN_NORMAL));
        java.util.Arrays.fill(w.packedGradient, 0);
        java.util.Arrays.fill(w.biasGradient, 0);
        // readout: dL/dz = p − onehot
        outputs(s, steps * n, w.outputs);
        java.util.Arrays.fill(w.lambda, 0);
        java.util.Arrays.fill(w.outputCotangent, 0);
        int classes = layout.classes();
        int last = layout.lastLayerStart();
        int width = layout.lastLayerSize();
        for (int c = 0; c < classes; c++) {
            double g = w.probabilities[c] - (c == label ? 1 : 0);
            gradient[layout.readoutBiasOffset() + c] += g;
            int row = layout.readoutOffset() + c * width;
            for (int j = 0; j < width; j++) {
                gradient[row + j] += g * w.outputs[last + j];
                w.outputCotangent[last + j] += p[row + j] * g;
            }
        }
        outputsAdjoint(s, steps * n, w.outputs, w.outputCotangent, w.lambda);

        for (int step = steps - 1; step >= 0; step--) {
            double u = input[offset + step / substeps];
            int from = step * n;
            System.arraycopy(w.lambda, 0, w.lambdaPrev, 0, n);
            if (heun) {
                java.util.Arrays.fill(w.mu, 0);
                for (int i = 0; i < n; i++) {
                    w.weighted[i] = 0.5 * h * w.lambda[i];
                }
                vjp(w.predictors, step * n, (step * 2 + 1) * neurons, u, w.weighted, w.mu, w);
                for (int i = 0; i < n; i++) {
                    w.lambdaPrev[i] += w.mu[i];
                    w.weighted[i] = 0.5 * h * w.lambda[i] + h * w.mu[i];
                }
                vjp(s, from, step * 2 * neurons, u, w.weighted, w.lambdaPrev, w);
            } else {
                for (int i = 0; i < n; i++) {
                    w.weighted[i] = h * w.lambda[i];
                }
                vjp(s, from, step * neurons, u, w.weighted, w.lambdaPrev, w);
            }
            System.arraycopy(w.lambdaPrev, 0, w.lambda, 0, n);
        }
        unpack(w, gradient);
        return loss;
    }

    /**
     * Adds {@code (∂F/∂s)ᵀ v} at the state {@code s[base ..]} to {@code lambda}, and
     * {@code (∂F/∂θ)ᵀ v} to the workspace's packed weight and bias gradients ({@link #backward}
     * adds them to the flat gradient at the end); the drive at that state is
     * {@code w.drives[driveBase ..]}, kept by {@link #forward}.
     */
    private void vjp(double[] s, int base, int driveBase, double u, double[] v, double[] lambda, Workspace w) {
        outputs(s, base, w.outputs);
        w.outputs[neurons] = u;
        for (int i = 0; i < neurons; i++) {
            double x = s[base + i];
            double current = w.drives[driveBase + i];
            double gx = stno ? v[i] + v[neurons + i] : v[i];
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
                lambda[neurons + i] -= omega * v[neurons + i];
            }
            w.driveCotangent[i] = gain * gx * dfdI;
        }
        java.util.Arrays.fill(w.outputCotangent, 0);
        List<Integer> sizes = layout.sizes();
        double[] packed = w.packed;
        double[] packedGradient = w.packedGradient;
        double[] o = w.outputs;
        double[] cotangent = w.outputCotangent;
        int start = 0;
        int at = 0;
        for (int l = 0; l < sizes.size(); l++) {
            int size = sizes.get(l);
            int[] starts = rowStart[l];
            int[] col = column[l];
            for (int i = 0; i < size; i++) {
                double ga = w.driveCotangent[start + i];
                if (ga == 0) {
                    continue;
                }
                w.biasGradient[start + i] += ga;
                int end = starts[i + 1];
                for (int e = starts[i]; e < end; e++) {
                    int c = col[e];
                    packedGradient[at + e] += ga * o[c];
                    cotangent[c] += packed[at + e] * ga;
                }
            }
            at += col.length;
            start += size;
        }
        outputsAdjoint(s, base, w.outputs, w.outputCotangent, lambda);
    }

    /** Adds the cotangent of the outputs {@code o} to the state's: {@code y} itself, or {@code tanh x}. */
    private void outputsAdjoint(double[] s, int base, double[] o, double[] cotangent, double[] lambda) {
        for (int i = 0; i < neurons; i++) {
            if (stno) {
                lambda[neurons + i] += cotangent[i];
            } else {
                lambda[i] += cotangent[i] * (1 - o[i] * o[i]);
            }
        }
    }
}
