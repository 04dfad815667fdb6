package org.oscnet.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.oscnet.model.Dataset;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Samples;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.sim.Seeds;

/**
 * Trains a Kuramoto classifier (seed paper 1) by the offline gradient rule: each iteration
 * simulates the batch from fresh random phases, propagates forward-mode sensitivities to get
 * {@code ∂f̄/∂F} (optionally squashed by tanh), and takes an Adam step on the paper's pair loss.
 * The reference classifier can also be trained by the online rule of Vassilieva et al.
 *
 * <p>Each iteration's loss comes from one random phase draw, so it is noisy near the locking
 * edge; the parameters kept are those of the iteration with the lowest training loss, and with
 * {@code restarts} > 1 the restart with the lowest such loss. Test data never chooses anything.
 */
public final class KuramotoTrainer {
    private final KuramotoNetwork network;
    private final Dataset dataset;
    private final Training training;
    private final TrainingListener listener;
    private final int threads;
    final FrequencyMap map;
    private final Readout readout;
    private boolean adjointFallbackNoted;

    public KuramotoTrainer(KuramotoNetwork network, Dataset dataset, Training training, TrainingListener listener,
            int threads) {
        this.network = network;
        this.dataset = dataset;
        this.training = training;
        this.listener = listener;
        this.threads = threads;
        this.map = new FrequencyMap(network, dataset.featureCount());
        this.readout = new Readout(network);
    }

    public TrainedKuramoto train() {
        long start = System.nanoTime();
        Samples train = dataset.train();
        double[] x = train.featuresRowMajor();
        int[] labels = train.labels();
        List<Double> restartLosses = new ArrayList<>();
        Run best = null;
        int bestRestart = 0;
        for (int r = 0; r < training.restarts(); r++) {
            Run run = training.method() instanceof TrainingMethod.OnlineRule online
                    ? trainOnline(r, x, labels, online) : trainOffline(r, x, labels);
            restartLosses.add(run.keptLoss);
            if (best == null || run.keptLoss < best.keptLoss) {
                best = run;
                bestRestart = r;
            }
        }
        KuramotoSimulator evaluation = simulator();
        long evaluationRun = 1L << 40;
        Evaluation trainEval = evaluate(evaluation, best.params, train, evaluationRun);
        Evaluation testEval = evaluate(evaluation, best.params, dataset.test(), evaluationRun + 1);
        return new TrainedKuramoto(network.name(), inputWeightsHz(best.params), tunedFrequenciesHz(best.params),
                trainEval.accuracy, testEval.accuracy, best.keptLoss, best.losses, best.accuracies, restartLosses,
                bestRestart, best.start, testEval.confusion, (System.nanoTime() - start) / 1e9);
    }

    private record Run(double[] params, double keptLoss, List<Double> losses, List<Double> accuracies,
            String start) {
    }

    /** The phase draw on which {@code init shapes} compares its candidates; no training iteration uses it. */
    private static final long SHAPE_RUN = 1L << 41;

