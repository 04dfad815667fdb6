package org.oscnet.sweep;

import java.util.Arrays;
import java.util.List;

/**
 * Mean and standard deviation of a figure over seeds, written once for every report. Reproductions give the
 * population standard deviation (the spread of the seeds that ran, as the seed papers report theirs); sweep
 * summaries the sample standard deviation (an estimate for further seeds). Both are NaN without values.
 */
public final class SeedSpread {
    private SeedSpread() {
    }

    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    public static double mean(List<Double> values) {
        return mean(unboxed(values));
    }

    /** The population standard deviation: the root of the mean squared deviation. */
    public static double std(double[] values) {
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(Double.NaN));
    }

    public static double std(List<Double> values) {
        return std(unboxed(values));
    }

    /** The sample standard deviation (divided by n − 1); NaN for fewer than two values. */
    public static double sampleStd(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
