package org.oscnet.quantize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Simulation;

/** Random fixed-point networks for property tests: random trained weights, short simulations. */
final class HwFixtures {
    private HwFixtures() {
    }

    /** A network of {@code n} oscillators with {@code pairs} output pairs and random weights within the tuning range. */
    static KuramotoNetwork network(int n, int pairs, int steps, boolean randomPhases) {
        List<KuramotoNetwork.OutputPair> outputs = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            outputs.add(new KuramotoNetwork.OutputPair(n - 2 * pairs + 2 * p, n - 2 * pairs + 2 * p + 1, p));
        }
        Simulation simulation = new Simulation(10e-12, steps * 10e-12, steps * 5e-12,
                randomPhases ? Simulation.InitialPhases.RANDOM : Simulation.InitialPhases.ZERO, 0);
        return new KuramotoNetwork("random_net", n, 10e6, 500e6, 680e6,
                new KuramotoNetwork.KuramotoInput.Linear("data"), outputs, Math.max(2, pairs), simulation);
    }

    /** Weights (Hz per unit feature) and biases (Hz) of the size a trained network has. */
    static double[][] frequencies(Random rng, int n, int features) {
        double[][] w = new double[n][features + 1];
        for (double[] row : w) {
            for (int p = 0; p < features; p++) {
                row[p] = (rng.nextDouble() - 0.5) * 120e6;
            }
            row[features] = 500e6 + rng.nextDouble() * 180e6;
        }
        return w;
    }

    static HardwareTarget.Verilog target(int lanes, int sineEntries, int sineBits) {
        return new HardwareTarget.Verilog(Map.of(), false, 0.01, sineEntries, sineBits, 100e6, lanes, 0, false);
    }

    static HwNetwork plan(long seed, int n, int features, int pairs, int steps, boolean randomPhases, Widths widths) {
        Random rng = new Random(seed);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < Math.max(2, pairs); c++) {
            classes.add("c" + c);
        }
        return Quantizer.plan(network(n, pairs, steps, randomPhases), classes, frequencies(rng, n, features),
                target(n, 256, 12), widths);
    }

    /** Random raw inputs over the whole input range of the plan. */
    static long[] inputs(Random rng, HwNetwork hw, int rows) {
        long[] x = new long[rows * hw.features()];
        QFormat format = hw.inputFormat();
        for (int i = 0; i < x.length; i++) {
            x[i] = format.minRaw() + (long) (rng.nextDouble() * (format.maxRaw() - format.minRaw() + 1));
        }
        return x;
    }
}
