package org.oscnet.reproduce;

import java.util.SplittableRandom;
import org.oscnet.model.Samples;

/** The classic perceptron (Rosenblatt), one class against the rest: the paper's linear baseline. */
final class Perceptron {
    private Perceptron() {
    }

    /** Test accuracy after {@code epochs} passes in a seeded random order. */
    static double testAccuracy(Samples train, Samples test, int positiveClass, int epochs, long seed) {
        int features = train.featureCount();
        double[] w = new double[features + 1];
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int r : order) {
                int target = train.label(r) == positiveClass ? 1 : -1;
                if (target * score(w, train, r) <= 0) {
                    for (int p = 0; p < features; p++) {
                        w[p] += target * train.feature(r, p);
                    }
                    w[features] += target;
                }
            }
        }
        int correct = 0;
        for (int r = 0; r < test.size(); r++) {
            boolean positive = score(w, test, r) > 0;
            correct += positive == (test.label(r) == positiveClass) ? 1 : 0;
        }
        return (double) correct / test.size();
    }

    /** A Fisher-Yates shuffle in place, from {@code random}. */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static double score(double[] w, Samples samples, int r) {
        int features = samples.featureCount();
        double s = w[features];
        for (int p = 0; p < features; p++) {
            s += w[p] * samples.feature(r, p);
        }
        return s;
    }
}
