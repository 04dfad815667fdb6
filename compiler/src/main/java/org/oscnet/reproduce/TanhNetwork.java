package org.oscnet.reproduce;

import java.util.SplittableRandom;
import org.oscnet.model.Samples;

/**
 * The conventional baseline of seed paper 4's table: a one-hidden-layer perceptron with tanh units
 * and a softmax output, trained by backpropagation of the cross-entropy with plain minibatch SGD
 * (Glorot-uniform start, zero biases, a seeded shuffle every epoch).
 */
final class TanhNetwork {
    private final int inputs;
    private final int hidden;
    private final int classes;
    /** {@code first[h * inputs + i]}, {@code second[c * hidden + h]}. */
    private final double[] first;
    private final double[] firstBias;
    private final double[] second;
    private final double[] secondBias;

    private TanhNetwork(int inputs, int hidden, int classes, SplittableRandom random) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        first = glorot(inputs * hidden, inputs, hidden, random);
        firstBias = new double[hidden];
        second = glorot(hidden * classes, hidden, classes, random);
        secondBias = new double[classes];
    }

    private static double[] glorot(int count, int fanIn, int fanOut, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
            w[i] = limit * (2 * random.nextDouble() - 1);
        }
        return w;
    }

    /** The test accuracy after {@code epochs} passes of minibatch SGD over {@code train}. */
    static double testAccuracy(Samples train, Samples test, int hidden, int epochs, int batch, double learningRate,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int classes = 1 + java.util.stream.IntStream.range(0, train.size()).map(train::label).max().orElse(0);
        TanhNetwork net = new TanhNetwork(train.featureCount(), hidden, classes, random);
        net.fit(train, epochs, batch, learningRate, random);
        return net.accuracy(test);
    }

    private void fit(Samples train, int epochs, int batch, double learningRate, SplittableRandom random) {
        double[] gFirst = new double[first.length];
        double[] gFirstBias = new double[hidden];
        double[] gSecond = new double[second.length];
        double[] gSecondBias = new double[classes];
        double[] x = new double[inputs];
        double[] h = new double[hidden];
        double[] p = new double[classes];
        double[] dh = new double[hidden];
        int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Perceptron.shuffle(order, random);
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(order.length, from + batch);
                java.util.Arrays.fill(gFirst, 0);
                java.util.Arrays.fill(gFirstBias, 0);
                java.util.Arrays.fill(gSecond, 0);
                java.util.Arrays.fill(gSecondBias, 0);
                for (int k = from; k < to; k++) {
                    int r = order[k];
                    for (int i = 0; i < inputs; i++) {
                        x[i] = train.feature(r, i);
                    }
                    forward(x, h, p);
                    p[train.label(r)] -= 1;   // d(cross-entropy)/d(logits) = softmax - one-hot
                    java.util.Arrays.fill(dh, 0);
                    for (int c = 0; c < classes; c++) {
                        gSecondBias[c] += p[c];
                        for (int j = 0; j < hidden; j++) {
                            gSecond[c * hidden + j] += p[c] * h[j];
                            dh[j] += p[c] * second[c * hidden + j];
                        }
                    }
                    for (int j = 0; j < hidden; j++) {
                        double d = dh[j] * (1 - h[j] * h[j]);
                        gFirstBias[j] += d;
                        if (d == 0) {
                            continue;
                        }
                        int row = j * inputs;
                        for (int i = 0; i < inputs; i++) {
                            gFirst[row + i] += d * x[i];
                        }
                    }
                }
                double scale = learningRate / (to - from);
                step(first, gFirst, scale);
                step(firstBias, gFirstBias, scale);
                step(second, gSecond, scale);
                step(secondBias, gSecondBias, scale);
            }
        }
    }

    private static void step(double[] w, double[] g, double scale) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= scale * g[i];
        }
    }

    /** Hidden activations into {@code h}, class probabilities into {@code p}. */
    private void forward(double[] x, double[] h, double[] p) {
        for (int j = 0; j < hidden; j++) {
            double s = firstBias[j];
            int row = j * inputs;
            for (int i = 0; i < inputs; i++) {
                s += first[row + i] * x[i];
            }
            h[j] = Math.tanh(s);
        }
        double largest = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = secondBias[c];
            for (int j = 0; j < hidden; j++) {
                s += second[c * hidden + j] * h[j];
            }
            p[c] = s;
            largest = Math.max(largest, s);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - largest);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
    }

    private double accuracy(Samples test) {
        double[] x = new double[inputs];
        double[] h = new double[hidden];
        double[] p = new double[classes];
        int correct = 0;
        for (int r = 0; r < test.size(); r++) {
            for (int i = 0; i < inputs; i++) {
                x[i] = test.feature(r, i);
            }
            forward(x, h, p);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                best = p[c] > p[best] ? c : best;
            }
            correct += best == test.label(r) ? 1 : 0;
        }
        return correct / (double) test.size();
    }
}
