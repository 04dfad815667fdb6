package org.oscnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.Optimizer;
import org.oscnet.model.Samples;
import org.oscnet.model.Simulation;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;

class EquilibriumTrainerTest {
    /** Three noisy blobs in four features, scaled to 0..1. */
    static Dataset blobs(int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = {{0.2, 0.8, 0.5, 0.3}, {0.8, 0.2, 0.4, 0.7}, {0.5, 0.5, 0.9, 0.1}};
        int n = 3 * perClass;
        double[][] rows = new double[n][4];
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            labels[r] = r % 3;
            for (int j = 0; j < 4; j++) {
                rows[r][j] = Math.min(1, Math.max(0, centres[labels[r]][j] + 0.12 * (random.nextDouble() - 0.5)));
            }
        }
        int half = n / 2;
        return new Dataset("blobs", Path.of("blobs.csv"), List.of("a", "b", "c"), 4,
                new Samples(java.util.Arrays.copyOfRange(rows, 0, half), java.util.Arrays.copyOfRange(labels, 0, half)),
                new Samples(java.util.Arrays.copyOfRange(rows, half, n), java.util.Arrays.copyOfRange(labels, half, n)),
                "halves", null, org.oscnet.model.FeatureMap.identity(4));
    }

    static EquilibriumNetwork network(boolean allToAll) {
        return new EquilibriumNetwork("net", EquilibriumNetwork.Kind.XY, "blobs",
                allToAll ? List.of() : List.of(4, 6, 3), allToAll ? 13 : 0, allToAll, 4, 3, -Math.PI / 2,
                Math.PI / 2, Math.PI / 2, -Math.PI / 2, 0, 1,
                new Simulation(0.1, 100, 100, Simulation.InitialPhases.RANDOM, 0),
                new EquilibriumNetwork.Relaxation(EquilibriumNetwork.Solver.EULER, 1e-4));
    }

    static Training training(int steps, boolean symmetric) {
        return new Training("net", "blobs", new TrainingMethod.EquilibriumPropagation(0.1, symmetric),
                new Optimizer(Optimizer.Kind.SGD, 0.2, 0.9, 0.999, 1e-8, 0), steps, false, 8, true, 3, 1);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        Dataset data = blobs(40, 1);
        for (boolean allToAll : new boolean[] {false, true}) {
            TrainedEquilibrium one = new EquilibriumTrainer(network(allToAll), data, training(12, false),
                    TrainingListener.SILENT, 1).train();
            TrainedEquilibrium two = new EquilibriumTrainer(network(allToAll), data, training(12, false),
                    TrainingListener.SILENT, 2).train();
            assertArrayEquals(one.parameters(), two.parameters(), 0.0);
            assertEquals(one.testAccuracyCurve(), two.testAccuracyCurve());
        }
    }

    @Test
    void learnsSeparableClassesWithEitherNudge() {
        Dataset data = blobs(40, 2);
        for (boolean symmetric : new boolean[] {false, true}) {
            TrainedEquilibrium trained = new EquilibriumTrainer(network(false), data, training(60, symmetric),
                    TrainingListener.SILENT, 2).train();
            double first = trained.trainCostCurve().get(0);
            double last = trained.trainCostCurve().get(trained.trainCostCurve().size() - 1);
            assertTrue(last < first, "cost " + first + " -> " + last);
            assertTrue(trained.testAccuracy() > 0.9, "symmetric " + symmetric + ": " + trained.testAccuracy());
        }
    }

    @Test
    void freshTestStartsChangeTheCheckpointsButNotWhatIsLearnt() {
        Dataset data = blobs(40, 3);
        Training fixed = new Training("net", "blobs", new TrainingMethod.EquilibriumPropagation(0.1, false, false),
                new Optimizer(Optimizer.Kind.SGD, 0.2, 0.9, 0.999, 1e-8, 0), 10, false, 8, true, 3, 1, 1);
        Training fresh = fixed.withMethod(new TrainingMethod.EquilibriumPropagation(0.1, false, true));
        TrainedEquilibrium a = new EquilibriumTrainer(network(true), data, fixed, TrainingListener.SILENT, 2).train();
        TrainedEquilibrium b = new EquilibriumTrainer(network(true), data, fresh, TrainingListener.SILENT, 2).train();
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        assertEquals(a.testAccuracy(), b.testAccuracy(), 0.0, "the final test keeps the fixed starts");
        assertEquals(a.testAccuracyCurve().size(), b.testAccuracyCurve().size());
        assertNotEquals(a.testAccuracyCurve(), b.testAccuracyCurve(), "each checkpoint relaxes from its own starts");
    }
}
