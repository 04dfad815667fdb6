package org.oscnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.oscnet.model.Dataset;
import org.oscnet.model.Samples;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.sim.RecurrentLayout;
import org.oscnet.sim.RecurrentSimulator;
import org.oscnet.sim.Seeds;

/**
 * Trains a {@code stno_rnn} network by backpropagation through time (seed paper 2): NLL of the
 * softmax readout, mini-batches drawn by a seeded shuffle every epoch, every gradient element
 * clipped to {@code ±clip} (the paper clips elements, not the norm), Adam with
 * {@code lr / (1 + epoch / decay)}.
 *
 * <p>Sequences are split into fixed chunks of {@link #CHUNK}, simulated side by side (one workspace
 * lane each, so each weight read serves the whole chunk); each chunk sums its gradients in order
 * into its own buffer and the buffers are added in chunk order, so the result is bit-identical
 * whatever the number of threads.
 */
public final class BpttTrainer {
    /** Heun steps per input point of the continuous-time accuracy reported beside the trained one. */
    public static final int CONTINUOUS_SUBSTEPS = 32;
    /** Sequences per unit of parallel work, run side by side as the lanes of one workspace. */
    static final int CHUNK = RecurrentSimulator.LANES;
    /** Stream of the per-epoch input noise, apart from the shuffle's. */
    private static final long INPUT_NOISE = 0x6e6f6973L;

    private final StnoRnnNetwork network;
    private final Dataset dataset;
    private final Training training;
    private final TrainingListener listener;
    private final int threads;

    public BpttTrainer(StnoRnnNetwork network, Dataset dataset, Training training, TrainingListener listener,
            int threads) {
        this.network = network;
        this.dataset = dataset;
        this.training = training;
        this.listener = listener;
        this.threads = threads;
    }

    /** Loss and accuracy of one pass over a set, and its confusion matrix. */
    public record Evaluation(double loss, double accuracy, int[][] confusion) {
    }

