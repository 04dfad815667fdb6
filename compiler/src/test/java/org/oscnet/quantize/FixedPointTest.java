package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixed-point helpers against exact arithmetic (BigDecimal), over many seeded values. */
class FixedPointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"s8.4", "s16.12", "u12.12", "s24.0", "u1.0", "s40.30"})
    void quantizeRoundsHalfAwayFromZeroAndSaturates(String spec) {
        QFormat q = parse(spec);
        SplittableRandom random = new SplittableRandom(spec.hashCode());
        double span = q.toDouble(q.maxRaw()) - q.toDouble(q.minRaw());
        for (int i = 0; i < 20_000; i++) {
            double value = q.toDouble(q.minRaw()) - 0.25 * span + 1.5 * span * random.nextDouble();
            BigDecimal scaled = new BigDecimal(value).multiply(BigDecimal.valueOf(2).pow(q.fraction()));
            long exact = scaled.setScale(0, RoundingMode.HALF_UP).longValueExact(); // HALF_UP is away from zero
            long expected = Math.max(q.minRaw(), Math.min(q.maxRaw(), exact));
            assertEquals(expected, q.quantizeSaturating(value), () -> spec + " of " + value);
            if (q.fits(exact)) {
                assertTrue(Math.abs(q.toDouble(q.quantizeSaturating(value)) - value) <= q.lsb() / 2, "within half an lsb");
            }
        }
    }

    @Test
    void tiesGoAwayFromZeroSymmetrically() {
        QFormat q = QFormat.signed(8, 1);
        assertEquals(3, q.quantizeSaturating(1.25));   // 2.5 lsb -> 3
        assertEquals(-3, q.quantizeSaturating(-1.25)); // -2.5 lsb -> -3
        assertEquals(0, q.quantizeSaturating(0.2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"s8.0", "u8.0", "s13.5", "u3.1"})
    void wrapIsTwosComplementModuloTheWidth(String spec) {
        QFormat q = parse(spec);
        BigDecimal modulus = BigDecimal.valueOf(2).pow(q.width());
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long raw = random.nextLong(-1L << 40, 1L << 40);
            BigDecimal r = BigDecimal.valueOf(raw).remainder(modulus);
            if (r.signum() < 0) {
                r = r.add(modulus);
            }
            long expected = r.longValueExact();
            if (q.signed() && expected > q.maxRaw()) {
                expected -= 1L << q.width();
            }
            assertEquals(expected, q.wrap(raw), spec + " of " + raw);
        }
    }

    @Test
    void widthForHoldsTheRangeAndNoLess() {
        assertEquals(8, QFormat.widthFor(-128, 127, true));
        assertEquals(9, QFormat.widthFor(-129, 127, true));
        assertEquals(8, QFormat.widthFor(0, 255, false));
        assertEquals(1, QFormat.widthFor(0, 1, false));
    }

    @ParameterizedTest(name = "{0} x {1} bits")
    @CsvSource({"4, 4", "16, 8", "256, 12", "1024, 16", "4096, 18"})
    void sineTableIsTheRoundedFullWaveWithItsSymmetries(int entries, int bits) {
        SineTable table = new SineTable(entries, bits);
        assertEquals(entries / 4 + 1, table.quarter().length, "a quarter wave is stored");
        for (int i = 0; i < entries; i++) {
            double exact = table.amplitude() * Math.sin(2 * Math.PI * i / entries);
            assertTrue(Math.abs(table.sin(i) - exact) <= 0.5 + 1e-9, "sin " + i);
            assertEquals(-table.sin(i), table.sin(entries - i), "odd symmetry at " + i);
            assertEquals(table.sin(i), table.sin(entries / 2 - i), "mirror about a quarter turn at " + i);
            assertEquals(table.sin(i + entries / 4), table.cos(i), "cos is sin a quarter turn on");
        }
        assertEquals(table.amplitude(), table.sin(entries / 4));
        assertEquals(0, table.sin(0));
    }

    @ParameterizedTest
    @CsvSource({"16", "32"})
    void lfsrHasMaximalPeriodAndNeverZero(int width) {
        Lfsr lfsr = new Lfsr(width, 0xACE1);
        long start = lfsr.state();
        if (width == 16) {
            Set<Long> seen = new HashSet<>();
            long period = 0;
            do {
                assertTrue(seen.add(lfsr.next()), "no state repeats within a period");
                period++;
            } while (lfsr.state() != start);
            assertEquals(65_535, period);
        } else {
            for (int i = 0; i < 1_000_000; i++) {
                assertTrue(lfsr.next() != 0 && lfsr.state() != start, "state " + i);
            }
        }
        assertEquals(1, new Lfsr(width, 0).state(), "a zero seed becomes 1");
    }

    private static QFormat parse(String spec) {
        String[] parts = spec.substring(1).split("\\.");
        return new QFormat(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), spec.charAt(0) == 's');
    }
}
