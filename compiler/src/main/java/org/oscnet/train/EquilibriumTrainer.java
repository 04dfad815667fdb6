package org.oscnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.Samples;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.sim.Seeds;
import org.oscnet.sim.XyLayout;
import org.oscnet.sim.EquilibriumSimulator;

/**
 * Equilibrium propagation for equilibrium networks: XY units (seed paper 3) or Stuart-Landau units
 * (seed paper 4), with the devices' natural frequencies dispersed or not. Each step draws a batch, relaxes every
 * sample freely from random phases, then nudged by {@code βC} from its free equilibrium, and moves
 * the parameters against the batch mean of {@code (∂E/∂θ|β − ∂E/∂θ|0)/β} (or the symmetric
 * {@code (∂E/∂θ|+β − ∂E/∂θ|−β)/2β}). Samples are split in fixed chunks that run in parallel and
 * are summed in order, so results are bit-identical on any number of threads.
 */
public final class EquilibriumTrainer {
    /**
     * Samples whose gradients are summed together before the blocks are summed in order: the
     * summation order, hence every bit of the result, does not depend on the thread count.
     */
    static final int BLOCK = 25;
    /**
     * Checkpoints per run at most: the test set is evaluated every {@code steps / CHECKPOINTS} steps,
     * or less often when evaluating it would cost more than about a quarter of the training.
     */
    static final int CHECKPOINTS = 200;
    /** Seed stream of the test relaxations' starting phases (the same at every checkpoint). */
    private static final long EVALUATION_STREAM = 0x6576616cL;
    /** Seed stream of each checkpoint's own test starts, with {@code starts fresh}. */
    private static final long FRESH_STARTS_STREAM = 0x66726573L;

    private final EquilibriumNetwork network;
    private final Dataset dataset;
    private final Training training;
    private final TrainingListener listener;
    private final int threads;
    private final XyLayout layout;
    private final EquilibriumSimulator simulator;
    /** The devices' natural-frequency offsets, fixed for the network by the training seed. */
    private final double[] offsets;

    public EquilibriumTrainer(EquilibriumNetwork network, Dataset dataset, Training training, TrainingListener listener,
            int threads) {
        this.network = network;
        this.dataset = dataset;
        this.training = training;
        this.listener = listener;
        this.threads = threads;
        this.layout = XyLayout.of(network);
        this.simulator = new EquilibriumSimulator(layout, network);
        this.offsets = training == null ? new double[layout.free()]
                : layout.frequencyOffsets(training.seed(), network.frequencyDispersion());
    }

    /**
     * Test accuracy, mean cost and how the relaxations went, for one parameter vector;
     * {@code unsettledFraction} the share still moving at the run's end, {@code unlockedFraction} the
     * share that did not lock ({@link EquilibriumSimulator.Batch#locked}) and {@code unlockedAccuracy}
     * the accuracy among those (NaN: none).
     */
    public record Evaluation(double accuracy, double cost, int[][] confusion, int[] predictions,
            double unsettledFraction, double unlockedFraction, double unlockedAccuracy, double meanSteps) {
    }

