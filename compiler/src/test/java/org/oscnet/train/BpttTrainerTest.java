package org.oscnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oscnet.model.Dataset;
import org.oscnet.model.Optimizer;
import org.oscnet.model.Samples;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;

class BpttTrainerTest {
    private static final int LENGTH = 12;

    /**
     * Two classes of noisy sequences that differ only in their first half (a rising or a falling
     * ramp), so the network must remember what it saw to tell them apart at the end.
     */
    static Dataset ramps(int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[2 * perClass][LENGTH];
        int[] labels = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            labels[r] = r % 2;
            for (int t = 0; t < LENGTH; t++) {
                double ramp = t < LENGTH / 2 ? (labels[r] == 0 ? t : LENGTH / 2 - t) / (double) (LENGTH / 2) : 0.5;
                rows[r][t] = Math.min(1, Math.max(0, ramp + 0.1 * random.nextGaussian()));
            }
        }
        int half = rows.length / 2;
        Samples train = new Samples(java.util.Arrays.copyOfRange(rows, 0, half),
                java.util.Arrays.copyOfRange(labels, 0, half));
        Samples test = new Samples(java.util.Arrays.copyOfRange(rows, half, rows.length),
                java.util.Arrays.copyOfRange(labels, half, rows.length));
        return new Dataset("ramps", Path.of("ramps.csv"), List.of("up", "down"), LENGTH, train, test, "halves",
                null, org.oscnet.model.FeatureMap.identity(LENGTH));
    }

    static StnoRnnNetwork network(StnoRnnNetwork.Neuron.Kind kind) {
        return network(kind, 0.1e9);
    }

    static StnoRnnNetwork network(StnoRnnNetwork.Neuron.Kind kind, double gainHz) {
        return new StnoRnnNetwork("seq", "ramps", List.of(6, 6),
                new StnoRnnNetwork.Densities(0.6, 0.6, 0.6), 14.12e-9, gainHz, 1e6, 1e-9, 2,
                new StnoRnnNetwork.Neuron(kind, false, 0, 1), 1, StnoRnnNetwork.Integrator.EULER);
    }

    static Training training(int epochs, int batch) {
        return training(epochs, batch, 0, 0);
    }

    static Training training(int epochs, int batch, double l2, double wd) {
        return training(epochs, batch, l2, wd, 0);
    }

    static Training training(int epochs, int batch, double l2, double wd, double noise) {
        return new Training("seq", "ramps", new TrainingMethod.Bptt(1, 1, Double.NaN, 0, 0, l2, wd, noise, 0),
                new Optimizer(Optimizer.Kind.ADAM, 0.05, 0.9, 0.999, 1e-8, 8.077), epochs, true, batch, false, 7, 1);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        Dataset data = ramps(40, 1);
        StnoRnnNetwork net = network(StnoRnnNetwork.Neuron.Kind.STNO);
        TrainedRecurrent one = new BpttTrainer(net, data, training(3, 20), TrainingListener.SILENT, 1).train();
        TrainedRecurrent two = new BpttTrainer(net, data, training(3, 20), TrainingListener.SILENT, 2).train();
        assertArrayEquals(one.parameters(), two.parameters());
        assertEquals(one.trainLossCurve(), two.trainLossCurve());
    }

    @Test
    void learnsToRememberTheFirstHalfOfASequence() {
        Dataset data = ramps(60, 2);
        for (StnoRnnNetwork.Neuron.Kind kind : StnoRnnNetwork.Neuron.Kind.values()) {
            TrainedRecurrent trained = new BpttTrainer(network(kind), data, training(30, 20),
                    TrainingListener.SILENT, 2).train();
            assertTrue(trained.testAccuracy() >= 0.9, kind + ": test accuracy " + trained.testAccuracy());
            assertTrue(trained.trainLoss() < trained.trainLossCurve().get(0), kind + ": loss did not fall");
        }
    }

    /**
     * Input noise draws a new copy of the training inputs every epoch: the parameters move away from
     * the noiseless run, the draw does not depend on the thread count, and the network still learns.
     */
    @Test
    void inputNoiseIsSeededAndStillLearns() {
        Dataset data = ramps(60, 2);
        StnoRnnNetwork net = network(StnoRnnNetwork.Neuron.Kind.STNO);
        TrainedRecurrent clean = new BpttTrainer(net, data, training(30, 20), TrainingListener.SILENT, 2).train();
        TrainedRecurrent one = new BpttTrainer(net, data, training(30, 20, 0, 0, 0.1), TrainingListener.SILENT, 1)
                .train();
        TrainedRecurrent two = new BpttTrainer(net, data, training(30, 20, 0, 0, 0.1), TrainingListener.SILENT, 2)
                .train();
        assertArrayEquals(one.parameters(), two.parameters());
        assertTrue(!java.util.Arrays.equals(clean.parameters(), one.parameters()), "noise changed nothing");
        assertTrue(one.testAccuracy() >= 0.9, "test accuracy with input noise " + one.testAccuracy());
    }

    /**
     * A drive that makes the states leave (0, 1) sends the loss to NaN: training stops there, keeps
     * the last finite parameters, says so, and its curves end with the last finite epoch.
     */
    @Test
    void divergenceStopsTrainingAndKeepsTheLastFiniteParameters() {
        StnoRnnNetwork wild = network(StnoRnnNetwork.Neuron.Kind.STNO, 0.3e9);
        Training fast = new Training("seq", "ramps", new TrainingMethod.Bptt(1, 1, Double.NaN, 0, 0, 0, 0, 0, 0),
                new Optimizer(Optimizer.Kind.ADAM, 2.0, 0.9, 0.999, 1e-8, 8.077), 20, true, 10, false, 7, 1);
        List<String> notes = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void iteration(int restart, int restarts, int iteration, int iterations, double loss,
                    double accuracy) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        TrainedRecurrent trained = new BpttTrainer(wild, ramps(40, 1), fast, listener, 2).train();
        assertEquals(1, notes.size(), "notes: " + notes);
        int finite = trained.trainLossCurve().size();
        assertTrue(notes.get(0).startsWith("training diverged in epoch " + (finite + 1) + " of 20"), notes.get(0));
        assertTrue(finite >= 1 && finite < 20, "finite epochs: " + finite);
        assertTrue(trained.trainLossCurve().stream().allMatch(Double::isFinite), "" + trained.trainLossCurve());
        Training shorter = new Training("seq", "ramps", fast.method(), fast.optimizer(), finite, true, 10, false, 7, 1);
        assertArrayEquals(new BpttTrainer(wild, ramps(40, 1), shorter, TrainingListener.SILENT, 2).train().parameters(),
                trained.parameters(), "not the parameters after the last finite epoch");
    }

    /** Shifted copies of a 3x3 image (worked by hand), after the originals; uncovered pixels at the minimum. */
    @Test
    void shiftedCopiesFollowTheOriginals() {
        double[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] other = {9, 9, 9, 9, 2, 9, 9, 9, 9};
        double[] both = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(image),
                java.util.Arrays.stream(other)).toArray();
        double[] all = BpttTrainer.withShiftedCopies(both, 9, 1);
        double[][] expected = {
            image, other,
            {1, 1, 1, 1, 2, 3, 4, 5, 6}, {2, 2, 2, 9, 9, 9, 9, 2, 9},   // down 1
            {4, 5, 6, 7, 8, 9, 1, 1, 1}, {9, 2, 9, 9, 9, 9, 2, 2, 2},   // up 1
            {1, 1, 2, 1, 4, 5, 1, 7, 8}, {2, 9, 9, 2, 9, 2, 2, 9, 9},   // right 1
            {2, 3, 1, 5, 6, 1, 8, 9, 1}, {9, 9, 2, 2, 9, 2, 9, 9, 2}};  // left 1
        assertEquals(expected.length * 9, all.length);
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], java.util.Arrays.copyOfRange(all, 9 * k, 9 * k + 9), "image " + k);
        }
        assertEquals(18 * 9 * 9, BpttTrainer.withShiftedCopies(new double[18 * 9], 9, 2).length,
                "two distances: each image and 8 copies");
    }

    /** An L2 penalty on the weights, and decoupled weight decay, each shrink them. */
    @Test
    void anL2PenaltyAndWeightDecayShrinkTheWeights() {
        Dataset data = ramps(40, 3);
        StnoRnnNetwork net = network(StnoRnnNetwork.Neuron.Kind.STNO);
        org.oscnet.sim.RecurrentLayout layout = new org.oscnet.sim.RecurrentLayout(net.layers(), net.classCount());
        double free = squaredWeights(new BpttTrainer(net, data, training(10, 20), TrainingListener.SILENT, 2).train()
                .parameters(), layout);
        for (Training shrinking : List.of(training(10, 20, 1.0, 0), training(10, 20, 0, 5.0))) {
            double shrunk = squaredWeights(new BpttTrainer(net, data, shrinking, TrainingListener.SILENT, 2).train()
                    .parameters(), layout);
            assertTrue(shrunk < 0.5 * free, shrinking.method() + ": " + shrunk + " against " + free);
        }
    }

    private static double squaredWeights(double[] params, org.oscnet.sim.RecurrentLayout layout) {
        double sum = 0;
        for (int k = 0; k < params.length; k++) {
            boolean bias = k >= layout.readoutBiasOffset();
            for (int l = 0; l < layout.sizes().size(); l++) {
                bias |= k >= layout.biasOffset(l) && k < layout.biasOffset(l) + layout.sizes().get(l);
            }
            sum += bias ? 0 : params[k] * params[k];
        }
        return sum;
    }
}
