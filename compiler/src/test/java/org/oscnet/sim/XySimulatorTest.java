package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oscnet.model.EquilibriumNetwork;

class XySimulatorTest {
    private static final XyLayout LAYERED = new XyLayout(List.of(3, 4, 2), 0, false, 3, 2);
    private static final XyLayout ALL = new XyLayout(List.of(), 8, true, 3, 2);
    private static final double TARGET = Math.PI / 2;

    private static XySimulator simulator(XyLayout layout, double tolerance, EquilibriumNetwork.Solver solver) {
        return new XySimulator(layout, 0.1, 20_000, tolerance, solver, TARGET, -TARGET);
    }

    /** Parameters with biases switched on, so every term of the energy is exercised. */
    private static double[] parameters(XyLayout layout, long seed) {
        double[] p = layout.initialParameters(seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int e = 0; e < layout.edges(); e++) {
            p[e] *= 3;
        }
        for (int f = 0; f < layout.free(); f++) {
            p[layout.biasOffset() + f] = 0.3 * random.nextDouble();
        }
        return p;
    }

    private static XySimulator.Batch loaded(XySimulator sim, XyLayout layout, double[] params, long seed) {
        XySimulator.Batch w = sim.batch(1);
        w.count(1);
        double[] inputs = {-1.2, 0.4, 1.1};
        sim.clamp(w, 0, inputs, 0, 1);
        sim.randomStart(w, 0, seed);
        sim.fields(w, layout.couplings(params));
        return w;
    }

    private static double totalEnergy(XySimulator.Batch w, XyLayout.Couplings k, double beta) {
        return w.energy(0, k) + beta * w.cost(0);
    }

