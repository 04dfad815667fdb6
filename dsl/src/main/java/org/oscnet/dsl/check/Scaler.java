package org.oscnet.dsl.check;

import org.oscnet.model.FeatureScaling;

/** Applies a {@link FeatureScaling} in place; data-derived ranges come from the training rows only. */
final class Scaler {
    private Scaler() {
    }

    static void apply(FeatureScaling scaling, double[][] train, double[][] test) {
        if (!scaling.enabled() || train.length == 0) {
            return;
        }
        int features = train[0].length;
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
            // A constant feature carries no information; map it to the low end rather than divide by zero.
            double gain = high > low ? (scaling.targetHigh() - scaling.targetLow()) / (high - low) : 0.0;
            for (double[] row : train) {
                row[f] = scaling.targetLow() + (row[f] - low) * gain;
            }
            for (double[] row : test) {
                row[f] = scaling.targetLow() + (row[f] - low) * gain;
            }
        }
    }
}
