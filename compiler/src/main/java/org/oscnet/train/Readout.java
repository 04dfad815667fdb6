package org.oscnet.train;

import java.util.List;
import org.oscnet.model.KuramotoNetwork;

/**
 * Reads classes from mean frequencies. One output pair: the example is positive when the pair
 * synchronises ({@code D ≤ 1}). Several pairs, one per class: the predicted class is the pair
 * that synchronises best (smallest D).
 */
public final class Readout {
    private final int n;
    private final double halfCoupling;
    private final List<KuramotoNetwork.OutputPair> pairs;

    public Readout(KuramotoNetwork network) {
        this(network.oscillators(), network.couplingHz(), network.outputs());
    }

    /** The read-out of n oscillators coupled with strength k, from its output pairs. */
    public Readout(int n, double couplingHz, List<KuramotoNetwork.OutputPair> pairs) {
        this.n = n;
        this.halfCoupling = couplingHz / 2;
        this.pairs = List.copyOf(pairs);
    }

    int pairCount() {
        return pairs.size();
    }

    KuramotoNetwork.OutputPair pair(int p) {
        return pairs.get(p);
    }

    /** {@code D = |f̄_a − f̄_b| / (k/2)} of pair p for example r. */
    public double distance(double[] mean, int r, int p) {
        KuramotoNetwork.OutputPair pair = pairs.get(p);
        return Math.abs(mean[r * n + pair.first()] - mean[r * n + pair.second()]) / halfCoupling;
    }

    double halfCoupling() {
        return halfCoupling;
    }

    /** The fraction of examples classified correctly, {@code meanHz} {@code [examples × n]}. */
    public double accuracy(double[] meanHz, int[] labels) {
        int correct = 0;
        for (int r = 0; r < labels.length; r++) {
            correct += correct(meanHz, r, labels[r]) ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    /** Whether example r is classified correctly. */
    public boolean correct(double[] mean, int r, int label) {
        if (pairs.size() == 1) {
            return (distance(mean, r, 0) <= 1.0) == (label == pairs.get(0).syncClass());
        }
        return predictedClass(mean, r) == label;
    }

    /** The class of the best-synchronised pair (multi-class); for one pair, its class or -1. */
    public int predictedClass(double[] mean, int r) {
        if (pairs.size() == 1) {
            return distance(mean, r, 0) <= 1.0 ? pairs.get(0).syncClass() : -1;
        }
        int best = 0;
        for (int p = 1; p < pairs.size(); p++) {
            if (distance(mean, r, p) < distance(mean, r, best)) {
                best = p;
            }
        }
        return pairs.get(best).syncClass();
    }
}
