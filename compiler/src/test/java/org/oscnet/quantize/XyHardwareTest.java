package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oscnet.emit.XyModelEmitter;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.FeatureMap;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Simulation;
import org.oscnet.sim.XyLayout;

/**
 * The digital XY array's arithmetic: the JavaPoet model computes exactly what {@link XySemantics}
 * defines, and the fixed-point relaxation follows the float Euler dynamics it stands for.
 */
class XyHardwareTest {
    @TempDir
    Path dir;

    private static EquilibriumNetwork network(boolean allToAll, long steps, boolean randomPhases) {
        Simulation simulation = new Simulation(0.1, steps * 0.1, 0,
                randomPhases ? Simulation.InitialPhases.RANDOM : Simulation.InitialPhases.ZERO, 0);
        return new EquilibriumNetwork("random_xy", EquilibriumNetwork.Kind.XY, "data",
                allToAll ? List.of() : List.of(5, 7, 3), 11, allToAll, 5, 3, -Math.PI / 2, Math.PI / 2, Math.PI / 2,
                -Math.PI / 2, 0, 1, simulation, new EquilibriumNetwork.Relaxation(EquilibriumNetwork.Solver.EULER, 1e-4));
    }

    /** Trained-looking parameters: the authors' start with couplings scaled up and biases switched on. */
    private static double[] parameters(EquilibriumNetwork network, long seed) {
        XyLayout layout = XyLayout.of(network);
        double[] p = layout.initialParameters(seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int e = 0; e < layout.edges(); e++) {
            p[e] *= 3;
        }
        for (int f = 0; f < layout.free(); f++) {
            p[layout.biasOffset() + f] = 0.5 * random.nextDouble();
        }
        return p;
    }

    private static HardwareTarget.Verilog target(int entries, int bits) {
        return new HardwareTarget.Verilog(Map.of(), false, 0.01, entries, bits, 100e6, 1, 0, false);
    }

