package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oscnet.model.FeatureMap;
import org.oscnet.model.Samples;

/**
 * {@code input raw}: the dataset's scaling folded into the encoder gives the natural frequencies
 * training meant, from raw rows, in floating point and in the quantized plan.
 */
class InputEncodingTest {
    private static final int FEATURES = 4;

    /** A scaling like `scale features to a..b` makes: minima, gains and a target low end (one feature constant). */
    private static FeatureMap map(Random rng) {
        double[] low = new double[FEATURES];
        double[] gain = new double[FEATURES];
        for (int p = 0; p < FEATURES; p++) {
            low[p] = -3 + 10 * rng.nextDouble();
            gain[p] = p == FEATURES - 1 ? 0.0 : 0.05 + 2 * rng.nextDouble();
        }
        return new FeatureMap(low, gain, rng.nextBoolean() ? 0.0 : -1.0);
    }

    private static double[] rawRow(Random rng, FeatureMap map) {
        double[] raw = new double[FEATURES];
        for (int p = 0; p < FEATURES; p++) {
            // the constant feature keeps its training value, as in a real dataset's training rows
            raw[p] = map.gain()[p] == 0 ? map.low()[p] : map.low()[p] + 3 * rng.nextDouble();
        }
        return raw;
    }

    private static double frequency(double[] row, double[] x) {
        double f = row[x.length];
        for (int p = 0; p < x.length; p++) {
            f += row[p] * x[p];
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void foldedWeightsOnRawRowsGiveTheFrequenciesOfScaledRows(long seed) {
        Random rng = new Random(seed);
        FeatureMap map = map(rng);
        double[][] frequencyHz = HwFixtures.frequencies(rng, 5, FEATURES);
        double[][] folded = new InputEncoding(true, map).fold(frequencyHz);
        for (int trial = 0; trial < 20; trial++) {
            double[] raw = rawRow(rng, map);
            double[] scaled = new double[FEATURES];
            for (int p = 0; p < FEATURES; p++) {
                scaled[p] = map.apply(p, raw[p]);
            }
            for (int i = 0; i < frequencyHz.length; i++) {
                assertEquals(frequency(frequencyHz[i], scaled), frequency(folded[i], raw), 1e-3,
                        "oscillator " + i + ", seed " + seed);
            }
        }
        assertArrayEquals(frequencyHz[0], InputEncoding.scaled(map).fold(frequencyHz)[0], "scaled: no folding");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rawRowsAreRecoveredFromScaledOnes(long seed) {
        Random rng = new Random(seed);
        FeatureMap map = map(rng);
        double[][] raw = new double[10][];
        double[][] scaled = new double[10][FEATURES];
        for (int r = 0; r < raw.length; r++) {
            raw[r] = rawRow(rng, map);
            for (int p = 0; p < FEATURES; p++) {
                scaled[r][p] = map.apply(p, raw[r][p]);
            }
        }
        double[] recovered = new InputEncoding(true, map).rows(new Samples(scaled, new int[10]));
        for (int r = 0; r < raw.length; r++) {
            for (int p = 0; p < FEATURES; p++) {
                assertEquals(raw[r][p], recovered[r * FEATURES + p], 1e-12, "row " + r + ", feature " + p);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.4, 1.0, 1.01, 7.9, 8.0, 8.1, 250})
    void integerBitsHoldTwiceTheLargestTrainingValue(double largest) {
        Samples train = new Samples(new double[][] {{largest / 2}, {-largest}}, new int[2]);
        int bits = InputEncoding.scaled(FeatureMap.identity(1)).integerBits(train);
        double reach = Math.scalb(1.0, bits - 1);
        assertTrue(reach >= 2 * largest, bits + " bits reach " + reach);
        assertTrue(bits == 1 || reach / 2 < 2 * largest, bits + " bits are more than needed for " + largest);
    }

    /**
     * The quantized plans agree: a raw row fed to the raw plan gives frequency words within a few
     * LSBs of the scaled row fed to the scaled plan (both round weights, inputs and the sum).
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void quantizedRawPlanComputesTheScaledPlansWords(long seed) {
        Random rng = new Random(seed);
        FeatureMap map = map(rng);
        double[][] frequencyHz = HwFixtures.frequencies(rng, 4, FEATURES);
        double[][] rows = new double[30][];
        double[][] scaledRows = new double[30][FEATURES];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = rawRow(rng, map);
            for (int p = 0; p < FEATURES; p++) {
                scaledRows[r][p] = map.apply(p, rows[r][p]);
            }
        }
        Samples samples = new Samples(scaledRows, new int[rows.length]);
        InputEncoding raw = new InputEncoding(true, map);
        InputEncoding scaled = InputEncoding.scaled(map);
        Widths widths = new Widths(24, 16, 24, 16, 0, 0);
        HwNetwork rawPlan = Quantizer.plan(HwFixtures.network(4, 1, 100, true), List.of("a", "b"),
                raw.fold(frequencyHz), HwFixtures.target(4, 256, 12), widths, raw.integerBits(samples));
        HwNetwork scaledPlan = Quantizer.plan(HwFixtures.network(4, 1, 100, true), List.of("a", "b"),
                scaled.fold(frequencyHz), HwFixtures.target(4, 256, 12), widths, scaled.integerBits(samples));
        long[] rawInputs = HwSemantics.quantizeInputs(rawPlan, raw.rows(samples));
        long[] scaledInputs = HwSemantics.quantizeInputs(scaledPlan, scaled.rows(samples));
        long worst = 0;
        for (int r = 0; r < rows.length; r++) {
            long[] xr = java.util.Arrays.copyOfRange(rawInputs, r * FEATURES, (r + 1) * FEATURES);
            long[] xs = java.util.Arrays.copyOfRange(scaledInputs, r * FEATURES, (r + 1) * FEATURES);
            for (int i = 0; i < 4; i++) {
                worst = Math.max(worst, Math.abs(HwSemantics.word(rawPlan, xr, i) - HwSemantics.word(scaledPlan, xs, i)));
            }
        }
        // a word LSB is 1/(dt 2^24) = 6 kHz here; input rounding alone moves a word by a few of them
        assertTrue(worst <= 64, "words differ by up to " + worst + " LSB");
    }
}
