package org.oscnet.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shift-and-add form of a constant product: its digits sum to the constant, and it is used only when short. */
class ConstantProductTest {

    @Test
    void signedDigitsSumToTheConstantWithNoTwoAdjacent() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20_000; trial++) {
            long constant = random.nextLong(-(1L << 40), 1L << 40);
            List<long[]> digits = Verilog.signedDigits(constant);
            long sum = 0;
            long previous = Long.MAX_VALUE;
            for (long[] digit : digits) {
                sum += digit[0] << digit[1];
                // canonical: exponents strictly falling, never two neighbours (so the fewest digits)
                assertEquals(true, digit[1] < previous - 1 || previous == Long.MAX_VALUE, "constant " + constant);
                previous = digit[1];
            }
            assertEquals(constant, sum, "constant " + constant);
        }
    }

    @Test
    void aConstantWithFewDigitsBecomesShiftsAndAdds() {
        // 20992 = 41 * 2^9 = (32 + 8 + 1) * 2^9: the coupling constant of the versicolor examples
        assertEquals("((m <<< 5) + (m <<< 3) + m) <<< 9", Verilog.constantProduct(20992, "m", 41));
        // 7 = 8 - 1
        assertEquals("(m <<< 3) - m", Verilog.constantProduct(7, "m", 30));
        // 26870 has more than three signed digits: a multiplication stays
        assertEquals("42'sd26870 * m", Verilog.constantProduct(26870, "m", 42));
    }
}
