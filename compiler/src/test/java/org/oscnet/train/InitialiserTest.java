package org.oscnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oscnet.model.Samples;

/** The data-aware start: the best slab of a class, along an axis or obliquely. */
class InitialiserTest {

    /** Class 1 within {@code halfWidth} of the line {@code cos(deg) x0 + sin(deg) x1 = 0.5}, with a third, useless feature. */
    private static Samples band(double degrees, double halfWidth) {
        SplittableRandom random = new SplittableRandom(3);
        int rows = 600;
        double[][] x = new double[rows][];
        int[] labels = new int[rows];
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        for (int r = 0; r < rows; r++) {
            x[r] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            labels[r] = Math.abs(c * x[r][0] + s * x[r][1] - 0.5) <= halfWidth ? 1 : 0;
        }
        return new Samples(x, labels);
    }

    @ParameterizedTest(name = "band at {0}°")
    @CsvSource({"0", "40", "90", "136"})
    void theBestSlabFollowsTheBandsDirection(double degrees) {
        Initialiser.Slab slab = Initialiser.bestSlab(band(degrees, 0.1), 1);
        double[] d = slab.direction();
        // The direction is found up to sign, within the 2° grid.
        double cosine = Math.abs(d[0] * Math.cos(Math.toRadians(degrees)) + d[1] * Math.sin(Math.toRadians(degrees)));
        assertTrue(cosine > Math.cos(Math.toRadians(3)), "direction " + java.util.Arrays.toString(d));
        // On a finite sample a one-step (2°) tilt into a useless feature can score a hair better.
        assertTrue(Math.abs(d[2]) <= Math.sin(Math.toRadians(2)) + 1e-12, "the useless feature gets at most one 2° step");
        assertTrue(slab.balancedAccuracy() > 0.97, "balanced accuracy " + slab.balancedAccuracy());
        assertEquals(0.1, slab.halfWidth(), 0.03, "half-width");
    }
}