    private static long[] randomPhases(SplittableRandom random, XyHw hw, int rows) {
        long[] words = new long[rows * hw.inputs()];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong(1L << hw.phaseBits());
        }
        return words;
    }

    /** Frequency offsets of a network's devices at {@code dispersion} (all 0 at 0). */
    private static double[] offsets(EquilibriumNetwork network, long seed, double dispersion) {
        return XyLayout.of(network).frequencyOffsets(seed, dispersion);
    }

    @ParameterizedTest
    @CsvSource({"1, false, true, 12, 12, 0", "2, true, true, 16, 14, 0", "3, false, false, 10, 8, 0",
        "4, true, false, 20, 16, 0", "5, false, true, 16, 12, 0.05", "6, true, false, 12, 10, 0.2"})
    void generatedModelEqualsTheSemantics(long seed, boolean allToAll, boolean randomPhases, int phaseBits,
            int weightBits, double dispersion) throws Exception {
        EquilibriumNetwork network = network(allToAll, 60, randomPhases);
        XyHw hw = XyQuantizer.plan(network, parameters(network, seed), offsets(network, seed, dispersion),
                target(256, 12), new Widths(phaseBits, 0, weightBits, 16, 0, 0));
        assertEquals(dispersion > 0, hw.drifts());
        Path source = dir.resolve(XyModelEmitter.sourcePath(hw));
        Files.createDirectories(source.getParent());
        Files.writeString(source, XyModelEmitter.render(hw, FeatureMap.identity(hw.inputs()), "test",
                "test.osc"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), source.toString()), "javac failed");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()})) {
            Class<?> type = loader.loadClass(XyModelEmitter.qualifiedName(hw));
            Object model = type.getConstructor().newInstance();
            Method classify = type.getMethod("classify", long[].class);
            int rows = 20;
            long[] inputs = randomPhases(new SplittableRandom(seed), hw, rows);
            XySemantics.Outcome[] expected = XySemantics.runAll(hw, inputs, rows);
            for (int r = 0; r < rows; r++) {
                long[] row = java.util.Arrays.copyOfRange(inputs, r * hw.inputs(), (r + 1) * hw.inputs());
                Object result = classify.invoke(model, (Object) row);
                assertEquals(expected[r].classIndex(), result.getClass().getMethod("classIndex").invoke(result),
                        "class " + r);
                assertEquals(expected[r].digest(), result.getClass().getMethod("digest").invoke(result), "digest " + r);
            }
            double[] scaled = {0, 0.25, 0.5, 1, 1.25};
            assertEquals(java.util.Arrays.toString(XySemantics.encode(hw, scaled)), java.util.Arrays.toString(
                    (long[]) type.getMethod("encode", double[].class).invoke(null, (Object) scaled)), "encode");
        }
    }

    /**
     * The float Euler relaxation written out here, independently of the simulator:
     * {@code dφ_f/dt = Σ_j W_fj sin(φ_j − φ_f) + h_f sin(ψ_f − φ_f)}, inputs clamped.
     */
    private static double[] floatRelaxation(XyLayout layout, double[] p, double[] offsets, double[] inputs,
            double[] start, long steps, double dt) {
        int n = layout.units();
        double[] phi = new double[n];
        System.arraycopy(inputs, 0, phi, 0, layout.inputs());
        System.arraycopy(start, 0, phi, layout.inputs(), layout.free());
        for (long t = 0; t < steps; t++) {
            double[] force = new double[n];
            for (int e = 0; e < layout.edges(); e++) {
                int a = layout.edgeLow(e);
                int b = layout.edgeHigh(e);
                force[b] += p[e] * Math.sin(phi[a] - phi[b]);
                force[a] += p[e] * Math.sin(phi[b] - phi[a]);
            }
            for (int f = 0; f < layout.free(); f++) {
                int u = layout.inputs() + f;
                force[u] += p[layout.biasOffset() + f] * Math.sin(p[layout.biasPhaseOffset() + f] - phi[u]);
            }
            for (int u = layout.inputs(); u < n; u++) {
                phi[u] += dt * (force[u] + offsets[u - layout.inputs()]);
            }
        }
        return java.util.Arrays.copyOfRange(phi, layout.inputs(), n);
    }

    @ParameterizedTest
    @CsvSource({"5, false, 0", "6, true, 0", "7, false, 0", "8, false, 0.1", "9, true, 0.1"})
    void fixedPointRelaxationFollowsTheFloatDynamics(long seed, boolean allToAll, double dispersion) {
        EquilibriumNetwork network = network(allToAll, 400, true);
        double[] p = parameters(network, seed);
        double[] offsets = offsets(network, seed, dispersion);
        XyHw hw = XyQuantizer.plan(network, p, offsets, target(4096, 14), new Widths(20, 0, 14, 12, 0, 0));
        XyLayout layout = XyLayout.of(network);
        SplittableRandom random = new SplittableRandom(seed);
        long[] inputs = randomPhases(random, hw, 1);
        long[] start = XySemantics.initialPhases(hw, XySemantics.resetLfsr(hw));
        XySemantics.Outcome fixed = XySemantics.run(hw, inputs, start, null);
        double turn = Math.scalb(2 * Math.PI, -hw.phaseBits());
        double[] floatInputs = java.util.Arrays.stream(inputs).mapToDouble(w -> w * turn).toArray();
        double[] floatStart = java.util.Arrays.stream(start).mapToDouble(w -> w * turn).toArray();
        double[] expected = floatRelaxation(layout, p, offsets, floatInputs, floatStart, hw.steps(), 0.1);
        for (int f = 0; f < hw.free(); f++) {
            double difference = Math.IEEEremainder(fixed.phases()[f] * turn - expected[f], 2 * Math.PI);
            assertTrue(Math.abs(difference) < 0.02, "unit " + f + ": fixed point " + fixed.phases()[f] * turn
                    + " rad, float " + expected[f] + " rad");
        }
    }

    @Test
    void aWeightWidthTooSmallForTheCouplingsIsRefused() {
        EquilibriumNetwork network = network(false, 10, true);
        double[] p = parameters(network, 1);
        p[0] = 9.5;
        WidthTooSmall e = assertThrows(WidthTooSmall.class,
                () -> XyQuantizer.plan(network, p, offsets(network, 1, 0), target(256, 12),
                        new Widths(16, 0, 4, 16, 0, 0)));
        assertTrue(e.getMessage().contains("couplings up to 10 need a weight of at least 5 bits"), e.getMessage());
    }
}
