package org.oscnet.model;

/**
 * The affine map applied to every raw feature: {@code [low, high] -> [targetLow, targetHigh]}.
 * {@code fromTrainingData} is true when low and high were each feature's training-set minimum
 * and maximum (then {@code low}/{@code high} hold NaN and the per-feature values are not kept);
 * false for a fixed source range. {@link #NONE} leaves features as they are in the file.
 */
public record FeatureScaling(boolean enabled, boolean fromTrainingData, double low, double high, double targetLow,
        double targetHigh) {

    public static final FeatureScaling NONE = new FeatureScaling(false, false, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);
}
