package org.oscnet.model;

/**
 * The resolved per-feature map from raw file values to the values training sees:
 * {@code scaled = targetLow + (raw - low[f]) * gain[f]}. Unlike {@link FeatureScaling}, which
 * says what the dataset block asked for, this holds the numbers (the training set's minima and
 * gains), so a deployed model can scale new raw rows exactly as the training rows were.
 */
public record FeatureMap(double[] low, double[] gain, double targetLow) {
    public FeatureMap {
        if (low.length != gain.length) {
            throw new IllegalArgumentException(low.length + " minima but " + gain.length + " gains");
        }
        low = low.clone();
        gain = gain.clone();
    }

    /** Features as they are in the file. */
    public static FeatureMap identity(int features) {
        double[] ones = new double[features];
        java.util.Arrays.fill(ones, 1.0);
        return new FeatureMap(new double[features], ones, 0.0);
    }

    public int features() {
        return low.length;
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] gain() {
        return gain.clone();
    }

    /** Scales feature {@code f}; the one formula both the checker and generated models use. */
    public double apply(int f, double raw) {
        return targetLow + (raw - low[f]) * gain[f];
    }

    /**
     * The raw value that {@link #apply} maps to {@code scaled} (exact to rounding); a constant
     * feature, whose gain is 0, comes back as its training value {@code low[f]}.
     */
    public double invert(int f, double scaled) {
        return gain[f] == 0 ? low[f] : low[f] + (scaled - targetLow) / gain[f];
    }
}
