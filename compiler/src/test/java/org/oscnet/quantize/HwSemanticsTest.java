package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fixed-point semantics against exact arithmetic, and the widths the quantizer proves. */
class HwSemanticsTest {

    @Test
    void shiftRoundIsRoundHalfUpOfTheExactQuotient() {
        Random rng = new Random(7);
        for (int k = 0; k < 20000; k++) {
            long value = rng.nextLong() >> rng.nextInt(40);
            int shift = rng.nextInt(30);
            long exact = new BigDecimal(value).divide(BigDecimal.valueOf(2).pow(shift)).add(new BigDecimal("0.5"))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
            assertEquals(exact, HwSemantics.shiftRound(value, shift), value + " >> " + shift);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void nothingOverflowsTheWidthsTheQuantizerProved(long seed) {
        Random rng = new Random(seed);
        int n = 3 + rng.nextInt(8);
        HwNetwork hw = HwFixtures.plan(seed, n, 1 + rng.nextInt(4), 1, 300, true,
                Widths.DEFAULTS.withPhase(14 + rng.nextInt(12)));
        QFormat word = QFormat.signed(hw.frequencyBits(), 0);
        QFormat accumulator = QFormat.signed(hw.accumulatorBits(), 0);
        long[] x = HwFixtures.inputs(rng, hw, 40);
        for (int r = 0; r < 40; r++) {
            long[] row = java.util.Arrays.copyOfRange(x, r * hw.features(), (r + 1) * hw.features());
            for (int i = 0; i < n; i++) {
                assertTrue(word.fits(HwSemantics.word(hw, row, i)));
            }
            HwSemantics.Outcome outcome = HwSemantics.run(hw, row, HwSemantics.initialPhases(hw,
                    HwSemantics.resetLfsr(hw)), null);
            for (long acc : outcome.accumulators()) {
                assertTrue(accumulator.fits(acc), acc + " in " + accumulator);
            }
        }
    }

    @Test
    void aWeightWidthTooSmallIsRefusedWithTheBitsNeeded() {
        WidthTooSmall e = assertThrows(WidthTooSmall.class,
                () -> HwFixtures.plan(1, 6, 4, 1, 100, true, Widths.DEFAULTS.withWeight(6)));
        assertTrue(e.getMessage().matches("weights up to \\d+ .* need at least \\d+ bits, not 6"), e.getMessage());
    }

    @Test
    void lockedPairsOfTheFixedPointModelMatchTheAnalyticLockingCondition() {
        // Two oscillators 8 MHz apart lock (8 < 2k = 20 MHz); 30 MHz apart they drift.
        for (double detuning : new double[] {8e6, 30e6}) {
            double[][] frequencies = {{0, 590e6 - detuning / 2}, {0, 590e6 + detuning / 2}};
            HwNetwork hw = Quantizer.plan(HwFixtures.network(2, 1, 100000, true), java.util.List.of("a", "b"),
                    frequencies, HwFixtures.target(2, 256, 12), Widths.DEFAULTS);
            HwSemantics.Outcome outcome = HwSemantics.run(hw, new long[] {0},
                    HwSemantics.initialPhases(hw, HwSemantics.resetLfsr(hw)), null);
            assertEquals(detuning < 20e6, (outcome.syncMask() & 1) == 1, "detuning " + detuning);
        }
    }
}
