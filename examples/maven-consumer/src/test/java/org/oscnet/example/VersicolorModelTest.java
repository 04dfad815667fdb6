package org.oscnet.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import oscnet.generated.VersicolorModel;

/**
 * The generated bit-exact model of the hardware, used as a library: raw Iris rows in, the
 * hardware's decision out (pair 0 synchronised means "versicolor").
 */
class VersicolorModelTest {
    private static final int VERSICOLOR = 1;

    /** Rows of data/iris.csv: four features, then the species (0 setosa, 1 versicolor, 2 virginica). */
    private static List<double[]> rows() throws IOException {
        return Files.readAllLines(Path.of("data/iris.csv")).stream().skip(1)
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
    }

    private static boolean saysVersicolor(double[] row) {
        VersicolorModel.Result result = new VersicolorModel().classifyFeatures(Arrays.copyOf(row, 4));
        return (result.syncMask() & 1) != 0;
    }

    @Test
    void typicalFlowersOfEachSpecies() {
        assertEquals(false, saysVersicolor(new double[] {5.0, 3.4, 1.5, 0.2}), "a typical setosa");
        assertEquals(true, saysVersicolor(new double[] {5.9, 2.8, 4.3, 1.3}), "a typical versicolor");
        assertEquals(false, saysVersicolor(new double[] {6.6, 3.0, 5.6, 2.1}), "a typical virginica");
    }

    @Test
    void heldOutRowsAreMostlyRight() throws IOException {
        List<double[]> rows = rows();
        int right = 0;
        int total = 0;
        for (int species = 0; species < 3; species++) {
            // The .osc file's split: per species the first 30 rows train, the next 20 test.
            for (int i = 30; i < 50; i++) {
                double[] row = rows.get(50 * species + i);
                right += saysVersicolor(row) == (row[4] == VERSICOLOR) ? 1 : 0;
                total++;
            }
        }
        assertTrue(right >= 0.9 * total, right + " of " + total + " held-out rows right");
    }
}