    private Run trainOffline(int restart, double[] xAll, int[] labelsAll) {
        TrainingMethod.OfflineGradient method = (TrainingMethod.OfflineGradient) training.method();
        SplittableRandom random = new SplittableRandom(Seeds.derive(training.seed(), restart, -1));
        KuramotoSimulator simulator = simulator();
        ShapeStarts.Start start = method.init() == TrainingMethod.Init.SHAPES
                ? bestShape(method, simulator, xAll, labelsAll, random)
                : new ShapeStarts.Start(method.init() == TrainingMethod.Init.RANDOM ? "random"
                        : map.extended() ? "slab" : "evenly spaced",
                        Initialiser.initial(network, map, dataset.train(), method.init() == TrainingMethod.Init.DATA,
                                random));
        double[] params = start.params();
        Adam adam = new Adam(training.optimizer(), params.length);
        int features = dataset.featureCount();
        List<Double> losses = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        double loss = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] bestParams = params.clone();
        int iterations = training.steps();
        for (int it = 0; it < iterations; it++) {
            int[] rows = batchRows(labelsAll, restart, it);
            int m = rows.length;
            double[] x = new double[m * features];
            int[] labels = new int[m];
            for (int b = 0; b < m; b++) {
                System.arraycopy(xAll, rows[b] * features, x, b * features, features);
                labels[b] = labelsAll[rows[b]];
            }
            double[] gradient = new double[params.length];
            long run = (long) restart * iterations + it;
            LossAndAccuracy step = lossAndGradient(method, simulator, params, x, labels, run, gradient);
            loss = step.loss();
            if (loss < bestLoss) {
                bestLoss = loss;
                bestParams = params.clone();
            }
            adam.step(params, gradient, epochOf(it, m));
            double accuracy = step.accuracy();
            losses.add(loss);
            accuracies.add(accuracy);
            listener.iteration(restart, training.restarts(), it + 1, iterations, loss, accuracy);
        }
        return new Run(bestParams, bestLoss, losses, accuracies, start.description());
    }

    /**
     * {@code init shapes}: the slab start and every {@link ShapeStarts} candidate, simulated on the
     * whole training set from one phase draw (all in one batch); the one with the lowest training
     * loss. The test set plays no part.
     */
    private ShapeStarts.Start bestShape(TrainingMethod.OfflineGradient method, KuramotoSimulator simulator,
            double[] x, int[] labels, SplittableRandom random) {
        List<ShapeStarts.Start> starts = new ArrayList<>();
        starts.add(new ShapeStarts.Start("slab", Initialiser.initial(network, map, dataset.train(), true, random)));
        starts.addAll(ShapeStarts.candidates(network, map, dataset.train()));
        int m = labels.length;
        int n = network.oscillators();
        double[] natural = new double[starts.size() * m * n];
        for (int c = 0; c < starts.size(); c++) {
            System.arraycopy(map.natural(starts.get(c).params(), x, m), 0, natural, c * m * n, m * n);
        }
        double[] mean = simulator.meanFrequencies(natural, starts.size() * m, training.seed(), SHAPE_RUN);
        double[] weights = exampleWeights(labels, method.balanceClasses());
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int c = 0; c < starts.size(); c++) {
            double loss = 0;
            for (int b = 0; b < m; b++) {
                for (int p = 0; p < readout.pairCount(); p++) {
                    loss += weights[b * readout.pairCount() + p] * PairLoss.loss(
                            readout.distance(mean, c * m + b, p), labels[b] == readout.pair(p).syncClass());
                }
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = c;
            }
        }
        listener.note(String.format(java.util.Locale.ROOT, "start: %s (training loss %.4f; best of %d shapes)",
                starts.get(best).description(), bestLoss, starts.size()));
        return starts.get(best);
    }

    record LossAndAccuracy(double loss, double accuracy) {
    }

    /**
     * The weighted pair loss of one batch, simulated from the phases of {@code run}, and its
     * gradient with respect to the parameters (added into {@code gradientOut}).
     */
    LossAndAccuracy lossAndGradient(TrainingMethod.OfflineGradient method, KuramotoSimulator simulator,
            double[] params, double[] x, int[] labels, long run, double[] gradientOut) {
        int n = network.oscillators();
        int m = labels.length;
        double[] natural = map.natural(params, x, m);
        double[] mean = new double[m * n];
        double[] jacobian = new double[m * n * n];
        boolean phases = method.locked() == TrainingMethod.LockedGradient.PHASE;
        double[] finalTurns = phases ? new double[m * n] : null;
        double[] finalSens = phases ? new double[m * n * n] : null;
        if (method.jacobian() == TrainingMethod.Jacobian.ADJOINT && adjointFits(simulator)) {
            adjointRows(simulator, natural, m, run, mean, jacobian, finalTurns, finalSens);
        } else {
            simulator.meanFrequenciesWithJacobian(natural, m, training.seed(), run, mean, jacobian, finalTurns,
                    finalSens);
        }
        double[] weights = exampleWeights(labels, method.balanceClasses());
        double[] lossPerHz = new double[m * n];
        double loss = 0;
        int correct = 0;
        for (int b = 0; b < m; b++) {
            correct += readout.correct(mean, b, labels[b]) ? 1 : 0;
            for (int p = 0; p < readout.pairCount(); p++) {
                KuramotoNetwork.OutputPair pair = readout.pair(p);
                boolean wanted = labels[b] == pair.syncClass();
                double d = readout.distance(mean, b, p);
                double w = weights[b * readout.pairCount() + p];
                loss += w * PairLoss.loss(d, wanted);
                if (d <= 1.0 && method.locked() == TrainingMethod.LockedGradient.PHASE) {
                    lockedPhaseGradient(method, finalTurns, finalSens, b, pair, w * PairLoss.slope(Math.min(1.0,
                            lockedPhaseDepth(finalTurns, b, pair)), wanted), lossPerHz);
                    continue;
                }
                if (d <= 1.0 && method.locked() == TrainingMethod.LockedGradient.DETUNING) {
                    // Locked: f̄_a − f̄_b no longer moves with F; the natural detuning, relative to the
                    // two-oscillator locking range 2k, says how deep in the lock the pair sits.
                    double detuning = natural[b * n + pair.first()] - natural[b * n + pair.second()];
                    double lockingRange = 2 * network.couplingHz();
                    double depth = Math.min(1.0, Math.abs(detuning) / lockingRange);
                    double g = w * PairLoss.slope(depth, wanted) * Math.signum(detuning) / lockingRange;
                    lossPerHz[b * n + pair.first()] += g;
                    lossPerHz[b * n + pair.second()] -= g;
                    continue;
                }
                double diff = mean[b * n + pair.first()] - mean[b * n + pair.second()];
                double dLossDDiff = w * PairLoss.slope(d, wanted) * Math.signum(diff) / readout.halfCoupling();
                int base = b * n * n;
                for (int k = 0; k < n; k++) {
                    double ja = jacobian[base + pair.first() * n + k];
                    double jb = jacobian[base + pair.second() * n + k];
                    if (method.squashTanh()) {
                        ja = Math.tanh(ja);
                        jb = Math.tanh(jb);
                    }
                    lossPerHz[b * n + k] += dLossDDiff * (ja - jb);
                }
            }
        }
        double[] gradient = map.backpropagate(params, x, m, lossPerHz);
        for (int e = 0; e < gradient.length; e++) {
            gradientOut[e] += gradient[e];
        }
        return new LossAndAccuracy(loss, (double) correct / m);
    }

    /**
     * Whether the adjoint's kept sines and cosines fit in half the heap on every thread; if not,
     * training falls back to forward sensitivities (the same gradient to rounding) and says so once.
     */
    private boolean adjointFits(KuramotoSimulator simulator) {
        long needed = simulator.adjointBytesPerThread() * simulator.threads();
        boolean fits = needed <= Runtime.getRuntime().maxMemory() / 2 && simulator.adjointBytesPerThread() / 8
                < Integer.MAX_VALUE - 8;
        if (!fits && !adjointFallbackNoted) {
            adjointFallbackNoted = true;
            listener.note(String.format(java.util.Locale.ROOT, "jacobian adjoint would keep %.0f MB of sines and"
                    + " cosines (%d threads) in a heap of %.0f MB: using forward sensitivities instead (the same"
                    + " gradient; write `jacobian forward` to silence this, or give Java more memory with -Xmx)",
                    needed / 1e6, simulator.threads(), Runtime.getRuntime().maxMemory() / 1e6));
        }
        return fits;
    }

    /**
     * The rows of the output oscillators, the only ones the pair loss reads, by the adjoint
     * method, placed into the full {@code [m × n × n]} layout (the other rows stay zero).
     */
    private void adjointRows(KuramotoSimulator simulator, double[] natural, int m, long run, double[] mean,
            double[] jacobian, double[] finalTurns, double[] finalSens) {
        int n = network.oscillators();
        int[] rows = network.outputs().stream()
                .flatMapToInt(p -> java.util.stream.IntStream.of(p.first(), p.second())).distinct().toArray();
        double[] jacobianRows = new double[m * rows.length * n];
        double[] finalRows = finalSens == null ? null : new double[m * rows.length * n];
        simulator.meanFrequenciesWithJacobianRows(natural, m, training.seed(), run, rows, mean, jacobianRows,
                finalTurns, finalRows);
        for (int b = 0; b < m; b++) {
            for (int q = 0; q < rows.length; q++) {
                int from = (b * rows.length + q) * n;
                int to = (b * n + rows[q]) * n;
                System.arraycopy(jacobianRows, from, jacobian, to, n);
                if (finalRows != null) {
                    System.arraycopy(finalRows, from, finalSens, to, n);
                }
            }
        }
    }

    /** The pair's final phase difference, wrapped to half a turn either way. */
    private static double lockedPhaseTurns(double[] finalTurns, int example, int n, KuramotoNetwork.OutputPair pair) {
        double psi = finalTurns[example * n + pair.first()] - finalTurns[example * n + pair.second()];
        return psi - Math.rint(psi);
    }

    /**
     * How deep in its lock a synchronised pair sits: {@code |ψ| / (π/2)}. For two oscillators
     * {@code sin ψ = ΔF / 2k}, so 1 is the edge of the two-oscillator locking range; a pair held
     * together through other oscillators can sit deeper than that.
     */
    private double lockedPhaseDepth(double[] finalTurns, int example, KuramotoNetwork.OutputPair pair) {
        return 4 * Math.abs(lockedPhaseTurns(finalTurns, example, network.oscillators(), pair));
    }

    /**
     * Adds {@code dLoss/dDepth · ∂depth/∂F} of a locked pair into {@code lossPerHz}. The phase
     * sensitivities come from the whole network, so a third oscillator that holds the pair
     * together is pushed too. Each sensitivity is taken per unit of {@code ΔF / 2k} and, with
     * the tanh option, squashed like the frequency Jacobian.
     */
    private void lockedPhaseGradient(TrainingMethod.OfflineGradient method, double[] finalTurns, double[] finalSens,
            int example, KuramotoNetwork.OutputPair pair, double dLossDDepth, double[] lossPerHz) {
        int n = network.oscillators();
        double lockingRange = 2 * network.couplingHz();
        double sign = Math.signum(lockedPhaseTurns(finalTurns, example, n, pair));
        int base = example * n * n;
        for (int k = 0; k < n; k++) {
            double dPsi = finalSens[base + pair.first() * n + k] - finalSens[base + pair.second() * n + k];
            double dDepth = 4 * dPsi * lockingRange; // ∂depth / ∂(F_k / 2k)
            if (method.squashTanh()) {
                dDepth = Math.tanh(dDepth);
            }
            lossPerHz[example * n + k] += dLossDDepth * sign * dDepth / lockingRange;
        }
    }

    /**
     * The online rule of Vassilieva et al. for the reference classifier, applied once per pass
     * over the training set (the pass is simulated in parallel; the pushes are averaged): for a
     * misclassified example, every tuned oscillator moves by {@code rate} towards the output
     * pair's mean frequency when synchronisation was wanted, away from it when it was not.
     */
    private Run trainOnline(int restart, double[] x, int[] labels, TrainingMethod.OnlineRule rule) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(training.seed(), restart, -1));
        double[] params = Initialiser.initial(network, map, dataset.train(), true, random);
        int[] tuned = map.tunedOscillators();
        KuramotoSimulator simulator = simulator();
        int n = network.oscillators();
        int m = labels.length;
        double step = rule.rateHz() / map.unitHz();
        List<Double> losses = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        double[] weights = exampleWeights(labels, false);
        double loss = Double.NaN;
        for (int it = 0; it < training.steps(); it++) {
            double[] mean = simulator.meanFrequencies(map.natural(params, x, m), m, training.seed(),
                    (long) restart * training.steps() + it);
            double[] push = new double[tuned.length];
            int correct = 0;
            loss = 0;
            KuramotoNetwork.OutputPair pair = readout.pair(0);
            for (int b = 0; b < m; b++) {
                boolean wanted = labels[b] == pair.syncClass();
                loss += weights[b] * PairLoss.loss(readout.distance(mean, b, 0), wanted);
                if (readout.correct(mean, b, labels[b])) {
                    correct++;
                    continue;
                }
                double centre = (mean[b * n + pair.first()] + mean[b * n + pair.second()]) / 2;
                for (int j = 0; j < tuned.length; j++) {
                    double towards = Math.signum(centre - mean[b * n + tuned[j]]);
                    push[j] += wanted ? towards : -towards;
                }
            }
            double top = map.spanHz() / map.unitHz();
            int wrong = Math.max(1, m - correct);
            for (int j = 0; j < tuned.length; j++) {
                params[j] = Math.min(top, Math.max(0, params[j] + step * push[j] / wrong));
            }
            double accuracy = (double) correct / m;
            losses.add(loss);
            accuracies.add(accuracy);
            listener.iteration(restart, training.restarts(), it + 1, training.steps(), loss, accuracy);
        }
        return new Run(params, loss, losses, accuracies, "evenly spaced");
    }

    /** Row indices of this iteration's batch: all rows, or a seeded sample (per class if asked). */
    private int[] batchRows(int[] labels, int restart, int iteration) {
        int size = training.batchSize();
        if (size == 0) {
            return java.util.stream.IntStream.range(0, labels.length).toArray();
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(training.seed(), restart, iteration + (1L << 32)));
        List<Integer> chosen = new ArrayList<>();
        if (training.batchPerClass()) {
            for (int c = 0; c < dataset.classCount(); c++) {
                final int cls = c;
                int[] members = java.util.stream.IntStream.range(0, labels.length).filter(r -> labels[r] == cls).toArray();
                sample(members, size, random).forEach(chosen::add);
            }
        } else {
            sample(java.util.stream.IntStream.range(0, labels.length).toArray(), size, random).forEach(chosen::add);
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static List<Integer> sample(int[] from, int count, SplittableRandom random) {
        int[] copy = from.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return Arrays.stream(copy, 0, Math.min(count, copy.length)).boxed().toList();
    }

    private double epochOf(int iteration, int batch) {
        return (double) iteration * batch / dataset.train().size();
    }

    /**
     * Weight of each (example, pair) term of the loss. Balanced: positives and negatives of each
     * pair carry half the weight each (one-vs-rest tasks have twice as many negatives); otherwise
     * every example counts the same. Weights sum to 1 per pair, divided among the pairs.
     */
    private double[] exampleWeights(int[] labels, boolean balance) {
        int pairs = readout.pairCount();
        double[] weights = new double[labels.length * pairs];
        for (int p = 0; p < pairs; p++) {
            int positives = 0;
            for (int label : labels) {
                positives += label == readout.pair(p).syncClass() ? 1 : 0;
            }
            int negatives = labels.length - positives;
            for (int b = 0; b < labels.length; b++) {
                boolean positive = labels[b] == readout.pair(p).syncClass();
                double w;
                if (!balance || positives == 0 || negatives == 0) {
                    w = 1.0 / labels.length;
                } else {
                    w = positive ? 0.5 / positives : 0.5 / negatives;
                }
                weights[b * pairs + p] = w / pairs;
            }
        }
        return weights;
    }

    KuramotoSimulator simulator() {
        return KuramotoSimulator.forNetwork(network, threads);
    }

    private record Evaluation(double accuracy, int[][] confusion) {
    }

    private Evaluation evaluate(KuramotoSimulator simulator, double[] params, Samples samples, long run) {
        int m = samples.size();
        int classes = readout.pairCount() == 1 ? 2 : dataset.classCount();
        int[][] confusion = new int[classes][classes];
        if (m == 0) {
            return new Evaluation(Double.NaN, confusion);
        }
        double[] mean = simulator.meanFrequencies(map.natural(params, samples.featuresRowMajor(), m), m,
                training.seed(), run);
        int correct = 0;
        for (int r = 0; r < m; r++) {
            int label = samples.label(r);
            correct += readout.correct(mean, r, label) ? 1 : 0;
            if (readout.pairCount() == 1) {
                int truth = label == readout.pair(0).syncClass() ? 1 : 0;
                confusion[truth][readout.predictedClass(mean, r) >= 0 ? 1 : 0]++;
            } else {
                confusion[label][readout.predictedClass(mean, r)]++;
            }
        }
        return new Evaluation((double) correct / m, confusion);
    }

    private double[][] inputWeightsHz(double[] params) {
        if (!map.extended()) {
            return new double[0][];
        }
        int n = network.oscillators();
        int features = dataset.featureCount();
        double[][] w = new double[n][features + 1];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < features; p++) {
                w[i][p] = params[i * (features + 1) + p] * map.unitHz();
            }
            w[i][features] = map.lowHz() + params[i * (features + 1) + features] * map.unitHz();
        }
        return w;
    }

    private double[] tunedFrequenciesHz(double[] params) {
        if (map.extended()) {
            return new double[0];
        }
        double[] f = new double[network.oscillators()];
        Arrays.fill(f, Double.NaN);
        int[] tuned = map.tunedOscillators();
        for (int j = 0; j < tuned.length; j++) {
            f[tuned[j]] = Math.min(map.lowHz() + map.spanHz(), Math.max(map.lowHz(), map.lowHz() + params[j] * map.unitHz()));
        }
        return f;
    }
}
