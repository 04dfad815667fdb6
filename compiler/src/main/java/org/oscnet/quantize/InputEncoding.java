package org.oscnet.quantize;

import org.oscnet.model.FeatureMap;
import org.oscnet.model.Samples;

/**
 * What a Kuramoto core's inputs are: the features as training saw them ({@code scaled}), or the
 * data file's values ({@code raw}), in which case the dataset's scaling
 * {@code scaled = t + (raw - low)·gain} is folded into the linear encoder {@code F = W x + b}:
 * {@code W' = W·gain}, {@code b' = b + Σ_p W_p·(t - low_p·gain_p)}. The encoder stays the same
 * circuit; only its constants and the input format change.
 */
public record InputEncoding(boolean raw, FeatureMap map) {
    /** Training's own features: no folding. */
    public static InputEncoding scaled(FeatureMap map) {
        return new InputEncoding(false, map);
    }

    /** {@code "raw"} or {@code "scaled"}, as the {@code .osc} file and {@code hw.json} write it. */
    public String form() {
        return raw ? "raw" : "scaled";
    }

    /**
     * The frequency map {@code [oscillator][feature + bias]} (Hz per unit of scaled feature) as the
     * core sees it: per unit of raw feature when raw, unchanged otherwise.
     */
    public double[][] fold(double[][] frequencyHz) {
        double[][] folded = new double[frequencyHz.length][];
        double[] low = map.low();
        double[] gain = map.gain();
        for (int i = 0; i < frequencyHz.length; i++) {
            folded[i] = frequencyHz[i].clone();
            if (!raw) {
                continue;
            }
            int features = frequencyHz[i].length - 1;
            double bias = frequencyHz[i][features];
            for (int p = 0; p < features; p++) {
                folded[i][p] = frequencyHz[i][p] * gain[p];
                bias += frequencyHz[i][p] * (map.targetLow() - low[p] * gain[p]);
            }
            folded[i][features] = bias;
        }
        return folded;
    }

    /**
     * The rows the core is fed, row-major: the samples themselves when scaled, or the raw values
     * recovered by {@link FeatureMap#invert}.
     */
    public double[] rows(Samples samples) {
        return fromScaled(samples.featuresRowMajor());
    }

    /** Rows of scaled features (row-major, {@code map.features()} per row) as the core is fed them. */
    public double[] fromScaled(double[] scaledRows) {
        double[] rows = scaledRows.clone();
        if (!raw) {
            return rows;
        }
        int features = map.features();
        for (int at = 0; at < rows.length; at++) {
            rows[at] = map.invert(at % features, rows[at]);
        }
        return rows;
    }

    /**
     * Integer bits of the input format, sign included: the smallest {@code k} whose range
     * {@code [-2^(k-1), 2^(k-1))} covers twice the largest magnitude of the training rows, so test
     * rows beyond the training range keep headroom. Features scaled to 0..1 get 2 ([-2, 2)).
     */
    public int integerBits(Samples train) {
        double largest = 0;
        for (double value : rows(train)) {
            largest = Math.max(largest, Math.abs(value));
        }
        int bits = 1;
        while (Math.scalb(1.0, bits - 1) < 2 * largest) {
            bits++;
        }
        return bits;
    }
}