    public TrainedRecurrent train() {
        long started = System.nanoTime();
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        long seed = training.seed();
        double[] mask = layout.masks(network.density(), seed);
        RecurrentSimulator simulator = new RecurrentSimulator(network, layout, mask);
        TrainingMethod.Bptt method = (TrainingMethod.Bptt) training.method();
        double[] params = layout.initialParameters(mask, method.init(), seed);
        if (!Double.isNaN(method.memorySeconds())) {
            double bias = simulator.biasForMemory(method.memorySeconds() * 1e9);
            for (int l = 0; l < network.layers().size(); l++) {
                java.util.Arrays.fill(params, layout.biasOffset(l), layout.biasOffset(l) + network.layers().get(l),
                        bias);
            }
        }
        double clip = method.clip();
        double[] weightMask = weightMask(layout);
        Samples train = dataset.train();
        double[] x = train.featuresRowMajor();
        int[] labels = train.labels();
        if (method.shift() > 0) {
            x = withShiftedCopies(x, train.featureCount(), method.shift());
            labels = repeated(labels, 1 + 4 * method.shift());
        }
        int rows = labels.length;
        int batch = training.batchSize() == 0 ? rows : Math.min(training.batchSize(), rows);
        int epochs = training.steps();
        Adam adam = new Adam(training.optimizer(), params.length);
        List<Double> trainLoss = new ArrayList<>();
        List<Double> trainAccuracy = new ArrayList<>();
        List<Double> testLoss = new ArrayList<>();
        List<Double> testAccuracy = new ArrayList<>();
        ExecutorService pool = Workers.pool(threads, "oscnet-bptt");
        try {
            Gradients gradients = new Gradients(simulator, layout.parameters(), train.featureCount(), pool);
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            long stepNanos = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                long epochStart = System.nanoTime();
                double[] before = params.clone();
                shuffle(order, new SplittableRandom(Seeds.derive(seed, 0x65706fL, epoch)));
                double[] epochInputs = method.noise() > 0 ? noisy(x, method.noise(), Seeds.derive(seed, INPUT_NOISE, epoch))
                        : x;
                double epochLoss = 0;
                double epochCorrect = 0;
                for (int from = 0; from < rows; from += batch) {
                    int count = Math.min(batch, rows - from);
                    double[] g = gradients.sum(params, epochInputs, labels, order, from, count);
                    epochLoss += g[params.length];
                    epochCorrect += g[params.length + 1];
                    for (int k = 0; k < params.length; k++) {
                        double penalised = g[k] / count + method.l2() * weightMask[k] * params[k];
                        g[k] = mask[k] * Math.max(-clip, Math.min(clip, penalised));
                    }
                    double progress = epoch + (from + count) / (double) rows;
                    double rate = adam.step(params, g, epoch,
                            method.warmup() > 0 ? Math.min(1, progress / method.warmup()) : 1);
                    if (method.wd() > 0) {
                        for (int k = 0; k < params.length; k++) {
                            params[k] -= rate * method.wd() * weightMask[k] * params[k];
                        }
                    }
                    if (method.floor() > 0) {
                        raiseBiases(params, layout, simulator.biasAtThreshold(method.floor()));
                    }
                }
                stepNanos += System.nanoTime() - epochStart;
                if (!Double.isFinite(epochLoss)) {
                    // a state left (0, 1) and the parameters went to NaN: every later epoch would be
                    // at chance, so keep the last finite parameters and say so
                    System.arraycopy(before, 0, params, 0, params.length);
                    listener.note(String.format(java.util.Locale.ROOT, "training diverged in epoch %d of %d (the"
                            + " loss is not finite): kept the parameters after epoch %d and stopped; a lower"
                            + " learning rate, a faster decay or a smaller gain avoids it", epoch + 1, epochs, epoch));
                    break;
                }
                Evaluation onTest = gradients.evaluate(params, dataset.test());
                trainLoss.add(epochLoss / rows);
                trainAccuracy.add(epochCorrect / rows);
                testLoss.add(onTest.loss());
                testAccuracy.add(onTest.accuracy());
                listener.iteration(0, 1, epoch + 1, epochs, epochLoss / rows, epochCorrect / rows);
            }
            Evaluation finalTrain = gradients.evaluate(params, train);
            Evaluation finalTest = gradients.evaluate(params, dataset.test());
            StnoRnnNetwork continuous = network.withIntegration(CONTINUOUS_SUBSTEPS, StnoRnnNetwork.Integrator.HEUN);
            Evaluation continuousTest = new Gradients(new RecurrentSimulator(continuous, layout, mask), layout.parameters(),
                    train.featureCount(), pool).evaluate(params, dataset.test());
            double seconds = (System.nanoTime() - started) / 1e9;
            return new TrainedRecurrent(network.name(), params, mask, seed, finalTrain.accuracy(),
                    finalTest.accuracy(), continuousTest.accuracy(), finalTrain.loss(), finalTest.loss(), trainLoss, trainAccuracy, testLoss,
                    testAccuracy, finalTest.confusion(), seconds, stepNanos / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Loss and accuracy of {@code params} on {@code samples}, with the given thread count. */
    public static Evaluation evaluate(StnoRnnNetwork network, double[] params, double[] mask, Samples samples,
            int threads) {
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        ExecutorService pool = Workers.pool(threads, "oscnet-bptt");
        try {
            return new Gradients(new RecurrentSimulator(network, layout, mask), layout.parameters(),
                    samples.featureCount(), pool).evaluate(params, samples);
        } finally {
            pool.shutdownNow();
        }
    }

    /** 1 at every weight (kept or not: the mask zeroes the rest), 0 at the biases. */
    private double[] weightMask(RecurrentLayout layout) {
        double[] mask = new double[layout.parameters()];
        java.util.Arrays.fill(mask, 1);
        for (int l = 0; l < network.layers().size(); l++) {
            java.util.Arrays.fill(mask, layout.biasOffset(l), layout.biasOffset(l) + network.layers().get(l), 0);
        }
        java.util.Arrays.fill(mask, layout.readoutBiasOffset(), layout.readoutBiasOffset() + layout.classes(), 0);
        return mask;
    }

    private void raiseBiases(double[] params, RecurrentLayout layout, double floor) {
        for (int l = 0; l < network.layers().size(); l++) {
            for (int k = layout.biasOffset(l); k < layout.biasOffset(l) + network.layers().get(l); k++) {
                params[k] = Math.max(params[k], floor);
            }
        }
    }

    /** A copy of {@code x} with Gaussian noise of standard deviation {@code std} on every entry. */
    private static double[] noisy(double[] x, double std, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] copy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i] + std * random.nextGaussian();
        }
        return copy;
    }

    /**
     * The row-major sequences {@code x} ({@code length} points each, a square image scanned row by
     * row), followed by copies of all of them moved by 1 .. {@code shift} pixels down, up, right and
     * left (in that order for each distance); uncovered pixels take the image's smallest value.
     */
    static double[] withShiftedCopies(double[] x, int length, int shift) {
        int side = (int) Math.round(Math.sqrt(length));
        double[] all = java.util.Arrays.copyOf(x, x.length * (1 + 4 * shift));
        int at = x.length;
        for (int distance = 1; distance <= shift; distance++) {
            int[][] moves = {{distance, 0}, {-distance, 0}, {0, distance}, {0, -distance}};
            for (int[] move : moves) {
                for (int start = 0; start < x.length; start += length, at += length) {
                    double background = Double.POSITIVE_INFINITY;
                    for (int i = start; i < start + length; i++) {
                        background = Math.min(background, x[i]);
                    }
                    for (int row = 0; row < side; row++) {
                        for (int column = 0; column < side; column++) {
                            int fromRow = row - move[0];
                            int fromColumn = column - move[1];
                            boolean inside = fromRow >= 0 && fromRow < side && fromColumn >= 0 && fromColumn < side;
                            all[at + row * side + column] = inside ? x[start + fromRow * side + fromColumn] : background;
                        }
                    }
                }
            }
        }
        return all;
    }

    /** {@code labels} repeated {@code times} times, one after the other. */
    private static int[] repeated(int[] labels, int times) {
        int[] all = new int[labels.length * times];
        for (int k = 0; k < times; k++) {
            System.arraycopy(labels, 0, all, k * labels.length, labels.length);
        }
        return all;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Batched forward and backward passes, chunked so that sums do not depend on the thread count. */
    private static final class Gradients {
        private final RecurrentSimulator simulator;
        private final int parameters;
        private final int length;
        private final ExecutorService pool;
        private final ThreadLocal<RecurrentSimulator.Workspace> workspaces;

        Gradients(RecurrentSimulator simulator, int parameters, int length, ExecutorService pool) {
            this.simulator = simulator;
            this.parameters = parameters;
            this.length = length;
            this.pool = pool;
            this.workspaces = ThreadLocal.withInitial(() -> simulator.workspace(length));
        }

        /**
         * The sum over {@code order[from .. from + count)} of each sequence's loss gradient, followed by
         * two more entries: the summed loss and the number classified right (before the update).
         */
        double[] sum(double[] params, double[] x, int[] labels, int[] order, int from, int count) {
            int chunks = (count + CHUNK - 1) / CHUNK;
            List<Future<double[]>> parts = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int start = from + c * CHUNK;
                int end = Math.min(from + count, start + CHUNK);
                parts.add(pool.submit(() -> {
                    RecurrentSimulator.Workspace w = workspaces.get();
                    int lanes = end - start;
                    int[] offsets = new int[lanes];
                    int[] chunkLabels = new int[lanes];
                    for (int b = 0; b < lanes; b++) {
                        offsets[b] = order[start + b] * length;
                        chunkLabels[b] = labels[order[start + b]];
                    }
                    double[] g = new double[parameters + 2];
                    simulator.forward(params, x, offsets, lanes, length, w);
                    for (int b = 0; b < lanes; b++) {
                        g[parameters + 1] += argmax(w.probabilities(b)) == chunkLabels[b] ? 1 : 0;
                    }
                    g[parameters] = simulator.backward(params, x, chunkLabels, w, g);
                    return g;
                }));
            }
            double[] total = new double[parameters + 2];
            for (Future<double[]> part : parts) {
                double[] g = Workers.join(part);
                for (int k = 0; k < parameters + 2; k++) {
                    total[k] += g[k];
                }
            }
            return total;
        }

        Evaluation evaluate(double[] params, Samples samples) {
            int rows = samples.size();
            double[] x = samples.featuresRowMajor();
            int classes = simulator.layout().classes();
            int[] predicted = new int[rows];
            double[] losses = new double[rows];
            List<Future<?>> parts = new ArrayList<>();
            for (int start = 0; start < rows; start += CHUNK) {
                int first = start;
                int end = Math.min(rows, start + CHUNK);
                parts.add(pool.submit(() -> {
                    RecurrentSimulator.Workspace w = workspaces.get();
                    int[] offsets = new int[end - first];
                    for (int r = first; r < end; r++) {
                        offsets[r - first] = r * length;
                    }
                    simulator.forward(params, x, offsets, end - first, length, w);
                    for (int r = first; r < end; r++) {
                        double[] p = w.probabilities(r - first);
                        predicted[r] = argmax(p);
                        losses[r] = -Math.log(Math.max(p[samples.label(r)], Double.MIN_NORMAL));
                    }
                }));
            }
            parts.forEach(Workers::join);
            int[][] confusion = new int[classes][classes];
            double loss = 0;
            int correct = 0;
            for (int r = 0; r < rows; r++) {
                confusion[samples.label(r)][predicted[r]]++;
                correct += predicted[r] == samples.label(r) ? 1 : 0;
                loss += losses[r];
            }
            return new Evaluation(loss / Math.max(1, rows), correct / (double) Math.max(1, rows), confusion);
        }

        private static int argmax(double[] p) {
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            return best;
        }
    }
}
