package org.oscnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fitted exponent of resources against N: a power law is recovered, non-positive counts are skipped. */
class HardwareScalingTest {
    @ParameterizedTest
    @CsvSource({"3, 1.5", "40, 1.0", "0.5, 0.25", "1000, 0"})
    void aPowerLawsExponentIsRecovered(double scale, double exponent) {
        double[] n = {6, 16, 64, 256, 1024};
        double[] y = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            y[i] = scale * Math.pow(n[i], exponent);
        }
        assertEquals(exponent, HardwareScaling.exponent(n, y), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"1.0", "2.0"})
    void zeroCountsAreLeftOutOfTheFit(double exponent) {
        double[] n = {6, 16, 64, 256};
        double[] y = {0, Math.pow(16, exponent), Math.pow(64, exponent), Math.pow(256, exponent)};
        assertEquals(exponent, HardwareScaling.exponent(n, y), 1e-9);
        assertTrue(Double.isNaN(HardwareScaling.exponent(new double[] {6, 16}, new double[] {0, 5})));
    }
}
