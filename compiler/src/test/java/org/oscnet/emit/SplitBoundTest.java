package org.oscnet.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoder's split clip test equals the plain comparison for every sum, including at the bounds. */
class SplitBoundTest {
    @ParameterizedTest
    @ValueSource(ints = {4, 5, 12, 27, 33})
    void theSplitTestIsTheComparison(int width) {
        SplittableRandom random = new SplittableRandom(width);
        long min = -(1L << (width - 1));
        long max = (1L << (width - 1)) - 1;
        for (int trial = 0; trial < 2_000; trial++) {
            // bounds inside, at and beyond the sum's range
            long bound = random.nextLong(2 * min - 3, 2 * max + 4);
            VerilogEmitter.SplitBound split = VerilogEmitter.SplitBound.of(bound, width);
            long[] sums = {min, max, bound - 1, bound, bound + 1, random.nextLong(min, max + 1)};
            for (long sum : sums) {
                if (sum >= min && sum <= max) {
                    assertEquals(sum >= bound, split.holds(sum), "sum " + sum + " >= " + bound + " at " + width + " bits");
                }
            }
        }
    }
}
