package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastTrigTest {

    @Test
    void matchesMathSinWithinTheStatedBound() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0.0;
        for (int i = 0; i < 2_000_000; i++) {
            double turns = random.nextDouble();
            worst = Math.max(worst, Math.abs(FastTrig.sinTurns(turns) - Math.sin(2 * Math.PI * turns)));
            worst = Math.max(worst, Math.abs(FastTrig.cosTurns(turns) - Math.cos(2 * Math.PI * turns)));
        }
        assertTrue(worst <= FastTrig.MAX_ERROR, "worst error " + worst + " > bound " + FastTrig.MAX_ERROR);
        // The bound is tight: the table is no better than stated, so the claim is not vacuous.
        assertTrue(worst > FastTrig.MAX_ERROR / 2, "worst error " + worst);
    }

    @Test
    void wrapsAnyArgument() {
        for (double turns : new double[] {-3.75, -1e-18, 0, 0.999999999, 1, 12.125, 1e6 + 0.25}) {
            double exact = Math.sin(2 * Math.PI * (turns - Math.floor(turns)));
            assertTrue(Math.abs(FastTrig.sinAnyTurns(turns) - exact) <= FastTrig.MAX_ERROR, "turns " + turns);
        }
    }
}