    public TrainedEquilibrium train() {
        long started = System.nanoTime();
        TrainingMethod.EquilibriumPropagation method = (TrainingMethod.EquilibriumPropagation) training.method();
        long seed = training.seed();
        double[] params = layout.initialParameters(seed);
        Adam optimizer = new Adam(training.optimizer(), params.length);
        Samples train = dataset.train();
        double[] trainPhases = phases(network, train);
        int steps = training.steps();
        int every = testInterval();
        List<Integer> checkpoints = new ArrayList<>();
        List<Double> costCurve = new ArrayList<>();
        List<Double> accuracyCurve = new ArrayList<>();
        List<Double> testCurve = new ArrayList<>();
        double best = -1;
        int bestStep = 0;
        double chosen = 0;
        int chosenStep = 0;
        double lowestCost = Double.POSITIVE_INFINITY;
        double windowCost = 0;
        double windowCorrect = 0;
        int windowSamples = 0;
        double freeSteps = 0;
        double nudgedSteps = 0;
        long relaxations = 0;
        long stepNanos = 0;
        ExecutorService pool = Workers.pool(threads, "oscnet-ep");
        try {
            for (int step = 1; step <= steps; step++) {
                long stepStart = System.nanoTime();
                int[] rows = batch(train, step);
                StepResult result = gradient(params, rows, train, trainPhases, step, method, pool);
                for (int p = 0; p < params.length; p++) {
                    result.gradient[p] /= rows.length;
                }
                optimizer.step(params, result.gradient, step - 1);
                stepNanos += System.nanoTime() - stepStart;
                windowCost += result.cost;
                windowCorrect += result.correct;
                windowSamples += rows.length;
                freeSteps += result.freeSteps;
                nudgedSteps += result.nudgedSteps;
                relaxations += rows.length;
                listener.iteration(0, 1, step, steps, result.cost / rows.length, result.correct / (double) rows.length);
                if (step % every == 0 || step == steps) {
                    long testSeed = method.freshTestStarts() ? Seeds.derive(seed, FRESH_STARTS_STREAM, step) : seed;
                    Evaluation test = evaluate(simulator, params, dataset.test(), testSeed, pool);
                    double meanCost = windowCost / windowSamples;
                    checkpoints.add(step);
                    costCurve.add(meanCost);
                    accuracyCurve.add(windowCorrect / windowSamples);
                    testCurve.add(test.accuracy());
                    if (test.accuracy() > best) {
                        best = test.accuracy();
                        bestStep = step;
                    }
                    if (meanCost < lowestCost) {
                        lowestCost = meanCost;
                        chosen = test.accuracy();
                        chosenStep = step;
                    }
                    windowCost = 0;
                    windowCorrect = 0;
                    windowSamples = 0;
                }
            }
            Evaluation finalTest = evaluate(simulator, params, dataset.test(), seed, pool);
            Evaluation finalTrain = evaluate(simulator, params, train, seed, pool);
            double seconds = (System.nanoTime() - started) / 1e9;
            return new TrainedEquilibrium(network.name(), params, seed, finalTrain.accuracy(), finalTest.accuracy(), best,
                    bestStep, chosen, chosenStep, checkpoints, costCurve, accuracyCurve, testCurve, finalTest.confusion(),
                    finalTest.unsettledFraction(), finalTest.unlockedFraction(), finalTest.unlockedAccuracy(), freeSteps / Math.max(1, relaxations),
                    nudgedSteps / Math.max(1, relaxations), seconds, stepNanos / 1e9 / Math.max(1, steps));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Steps between test evaluations: the file's {@code test every}, else {@link #checkpointInterval}. */
    public int testInterval() {
        return training.testEvery() > 0 ? training.testEvery()
                : checkpointInterval(training.steps(), batch(dataset.train(), 1).length, dataset.test().size());
    }

    /**
     * Steps between test evaluations when the file does not say ({@code test every}): {@code steps /
     * CHECKPOINTS}, but at least the steps whose relaxations (a free and a nudged one per row) cost
     * four times one free relaxation of the test set, so evaluation adds at most about a quarter to
     * the training time (MNIST's 2 000 test images against 300-row batches: every 14 steps).
     */
    static int checkpointInterval(int steps, int batchRows, int testRows) {
        int cheap = (2 * testRows + batchRows - 1) / Math.max(1, batchRows);
        return Math.max(1, Math.max(steps / CHECKPOINTS, cheap));
    }

    /**
     * Mean wall time of one training step (batch drawn, free and nudged relaxations, update) over
     * {@code steps} steps from the initial parameters, after one step to warm up; no evaluation.
     */
    public double secondsPerStep(int steps) {
        TrainingMethod.EquilibriumPropagation method = (TrainingMethod.EquilibriumPropagation) training.method();
        double[] params = layout.initialParameters(training.seed());
        Samples train = dataset.train();
        double[] trainPhases = phases(network, train);
        ExecutorService pool = Workers.pool(threads, "oscnet-ep");
        try {
            long started = 0;
            for (int step = 0; step <= steps; step++) {
                if (step == 1) {
                    started = System.nanoTime();
                }
                int[] rows = batch(train, step + 1);
                StepResult result = gradient(params, rows, train, trainPhases, step + 1, method, pool);
                for (int p = 0; p < params.length; p++) {
                    params[p] -= training.optimizer().learningRate() * result.gradient[p] / rows.length;
                }
            }
            return (System.nanoTime() - started) / 1e9 / steps;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The natural-frequency offsets of a trained network's own devices, drawn from its seed. */
    public static double[] deviceOffsets(EquilibriumNetwork network, TrainedEquilibrium trained) {
        return XyLayout.of(network).frequencyOffsets(trained.seed(), network.frequencyDispersion());
    }

    /** The couplings of a trained network among its own devices. */
    public static XyLayout.Couplings couplings(EquilibriumNetwork network, TrainedEquilibrium trained) {
        return XyLayout.of(network).couplings(trained.parameters(), deviceOffsets(network, trained));
    }

    /** The clamped input phases of every row: the features (scaled to 0..1) mapped onto the phase range. */
    public static double[] phases(EquilibriumNetwork network, Samples samples) {
        double[] x = samples.featuresRowMajor();
        double[] phases = new double[x.length];
        double span = network.inputPhaseHigh() - network.inputPhaseLow();
        for (int i = 0; i < x.length; i++) {
            phases[i] = network.inputPhaseLow() + span * x[i];
        }
        return phases;
    }

    /** The rows of step {@code step}'s batch: {@code batch} distinct rows of every class, or of the whole set. */
    private int[] batch(Samples train, int step) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(training.seed(), 0x62617463L, step));
        int size = training.batchSize();
        if (!training.batchPerClass()) {
            int[] all = new int[train.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return draw(all, size == 0 ? all.length : Math.min(size, all.length), random);
        }
        List<Integer> picked = new ArrayList<>();
        for (int c = 0; c < dataset.classCount(); c++) {
            final int cls = c;
            int[] ofClass = java.util.stream.IntStream.range(0, train.size()).filter(r -> train.label(r) == cls).toArray();
            for (int r : draw(ofClass, Math.min(size, ofClass.length), random)) {
                picked.add(r);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The first {@code count} of a partial Fisher-Yates shuffle of {@code rows}. */
    private static int[] draw(int[] rows, int count, SplittableRandom random) {
        int[] copy = rows.clone();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return java.util.Arrays.copyOf(copy, count);
    }

    /** Sums over one batch: the EP gradient, the free cost, correct predictions and relaxation steps. */
    private static final class StepResult {
        final double[] gradient;
        double cost;
        int correct;
        double freeSteps;
        double nudgedSteps;

        StepResult(int parameters) {
            gradient = new double[parameters];
        }

        void add(StepResult other) {
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] += other.gradient[p];
            }
            cost += other.cost;
            correct += other.correct;
            freeSteps += other.freeSteps;
            nudgedSteps += other.nudgedSteps;
        }
    }

    private StepResult gradient(double[] params, int[] rows, Samples train, double[] trainPhases, int step,
            TrainingMethod.EquilibriumPropagation method, ExecutorService pool) {
        XyLayout.Couplings couplings = layout.couplings(params, offsets);
        int inputs = layout.inputs();
        List<Future<List<StepResult>>> parts = new ArrayList<>();
        int chunk = chunk(rows.length);
        for (int from = 0; from < rows.length; from += chunk) {
            final int start = from;
            final int count = Math.min(chunk, rows.length - from);
            parts.add(pool.submit(() -> {
                List<StepResult> blocks = new ArrayList<>();
                for (int i = 0; i < count; i += BLOCK) {
                    blocks.add(new StepResult(params.length));
                }
                EquilibriumSimulator.Batch w = simulator.batch(count);
                w.count(count);
                for (int i = 0; i < count; i++) {
                    int row = rows[start + i];
                    simulator.clamp(w, i, trainPhases, row * inputs, train.label(row));
                    start(simulator, w, i, Seeds.derive(training.seed(), step, start + i));
                }
                simulator.fields(w, couplings);
                simulator.relax(w, couplings, 0);
                double beta = method.beta();
                for (int i = 0; i < count; i++) {
                    StepResult part = blocks.get(i / BLOCK);
                    part.cost += w.cost(i);
                    part.correct += w.prediction(i) == train.label(rows[start + i]) ? 1 : 0;
                    part.freeSteps += w.steps(i);
                }
                double[] freeCos = new double[layout.free() * count];
                double[] freeSin = new double[layout.free() * count];
                simulator.save(w, freeCos, freeSin);
                if (!method.symmetric()) {
                    addGradients(w, params, -1 / beta, blocks);
                }
                simulator.relax(w, couplings, beta);
                double scale = method.symmetric() ? 1 / (2 * beta) : 1 / beta;
                addGradients(w, params, scale, blocks);
                sumSteps(w, blocks);
                if (method.symmetric()) {
                    simulator.restore(w, freeCos, freeSin);
                    simulator.relax(w, couplings, -beta);
                    addGradients(w, params, -scale, blocks);
                    sumSteps(w, blocks);
                }
                return blocks;
            }));
        }
        StepResult total = new StepResult(params.length);
        for (Future<List<StepResult>> part : parts) {
            Workers.join(part).forEach(total::add);
        }
        return total;
    }

    /** Samples per parallel task: the rows shared evenly by the threads, in whole blocks. */
    private int chunk(int rows) {
        int blocks = (rows + BLOCK - 1) / BLOCK;
        return BLOCK * ((blocks + threads - 1) / threads);
    }

    private static void sumSteps(EquilibriumSimulator.Batch w, List<StepResult> blocks) {
        for (int i = 0; i < w.count(); i++) {
            blocks.get(i / BLOCK).nudgedSteps += w.steps(i);
        }
    }

    private static void addGradients(EquilibriumSimulator.Batch w, double[] params, double weight, List<StepResult> blocks) {
        for (int i = 0; i < w.count(); i += BLOCK) {
            w.addEnergyGradient(i, Math.min(i + BLOCK, w.count()), params, weight, blocks.get(i / BLOCK).gradient);
        }
    }

    private void start(EquilibriumSimulator sim, EquilibriumSimulator.Batch w, int b, long sampleSeed) {
        if (network.simulation().initialPhases() == org.oscnet.model.Simulation.InitialPhases.ZERO) {
            sim.zeroStart(w, b, sampleSeed);
        } else {
            sim.randomStart(w, b, sampleSeed);
        }
    }

    /**
     * Accuracy of {@code params} on {@code samples} among devices whose natural frequencies are
     * offset by {@code offsets}, relaxed from seeded random phases, on {@code threads} threads.
     */
    public static Evaluation evaluate(EquilibriumNetwork network, EquilibriumSimulator simulator, double[] params,
            double[] offsets, Samples samples, long seed, int threads) {
        ExecutorService pool = Workers.pool(threads, "oscnet-ep");
        try {
            return new EquilibriumTrainer(network, null, null, TrainingListener.SILENT, threads)
                    .evaluate(simulator, params, offsets, samples, seed, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private Evaluation evaluate(EquilibriumSimulator sim, double[] params, Samples samples, long seed,
            ExecutorService pool) {
        return evaluate(sim, params, offsets, samples, seed, pool);
    }

    private Evaluation evaluate(EquilibriumSimulator sim, double[] params, double[] deviceOffsets, Samples samples,
            long seed, ExecutorService pool) {
        XyLayout.Couplings couplings = layout.couplings(params, deviceOffsets);
        double[] phases = phases(network, samples);
        int inputs = layout.inputs();
        int classes = layout.outputs();
        int[] predictions = new int[samples.size()];
        double[] costs = new double[samples.size()];
        int[] stepCounts = new int[samples.size()];
        boolean[] locked = new boolean[samples.size()];
        List<Future<?>> parts = new ArrayList<>();
        int chunk = chunk(samples.size());
        for (int from = 0; from < samples.size(); from += chunk) {
            final int start = from;
            final int count = Math.min(chunk, samples.size() - from);
            parts.add(pool.submit(() -> {
                EquilibriumSimulator.Batch w = sim.batch(count);
                w.count(count);
                for (int i = 0; i < count; i++) {
                    sim.clamp(w, i, phases, (start + i) * inputs, samples.label(start + i));
                    start(sim, w, i, Seeds.derive(seed, EVALUATION_STREAM, start + i));
                }
                sim.fields(w, couplings);
                sim.relax(w, couplings, 0);
                for (int i = 0; i < count; i++) {
                    predictions[start + i] = w.prediction(i);
                    costs[start + i] = w.cost(i);
                    stepCounts[start + i] = w.steps(i);
                    locked[start + i] = w.locked(i);
                }
            }));
        }
        for (Future<?> part : parts) {
            Workers.join(part);
        }
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        int unsettled = 0;
        int unlocked = 0;
        int unlockedCorrect = 0;
        double cost = 0;
        double totalSteps = 0;
        for (int r = 0; r < samples.size(); r++) {
            confusion[samples.label(r)][predictions[r]]++;
            correct += predictions[r] == samples.label(r) ? 1 : 0;
            unsettled += stepCounts[r] >= sim.maxSteps() ? 1 : 0;
            if (!locked[r]) {
                unlocked++;
                unlockedCorrect += predictions[r] == samples.label(r) ? 1 : 0;
            }
            cost += costs[r];
            totalSteps += stepCounts[r];
        }
        int n = Math.max(1, samples.size());
        return new Evaluation(correct / (double) n, cost / n, confusion, predictions, unsettled / (double) n,
                unlocked / (double) n, unlocked == 0 ? Double.NaN : unlockedCorrect / (double) unlocked, totalSteps / n);
    }
}
