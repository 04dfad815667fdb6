package org.oscnet.train;

/**
 * The per-pair loss of seed paper 1. With {@code D = |f̄_a − f̄_b| / (k/2)} (the pair counts as
 * synchronised when D ≤ 1): {@code ½D²} for D ≤ 1 and {@code σ(4(D − 1))} beyond when
 * synchronisation is wanted, one minus that when it is not. Continuous at D = 1 (both ½).
 */
public final class PairLoss {
    private PairLoss() {
    }

    public static double loss(double d, boolean syncWanted) {
        double wanted = d <= 1.0 ? 0.5 * d * d : sigmoid(4 * (d - 1));
        return syncWanted ? wanted : 1.0 - wanted;
    }

    /** dLoss/dD. */
    public static double slope(double d, boolean syncWanted) {
        double s = sigmoid(4 * (d - 1));
        double wanted = d <= 1.0 ? d : 4 * s * (1 - s);
        return syncWanted ? wanted : -wanted;
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