    private static void setPhase(XySimulator sim, XySimulator.Batch w, int f, double phase) {
        double[] c = new double[w.capacity * sim.layout().free()];
        double[] s = new double[c.length];
        sim.save(w, c, s);
        c[f * w.capacity] = Math.cos(phase);
        s[f * w.capacity] = Math.sin(phase);
        sim.restore(w, c, s);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void relaxationStopsWhereTheEnergyIsStationary(boolean allToAll) {
        XyLayout layout = allToAll ? ALL : LAYERED;
        XySimulator sim = simulator(layout, 1e-11, EquilibriumNetwork.Solver.EULER);
        double[] params = parameters(layout, 3);
        XyLayout.Couplings k = layout.couplings(params);
        for (double beta : new double[] {0, 0.2}) {
            XySimulator.Batch w = loaded(sim, layout, params, 11);
            double start = totalEnergy(w, k, beta);
            assertEquals(0, sim.relax(w, k, beta));
            double end = totalEnergy(w, k, beta);
            assertTrue(end < start, "the flow lowers the energy: " + start + " -> " + end);
            double h = 1e-5;
            for (int f = 0; f < layout.free(); f++) {
                double phase = w.phase(f, 0);
                setPhase(sim, w, f, phase + h);
                double up = totalEnergy(w, k, beta);
                setPhase(sim, w, f, phase - h);
                double down = totalEnergy(w, k, beta);
                setPhase(sim, w, f, phase);
                assertEquals(0, (up - down) / (2 * h), 1e-8, "dE/dphi of free unit " + f + " at beta " + beta);
                assertTrue(up + down - 2 * end > 0, "a minimum along unit " + f);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eulerAndTheAdaptiveReferenceReachTheSameEquilibrium(boolean allToAll) {
        XyLayout layout = allToAll ? ALL : LAYERED;
        double[] params = parameters(layout, 5);
        XyLayout.Couplings k = layout.couplings(params);
        XySimulator euler = simulator(layout, 1e-9, EquilibriumNetwork.Solver.EULER);
        XySimulator adaptive = euler.withSolver(EquilibriumNetwork.Solver.ADAPTIVE);
        for (long seed = 1; seed <= 5; seed++) {
            XySimulator.Batch a = loaded(euler, layout, params, seed);
            XySimulator.Batch b = loaded(adaptive, layout, params, seed);
            euler.relax(a, k, 0);
            adaptive.relax(b, k, 0);
            for (int f = 0; f < layout.free(); f++) {
                double gap = Math.abs(Math.IEEEremainder(a.phase(f, 0) - b.phase(f, 0), 2 * Math.PI));
                assertTrue(gap < 1e-5, "seed " + seed + " unit " + f + ": " + a.phase(f, 0) + " vs " + b.phase(f, 0));
            }
        }
    }

    /**
     * The loss is the cost at the free equilibrium; its gradient by central differences (each
     * perturbed network relaxed from the same equilibrium, so it stays in the same basin) is what EP
     * estimates. One-sided nudges err by O(β), symmetric ones by O(β²).
     */
    @Test
    void equilibriumPropagationApproachesTheTrueGradient() {
        XyLayout layout = LAYERED;
        XySimulator sim = simulator(layout, 1e-12, EquilibriumNetwork.Solver.EULER);
        double[] params = parameters(layout, 7);
        XySimulator.Batch w = loaded(sim, layout, params, 2);
        sim.relax(w, layout.couplings(params), 0);
        double[] freeCos = new double[layout.free()];
        double[] freeSin = new double[layout.free()];
        sim.save(w, freeCos, freeSin);
        double[] exact = new double[params.length];
        double h = 1e-5;
        for (int p = 0; p < params.length; p++) {
            exact[p] = (costAfter(sim, layout, params, p, h, freeCos, freeSin)
                    - costAfter(sim, layout, params, p, -h, freeCos, freeSin)) / (2 * h);
        }
        double previousOneSided = Double.POSITIVE_INFINITY;
        double previousSymmetric = Double.POSITIVE_INFINITY;
        for (double beta : new double[] {0.1, 0.01, 0.001}) {
            double oneSided = relativeError(ep(sim, layout, params, freeCos, freeSin, beta, false), exact);
            double symmetric = relativeError(ep(sim, layout, params, freeCos, freeSin, beta, true), exact);
            assertTrue(oneSided < previousOneSided && symmetric < previousSymmetric, "beta " + beta);
            assertTrue(symmetric < oneSided, "beta " + beta + ": symmetric " + symmetric + ", one-sided " + oneSided);
            previousOneSided = oneSided;
            previousSymmetric = symmetric;
        }
        assertTrue(previousOneSided < 0.01, "one-sided at beta 0.001: " + previousOneSided);
        assertTrue(previousSymmetric < 1e-4, "symmetric at beta 0.001: " + previousSymmetric);
    }

    private static double costAfter(XySimulator sim, XyLayout layout, double[] params, int p, double delta,
            double[] cos, double[] sin) {
        double[] moved = params.clone();
        moved[p] += delta;
        XySimulator.Batch w = loaded(sim, layout, moved, 2);
        sim.restore(w, cos, sin);
        sim.relax(w, layout.couplings(moved), 0);
        return w.cost(0);
    }

    private static double[] ep(XySimulator sim, XyLayout layout, double[] params, double[] cos, double[] sin,
            double beta, boolean symmetric) {
        XyLayout.Couplings k = layout.couplings(params);
        XySimulator.Batch w = loaded(sim, layout, params, 2);
        double[] g = new double[params.length];
        sim.restore(w, cos, sin);
        if (!symmetric) {
            w.addEnergyGradient(0, params, -1 / beta, g);
        }
        sim.relax(w, k, beta);
        double scale = symmetric ? 1 / (2 * beta) : 1 / beta;
        w.addEnergyGradient(0, params, scale, g);
        if (symmetric) {
            sim.restore(w, cos, sin);
            sim.relax(w, k, -beta);
            w.addEnergyGradient(0, params, -scale, g);
        }
        return g;
    }

    private static double relativeError(double[] estimate, double[] exact) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += (estimate[i] - exact[i]) * (estimate[i] - exact[i]);
            norm += exact[i] * exact[i];
        }
        return Math.sqrt(diff / norm);
    }

    @Test
    void aSampleRelaxesTheSameAloneOrBesideOthers() {
        XyLayout layout = ALL;
        XySimulator sim = simulator(layout, 1e-6, EquilibriumNetwork.Solver.EULER);
        double[] params = parameters(layout, 9);
        XyLayout.Couplings k = layout.couplings(params);
        int n = 7;
        XySimulator.Batch many = sim.batch(n);
        many.count(n);
        SplittableRandom random = new SplittableRandom(4);
        double[][] inputs = new double[n][3];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < 3; j++) {
                inputs[b][j] = Math.PI * (random.nextDouble() - 0.5);
            }
            sim.clamp(many, b, inputs[b], 0, b % 2);
            sim.randomStart(many, b, 100 + b);
        }
        sim.fields(many, k);
        sim.relax(many, k, 0.1);
        for (int b = 0; b < n; b++) {
            XySimulator.Batch one = sim.batch(1);
            one.count(1);
            sim.clamp(one, 0, inputs[b], 0, b % 2);
            sim.randomStart(one, 0, 100 + b);
            sim.fields(one, k);
            sim.relax(one, k, 0.1);
            assertEquals(one.steps(0), many.steps(b), "sample " + b);
            for (int f = 0; f < layout.free(); f++) {
                assertEquals(one.cos(f, 0), many.cos(f, b), 0.0, "sample " + b + " unit " + f);
                assertEquals(one.sin(f, 0), many.sin(f, b), 0.0, "sample " + b + " unit " + f);
            }
        }
    }
}
