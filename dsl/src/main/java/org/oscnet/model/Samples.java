package org.oscnet.model;

import java.util.Arrays;

/**
 * Labelled examples: a row-major feature matrix and one class index per row. Immutable; the
 * accessors hand out copies, so simulators may keep them in their own primitive arrays.
 */
public final class Samples {
    private final double[] features;
    private final int[] labels;
    private final int featureCount;

    public Samples(double[][] rows, int[] labels) {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        this.featureCount = rows.length == 0 ? 0 : rows[0].length;
        this.features = new double[rows.length * featureCount];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != featureCount) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, not " + featureCount);
            }
            System.arraycopy(rows[i], 0, features, i * featureCount, featureCount);
        }
        this.labels = labels.clone();
    }

    public int size() {
        return labels.length;
    }

    public int featureCount() {
        return featureCount;
    }

    public double feature(int row, int column) {
        return features[row * featureCount + column];
    }

    public int label(int row) {
        return labels[row];
    }

    /** A fresh copy of the features, row-major: {@code [row * featureCount + column]}. */
    public double[] featuresRowMajor() {
        return features.clone();
    }

    public double[] row(int row) {
        return Arrays.copyOfRange(features, row * featureCount, (row + 1) * featureCount);
    }

    public int[] labels() {
        return labels.clone();
    }

    /** How many rows carry each class index, for {@code classCount} classes. */
    public int[] classCounts(int classCount) {
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
