package org.oscnet.dsl.check;

import org.oscnet.model.FeatureMap;
import org.oscnet.model.FeatureScaling;

/** Applies a {@link FeatureScaling} in place; data-derived ranges come from the training rows only. */
final class Scaler {
    private Scaler() {
    }

    /** Scales {@code train} and {@code test} in place and returns the map it applied. */
    static FeatureMap apply(FeatureScaling scaling, double[][] train, double[][] test) {
        int features = train.length == 0 ? 0 : train[0].length;
        if (!scaling.enabled() || train.length == 0) {
            return FeatureMap.identity(features);
        }
        double[] lows = new double[features];
        double[] gains = new double[features];
        for (int f = 0; f < features; f++) {
            double low = scaling.low();
            double high = scaling.high();
            if (scaling.fromTrainingData()) {
                low = Double.POSITIVE_INFINITY;
                high = Double.NEGATIVE_INFINITY;
                for (double[] row : train) {
                    low = Math.min(low, row[f]);
                    high = Math.max(high, row[f]);
                }
            }
            lows[f] = low;
            // A constant feature carries no information; map it to the low end rather than divide by zero.
            gains[f] = high > low ? (scaling.targetHigh() - scaling.targetLow()) / (high - low) : 0.0;
        }
        FeatureMap map = new FeatureMap(lows, gains, scaling.targetLow());
        for (double[][] rows : new double[][][] {train, test}) {
            for (double[] row : rows) {
                for (int f = 0; f < features; f++) {
                    row[f] = map.apply(f, row[f]);
                }
            }
        }
        return map;
    }
}
