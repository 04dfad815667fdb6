package org.oscnet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spread over seeds against values worked by hand. */
class SeedSpreadTest {
    private static final double[] EIGHT = {2, 4, 4, 4, 5, 5, 7, 9}; // squared deviations sum to 32

    @Test
    void populationAndSampleDeviationsDivideBySizeAndSizeLessOne() {
        assertEquals(5.0, SeedSpread.mean(EIGHT), 0.0);
        assertEquals(2.0, SeedSpread.std(EIGHT), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), SeedSpread.sampleStd(EIGHT), 1e-15);
        assertEquals(2.0, SeedSpread.std(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0)), 1e-15);
    }

    @Test
    void tooFewValuesGiveNaN() {
        assertTrue(Double.isNaN(SeedSpread.mean(new double[0])));
        assertTrue(Double.isNaN(SeedSpread.std(new double[0])));
        assertTrue(Double.isNaN(SeedSpread.sampleStd(new double[] {0.9})));
        assertEquals(0.0, SeedSpread.std(new double[] {0.9}), 0.0);
    }
}
