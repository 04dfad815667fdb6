package org.oscnet.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Samples;

/**
 * Starting parameters for the Kuramoto trainer.
 *
 * <p><b>Data-aware</b> (the default): oscillators outside the output pairs are parked near the
 * ends of the tuning range, alternately low and high, where they barely disturb the outputs.
 * Each output pair starts as the best one-feature "slab" classifier of its class: on the
 * feature whose distance to the class median separates the class best (balanced accuracy on
 * the training set), the pair's detuning is {@code 2k (x − median) / h}, so it reaches the
 * two-oscillator locking edge {@code 2k} exactly at the chosen half-width {@code h}. Pairs sit
 * at evenly spaced centres of the tuning range. Small seeded noise makes restarts differ.
 *
 * <p><b>Random</b>, a naive start at the coupling's own scale (the paper gives no
 * initialisation): weights N(0, (2k)²) per unit of feature, biases uniform within 2k of
 * mid-band, so pairs start mixed, locked and unlocked; the reference classifier's constants
 * uniform over the tuning range. (Wider starts detune every pair by tens of MHz and sit in the
 * sigmoid's flat tail: measured loss 0.5, unchanged over 40 iterations.)
 */
final class Initialiser {
    private static final double PARK_LOW = 0.02;
    private static final double PARK_HIGH = 0.98;
    private static final double JITTER = 0.01;

    private Initialiser() {
    }

    static double[] initial(KuramotoNetwork network, FrequencyMap map, Samples train, boolean dataAware,
            SplittableRandom random) {
        double[] params = new double[map.parameterCount()];
        int n = network.oscillators();
        double spanUnits = map.spanHz() / map.unitHz(); // the tuning range, in parameter units
        if (!map.extended()) {
            int[] tuned = map.tunedOscillators();
            for (int j = 0; j < tuned.length; j++) {
                params[j] = spanUnits * (dataAware ? (j + 1.0) / (tuned.length + 1) + JITTER * random.nextGaussian()
                        : random.nextDouble());
            }
            return params;
        }
        int features = train.featureCount();
        int stride = features + 1;
        double lockingRange = 2 * network.couplingHz() / map.unitHz(); // 2k in parameter units
        if (!dataAware) {
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < features; p++) {
                    params[i * stride + p] = lockingRange * random.nextGaussian();
                }
                params[i * stride + features] = spanUnits / 2 + lockingRange * (2 * random.nextDouble() - 1);
            }
            return params;
        }
        boolean[] output = new boolean[n];
        network.outputs().forEach(pair -> {
            output[pair.first()] = true;
            output[pair.second()] = true;
        });
        int parked = 0;
        for (int i = 0; i < n; i++) {
            if (!output[i]) {
                params[i * stride + features] = spanUnits * (parked++ % 2 == 0 ? PARK_LOW : PARK_HIGH);
            }
        }

        int pairs = network.outputs().size();
        for (int q = 0; q < pairs; q++) {
            KuramotoNetwork.OutputPair pair = network.outputs().get(q);
            Slab slab = bestSlab(train, pair.syncClass());
            double gain = lockingRange / slab.halfWidth();
            double centre = spanUnits * (q + 1.0) / (pairs + 1);
            int a = pair.first() * stride;
            int b = pair.second() * stride;
            params[a + slab.feature()] = gain / 2;
            params[a + features] = centre - gain * slab.median() / 2;
            params[b + slab.feature()] = -gain / 2;
            params[b + features] = centre + gain * slab.median() / 2;
        }
        for (int e = 0; e < params.length; e++) {
            params[e] += JITTER * spanUnits * random.nextGaussian();
        }
        return params;
    }

    /** A one-feature classifier: positive when |x_feature − median| ≤ halfWidth. */
    record Slab(int feature, double median, double halfWidth, double balancedAccuracy) {
    }

    static Slab bestSlab(Samples train, int positiveClass) {
        Slab best = null;
        for (int f = 0; f < train.featureCount(); f++) {
            double[] positives = new double[train.size()];
            int count = 0;
            for (int r = 0; r < train.size(); r++) {
                if (train.label(r) == positiveClass) {
                    positives[count++] = train.feature(r, f);
                }
            }
            if (count == 0) {
                continue;
            }
            double[] sorted = Arrays.copyOf(positives, count);
            Arrays.sort(sorted);
            double median = sorted[count / 2];
            Slab slab = bestHalfWidth(train, positiveClass, f, median, count);
            if (best == null || slab.balancedAccuracy() > best.balancedAccuracy()) {
                best = slab;
            }
        }
        return best != null ? best : new Slab(0, 0.5, 0.5, 0.5);
    }

    private static Slab bestHalfWidth(Samples train, int positiveClass, int feature, double median, int positives) {
        int rows = train.size();
        int negatives = rows - positives;
        double[][] byDistance = new double[rows][];
        for (int r = 0; r < rows; r++) {
            byDistance[r] = new double[] {Math.abs(train.feature(r, feature) - median),
                train.label(r) == positiveClass ? 1 : 0};
        }
        Arrays.sort(byDistance, (x, y) -> Double.compare(x[0], y[0]));
        double bestScore = -1;
        double bestWidth = 0.5;
        int truePositives = 0;
        int falsePositives = 0;
        for (int r = 0; r < rows; r++) {
            if (byDistance[r][1] == 1) {
                truePositives++;
            } else {
                falsePositives++;
            }
            boolean boundary = r + 1 == rows || byDistance[r + 1][0] > byDistance[r][0];
            if (!boundary) {
                continue;
            }
            double sensitivity = (double) truePositives / positives;
            double specificity = negatives == 0 ? 1 : 1 - (double) falsePositives / negatives;
            double score = (sensitivity + specificity) / 2;
            if (score > bestScore) {
                bestScore = score;
                double next = r + 1 < rows ? byDistance[r + 1][0] : byDistance[r][0] * 1.5 + 1e-3;
                bestWidth = Math.max(1e-3, (byDistance[r][0] + next) / 2);
            }
        }
        return new Slab(feature, median, bestWidth, bestScore);
    }
}
