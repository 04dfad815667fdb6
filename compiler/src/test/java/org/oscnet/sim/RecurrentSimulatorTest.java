package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.StnoRnnNetwork.Integrator;
import org.oscnet.model.StnoRnnNetwork.Neuron;

class RecurrentSimulatorTest {
    private static final int LENGTH = 6;

    static StnoRnnNetwork network(Neuron neuron, int substeps, Integrator integrator) {
        return new StnoRnnNetwork("net", "data", List.of(3, 4, 3),
                new StnoRnnNetwork.Densities(0.7, 0.7, 0.6), 14.12e-9, 0.3e9, 20e6, 1e-9, 3, neuron,
                substeps, integrator);
    }

    static Stream<Arguments> variants() {
        Neuron simple = new Neuron(Neuron.Kind.STNO, false, 0, 1);
        Neuron full = new Neuron(Neuron.Kind.STNO, true, 0.7, 1.3);
        Neuron ctrnn = new Neuron(Neuron.Kind.CTRNN, false, 0, 1);
        return Stream.of(Arguments.of(simple, 1, Integrator.EULER), Arguments.of(simple, 3, Integrator.HEUN),
                Arguments.of(full, 2, Integrator.EULER), Arguments.of(full, 1, Integrator.HEUN),
                Arguments.of(ctrnn, 2, Integrator.EULER), Arguments.of(ctrnn, 2, Integrator.HEUN));
    }

    /** BPTT equals central finite differences of the forward run's loss, for every parameter. */
    @ParameterizedTest
    @MethodSource("variants")
    void backpropagationThroughTimeMatchesFiniteDifferences(Neuron neuron, int substeps, Integrator integrator) {
        StnoRnnNetwork net = network(neuron, substeps, integrator);
        RecurrentLayout layout = new RecurrentLayout(net.layers(), net.classCount());
        double[] mask = layout.masks(net.density(), 5);
        double[] p = layout.initialParameters(mask, 2.0, 9);
        SplittableRandom random = new SplittableRandom(3);
        for (int l = 0; l < net.layers().size(); l++) {
            for (int k = layout.biasOffset(l); k < layout.biasOffset(l) + net.layers().get(l); k++) {
                p[k] = random.nextDouble() - 0.5;
            }
        }
        double[] input = random.doubles(LENGTH).toArray();
        RecurrentSimulator sim = new RecurrentSimulator(net, layout, mask);
        RecurrentSimulator.Workspace w = sim.workspace(LENGTH);
        int label = 2;
        sim.forward(p, input, 0, LENGTH, w);
        double[] gradient = new double[layout.parameters()];
        double loss = sim.backward(p, input, label, w, gradient);
        assertEquals(-Math.log(w.probabilities()[label]), loss, 1e-12);
        double worst = 0;
        int checked = 0;
        for (int k = 0; k < p.length; k++) {
            if (mask[k] == 0) {
                continue;
            }
            double saved = p[k];
            double eps = 1e-6;
            p[k] = saved + eps;
            sim.forward(p, input, 0, LENGTH, w);
            double up = -Math.log(w.probabilities()[label]);
            p[k] = saved - eps;
            sim.forward(p, input, 0, LENGTH, w);
            double down = -Math.log(w.probabilities()[label]);
            p[k] = saved;
            double numeric = (up - down) / (2 * eps);
            double error = Math.abs(numeric - gradient[k]) / (1e-4 + Math.abs(numeric));
            worst = Math.max(worst, error);
            checked++;
        }
        assertTrue(checked > 50, "checked " + checked);
        assertTrue(worst < 1e-5, "worst relative error " + worst);
    }

    /**
     * Sequences run side by side (a full set of lanes, and fewer, which pads the rest) give each
     * sequence's probabilities, and the lane-ordered sum of their gradients, bit for bit as runs
     * of one sequence at a time do.
     */
    @ParameterizedTest
    @MethodSource("variants")
    void sequencesSideBySideEqualSequencesAlone(Neuron neuron, int substeps, Integrator integrator) {
        StnoRnnNetwork net = network(neuron, substeps, integrator);
        RecurrentLayout layout = new RecurrentLayout(net.layers(), net.classCount());
        double[] mask = layout.masks(net.density(), 5);
        double[] p = layout.initialParameters(mask, 2.0, 9);
        SplittableRandom random = new SplittableRandom(11);
        int rows = RecurrentSimulator.LANES + 3;
        double[] input = random.doubles((long) rows * LENGTH).toArray();
        int[] labels = random.ints(rows, 0, net.classCount()).toArray();
        RecurrentSimulator sim = new RecurrentSimulator(net, layout, mask);
        RecurrentSimulator.Workspace alone = sim.workspace(LENGTH);
        RecurrentSimulator.Workspace together = sim.workspace(LENGTH);
        for (int count : new int[] {RecurrentSimulator.LANES, 3}) {
            int first = rows - count;
            double[] expected = new double[layout.parameters()];
            double expectedLoss = 0;
            double[][] probabilities = new double[count][];
            for (int b = 0; b < count; b++) {
                sim.forward(p, input, (first + b) * LENGTH, LENGTH, alone);
                probabilities[b] = alone.probabilities().clone();
                expectedLoss += sim.backward(p, input, labels[first + b], alone, expected);
            }
            int[] offsets = new int[count];
            for (int b = 0; b < count; b++) {
                offsets[b] = (first + b) * LENGTH;
            }
            sim.forward(p, input, offsets, count, LENGTH, together);
            for (int b = 0; b < count; b++) {
                assertArrayEquals(probabilities[b], together.probabilities(b), 0.0, "lane " + b);
            }
            double[] gradient = new double[layout.parameters()];
            double loss = sim.backward(p, input, java.util.Arrays.copyOfRange(labels, first, rows), together,
                    gradient);
            assertEquals(expectedLoss, loss, 0.0);
            assertArrayEquals(expected, gradient, 0.0);
        }
    }

    /**
     * The state after a sequence converges as the substeps per input point grow, at the order of
     * each integrator: halving the step divides Euler's error by about 2 and Heun's by about 4.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Integrator.class)
    void substepsConvergeAtTheIntegratorsOrder(Integrator integrator) {
        Neuron simple = new Neuron(Neuron.Kind.STNO, false, 0, 1);
        double[] reference = finalState(simple, 512, Integrator.HEUN);
        double previous = Double.NaN;
        for (int k = 2; k <= 32; k *= 2) {
            double error = distance(finalState(simple, k, integrator), reference);
            if (!Double.isNaN(previous)) {
                double ratio = previous / error;
                double order = integrator == Integrator.EULER ? 2 : 4;
                assertTrue(ratio > 0.8 * order && ratio < 1.25 * order, integrator + " K=" + k + ": error ratio "
                        + ratio);
            }
            previous = error;
        }
    }

    private static double[] finalState(Neuron neuron, int substeps, Integrator integrator) {
        StnoRnnNetwork net = network(neuron, substeps, integrator);
        RecurrentLayout layout = new RecurrentLayout(net.layers(), net.classCount());
        double[] mask = layout.masks(net.density(), 5);
        double[] p = layout.initialParameters(mask, 3.0, 9);
        double[] input = new SplittableRandom(4).doubles(40).toArray();
        RecurrentSimulator sim = new RecurrentSimulator(net, layout, mask);
        RecurrentSimulator.Workspace w = sim.workspace(input.length);
        sim.forward(p, input, 0, input.length, w);
        return sim.stateAfter(w, input.length - 1, new double[sim.stateSize()]);
    }

    private static double distance(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
