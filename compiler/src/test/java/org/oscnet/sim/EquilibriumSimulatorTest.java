package org.oscnet.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oscnet.model.EquilibriumNetwork;

class EquilibriumSimulatorTest {
    /** The kinds of unit and device spread every property below must hold for. */
    enum Units {
        XY(false, 0), XY_DISPERSED(false, 0.2), STUART_LANDAU(true, 0), STUART_LANDAU_DISPERSED(true, 0.2);

        final boolean amplitudes;
        final double dispersion;

        Units(boolean amplitudes, double dispersion) {
            this.amplitudes = amplitudes;
            this.dispersion = dispersion;
        }

        EquilibriumSimulator simulator(XyLayout layout, double tolerance, EquilibriumNetwork.Solver solver) {
            return simulator(layout, tolerance, solver, 0.1);
        }

        EquilibriumSimulator simulator(XyLayout layout, double tolerance, EquilibriumNetwork.Solver solver, double step) {
            EquilibriumSimulator sim = new EquilibriumSimulator(layout, step, 2000, tolerance, solver, TARGET, -TARGET);
            return amplitudes ? sim.withStuartLandauUnits(MU) : sim;
        }

        XyLayout.Couplings couplings(XyLayout layout, double[] params) {
            return layout.couplings(params, layout.frequencyOffsets(17, dispersion));
        }

        /** Whether the flow is the gradient flow of an energy (Stuart-Landau with spread frequencies is not). */
        boolean gradientFlow() {
            return !(amplitudes && dispersion > 0);
        }
    }

    private static final double MU = 0.7;
    private static final XyLayout LAYERED = new XyLayout(List.of(3, 4, 2), 0, false, 3, 2);
    private static final XyLayout ALL = new XyLayout(List.of(), 8, true, 3, 2);
    private static final double TARGET = Math.PI / 2;

    private static EquilibriumSimulator simulator(XyLayout layout, double tolerance, EquilibriumNetwork.Solver solver) {
        return new EquilibriumSimulator(layout, 0.1, 20_000, tolerance, solver, TARGET, -TARGET);
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

    private static EquilibriumSimulator.Batch loaded(EquilibriumSimulator sim, XyLayout layout, double[] params, long seed) {
        return loaded(sim, layout, params, seed, layout.couplings(params));
    }

    private static EquilibriumSimulator.Batch loaded(EquilibriumSimulator sim, XyLayout layout, double[] params,
            long seed, XyLayout.Couplings k) {
        EquilibriumSimulator.Batch w = sim.batch(1);
        w.count(1);
        double[] inputs = {-1.2, 0.4, 1.1};
        sim.clamp(w, 0, inputs, 0, 1);
        sim.randomStart(w, 0, seed);
        sim.fields(w, k);
        return w;
    }

    private static double totalEnergy(EquilibriumSimulator.Batch w, XyLayout.Couplings k, double beta) {
        return w.energy(0, k) + beta * w.cost(0);
    }

    /**
     * Coordinate {@code j} of sample 0's free state: the phase of unit j (XY units), or the real part
     * of unit j, then the imaginary parts (Stuart-Landau units).
     */
    private static double coordinate(EquilibriumSimulator sim, EquilibriumSimulator.Batch w, int j) {
        return sim.state(w, 0)[j];
    }

    private static void setCoordinate(EquilibriumSimulator sim, EquilibriumSimulator.Batch w, int j, double value) {
        int free = sim.layout().free();
        double[] c = new double[w.capacity * free];
        double[] s = new double[c.length];
        sim.save(w, c, s);
        if (!sim.amplitudes()) {
            c[j * w.capacity] = Math.cos(value);
            s[j * w.capacity] = Math.sin(value);
        } else if (j < free) {
            c[j * w.capacity] = value;
        } else {
            s[(j - free) * w.capacity] = value;
        }
        sim.restore(w, c, s);
    }

    /** The numerical gradient of {@code E + βC} of sample 0 along every coordinate of its free state. */
    private static double[] energyGradient(EquilibriumSimulator sim, EquilibriumSimulator.Batch w,
            XyLayout.Couplings k, double beta, double h) {
        return energyDifferences(sim, w, k, beta, h)[0];
    }

    /**
     * Central differences of {@code E + βC} of sample 0 along every coordinate of its free state:
     * {@code [0]} the first ({@code (E₊ − E₋)/2h}), {@code [1]} the second, unscaled ({@code E₊ + E₋ − 2E}).
     */
    private static double[][] energyDifferences(EquilibriumSimulator sim, EquilibriumSimulator.Batch w,
            XyLayout.Couplings k, double beta, double h) {
        int n = sim.state(w, 0).length;
        double here = totalEnergy(w, k, beta);
        double[][] differences = new double[2][n];
        for (int j = 0; j < n; j++) {
            double x = coordinate(sim, w, j);
            setCoordinate(sim, w, j, x + h);
            double up = totalEnergy(w, k, beta);
            setCoordinate(sim, w, j, x - h);
            double down = totalEnergy(w, k, beta);
            setCoordinate(sim, w, j, x);
            differences[0][j] = (up - down) / (2 * h);
            differences[1][j] = up + down - 2 * here;
        }
        return differences;
    }

    static Stream<Arguments> gradientFlows() {
        return Stream.of(Units.values()).filter(Units::gradientFlow)
                .flatMap(u -> Stream.of(false, true).map(all -> Arguments.of(u, all)));
    }

    /**
     * The dynamics is the gradient flow of the energy: at a random state (not an equilibrium) the
     * flow equals {@code −∂(E + βC)/∂(φ or Re z, Im z)} by central differences, in both the
     * reference's and the Euler loop's code (one Euler step moves the state by Δt times the flow).
     */
    @ParameterizedTest
    @MethodSource("gradientFlows")
    void theDynamicsIsMinusTheEnergyGradient(Units units, boolean allToAll) {
        XyLayout layout = allToAll ? ALL : LAYERED;
        EquilibriumSimulator sim = units.simulator(layout, 1e-11, EquilibriumNetwork.Solver.EULER);
        double step = 1e-6;
        EquilibriumSimulator oneStep = new EquilibriumSimulator(layout, step, step, 0, EquilibriumNetwork.Solver.EULER,
                TARGET, -TARGET);
        oneStep = units.amplitudes ? oneStep.withStuartLandauUnits(MU) : oneStep;
        double[] params = parameters(layout, 4);
        XyLayout.Couplings k = units.couplings(layout, params);
        for (double beta : new double[] {0, 0.3}) {
            EquilibriumSimulator.Batch w = loaded(sim, layout, params, 8, k);
            double[] flow = sim.flow(w, 0, k, beta);
            double[] gradient = energyGradient(sim, w, k, beta, 1e-6);
            double[] before = sim.state(w, 0);
            EquilibriumSimulator.Batch stepped = loaded(oneStep, layout, params, 8, k);
            oneStep.relax(stepped, k, beta);
            double[] after = oneStep.state(stepped, 0);
            for (int j = 0; j < flow.length; j++) {
                assertEquals(-gradient[j], flow[j], 1e-6 * (1 + Math.abs(flow[j])), units + " coordinate " + j
                        + " at beta " + beta);
                double moved = (units.amplitudes ? after[j] - before[j]
                        : Math.IEEEremainder(after[j] - before[j], 2 * Math.PI)) / step;
                assertEquals(flow[j], moved, 1e-4 * (1 + Math.abs(flow[j])), units + " Euler step, coordinate " + j);
            }
        }
    }

    /** Every gradient flow with each fixed-step solver: Euler, and FIRE, which needs an energy. */
    static Stream<Arguments> gradientFlowsAndSteppers() {
        return gradientFlows().flatMap(a -> Stream.of(EquilibriumNetwork.Solver.EULER, EquilibriumNetwork.Solver.FIRE)
                .map(solver -> Arguments.of(a.get()[0], a.get()[1], solver)));
    }

    @ParameterizedTest
    @MethodSource("gradientFlowsAndSteppers")
    void relaxationStopsWhereTheEnergyIsStationary(Units units, boolean allToAll, EquilibriumNetwork.Solver solver) {
        XyLayout layout = allToAll ? ALL : LAYERED;
        EquilibriumSimulator sim = units.simulator(layout, 1e-11, solver);
        double[] params = parameters(layout, 3);
        XyLayout.Couplings k = units.couplings(layout, params);
        for (double beta : new double[] {0, 0.2}) {
            EquilibriumSimulator.Batch w = loaded(sim, layout, params, 11, k);
            double start = totalEnergy(w, k, beta);
            assertEquals(0, sim.relax(w, k, beta), units + " settles");
            double end = totalEnergy(w, k, beta);
            assertTrue(end < start, "the flow lowers the energy: " + start + " -> " + end);
            double h = 1e-5;
            double[][] differences = energyDifferences(sim, w, k, beta, h);
            for (int j = 0; j < differences[0].length; j++) {
                assertEquals(0, differences[0][j], 1e-8, units + ": dE/dx of coordinate " + j + " at beta " + beta);
                assertTrue(differences[1][j] > 0, "a minimum along coordinate " + j);
            }
        }
    }

    static Stream<Arguments> everyKind() {
        return Stream.of(Units.values()).flatMap(u -> Stream.of(false, true).map(all -> Arguments.of(u, all)));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void eulerAndTheAdaptiveReferenceReachTheSameEquilibrium(Units units, boolean allToAll) {
        XyLayout layout = allToAll ? ALL : LAYERED;
        double[] params = parameters(layout, 5);
        XyLayout.Couplings k = units.couplings(layout, params);
        // Stuart-Landau units at Δt = 0.1 left one start of five for another equilibrium than the
        // reference's in these strongly coupled test networks; at 0.05 all five agree.
        EquilibriumSimulator euler = units.simulator(layout, 1e-9, EquilibriumNetwork.Solver.EULER,
                units.amplitudes ? 0.05 : 0.1);
        EquilibriumSimulator adaptive = euler.withSolver(EquilibriumNetwork.Solver.ADAPTIVE);
        for (long seed = 1; seed <= 5; seed++) {
            EquilibriumSimulator.Batch a = loaded(euler, layout, params, seed, k);
            EquilibriumSimulator.Batch b = loaded(adaptive, layout, params, seed, k);
            assertEquals(0, euler.relax(a, k, 0), units + " seed " + seed + ": Euler settles");
            adaptive.relax(b, k, 0);
            // the reference is as exact as its tolerances: the authors' 1e-3 / 1e-6 for all-to-all networks
            double gap = largestGap(layout, a, b);
            assertTrue(gap < (allToAll ? 1e-3 : 1e-5), units + " seed " + seed + ": phases or amplitudes differ by " + gap);
        }
    }

    /**
     * FIRE moves with inertia, so from a random start it may end in another basin than the flow
     * would (the test above shows the minima it stops at are minima); what EP needs is that the
     * nudged relaxation, started from the free equilibrium, ends where the flow's does, and that free
     * relaxations mostly agree with the reference's. Counted here over 20 random starts each.
     */
    @ParameterizedTest
    @MethodSource("gradientFlows")
    void fireReachesTheFlowsEquilibria(Units units, boolean allToAll) {
        XyLayout layout = allToAll ? ALL : LAYERED;
        double[] params = parameters(layout, 5);
        XyLayout.Couplings k = units.couplings(layout, params);
        EquilibriumSimulator adaptive = units.simulator(layout, 1e-9, EquilibriumNetwork.Solver.ADAPTIVE);
        EquilibriumSimulator fire = adaptive.withSolver(EquilibriumNetwork.Solver.FIRE);
        double tolerance = allToAll ? 1e-3 : 1e-5;
        int sameFree = 0;
        int starts = 20;
        for (long seed = 1; seed <= starts; seed++) {
            EquilibriumSimulator.Batch a = loaded(fire, layout, params, seed, k);
            EquilibriumSimulator.Batch b = loaded(adaptive, layout, params, seed, k);
            assertEquals(0, fire.relax(a, k, 0), units + " seed " + seed + ": FIRE settles");
            adaptive.relax(b, k, 0);
            sameFree += largestGap(layout, a, b) < tolerance ? 1 : 0;
            // nudged from the free equilibrium FIRE found: both solvers must end in the same place
            double[] c = new double[layout.free()];
            double[] s = new double[layout.free()];
            fire.save(a, c, s);
            adaptive.restore(b, c, s);
            assertEquals(0, fire.relax(a, k, 0.1), units + " seed " + seed + ": FIRE settles nudged");
            adaptive.relax(b, k, 0.1);
            assertTrue(largestGap(layout, a, b) < tolerance, units + " seed " + seed + ": nudged equilibria differ by "
                    + largestGap(layout, a, b));
        }
        assertTrue(sameFree >= starts * 3 / 4, units + ": FIRE and the reference agree on " + sameFree + " of " + starts
                + " free equilibria");
    }

    /** The largest difference of phase or amplitude between sample 0 of two batches. */
    private static double largestGap(XyLayout layout, EquilibriumSimulator.Batch a, EquilibriumSimulator.Batch b) {
        double gap = 0;
        for (int f = 0; f < layout.free(); f++) {
            gap = Math.max(gap, Math.abs(Math.IEEEremainder(a.phase(f, 0) - b.phase(f, 0), 2 * Math.PI)));
            gap = Math.max(gap, Math.abs(Math.hypot(a.cos(f, 0), a.sin(f, 0)) - Math.hypot(b.cos(f, 0), b.sin(f, 0))));
        }
        return gap;
    }

    /**
     * The loss is the cost at the free equilibrium; its gradient by central differences (each
     * perturbed network relaxed from the same equilibrium, so it stays in the same basin) is what EP
     * estimates. One-sided nudges err by O(β), symmetric ones by O(β²).
     */
    @ParameterizedTest
    @EnumSource(value = Units.class, names = {"XY", "XY_DISPERSED", "STUART_LANDAU"})
    void equilibriumPropagationApproachesTheTrueGradient(Units units) {
        XyLayout layout = LAYERED;
        EquilibriumSimulator sim = units.simulator(layout, 1e-12, EquilibriumNetwork.Solver.EULER);
        double[] params = parameters(layout, 7);
        EquilibriumSimulator.Batch w = loaded(sim, layout, params, 2, units.couplings(layout, params));
        sim.relax(w, units.couplings(layout, params), 0);
        double[] freeCos = new double[layout.free()];
        double[] freeSin = new double[layout.free()];
        sim.save(w, freeCos, freeSin);
        double[] exact = new double[params.length];
        double h = 1e-5;
        for (int p = 0; p < params.length; p++) {
            exact[p] = (costAfter(units, sim, layout, params, p, h, freeCos, freeSin)
                    - costAfter(units, sim, layout, params, p, -h, freeCos, freeSin)) / (2 * h);
        }
        double previousOneSided = Double.POSITIVE_INFINITY;
        double previousSymmetric = Double.POSITIVE_INFINITY;
        for (double beta : new double[] {0.1, 0.01, 0.001}) {
            double oneSided = relativeError(ep(units, sim, layout, params, freeCos, freeSin, beta, false), exact);
            double symmetric = relativeError(ep(units, sim, layout, params, freeCos, freeSin, beta, true), exact);
            assertTrue(oneSided < previousOneSided && symmetric < previousSymmetric, "beta " + beta);
            assertTrue(symmetric < oneSided, "beta " + beta + ": symmetric " + symmetric + ", one-sided " + oneSided);
            previousOneSided = oneSided;
            previousSymmetric = symmetric;
        }
        assertTrue(previousOneSided < 0.01, units + " one-sided at beta 0.001: " + previousOneSided);
        assertTrue(previousSymmetric < 1e-4, units + " symmetric at beta 0.001: " + previousSymmetric);
    }

    private static double costAfter(Units units, EquilibriumSimulator sim, XyLayout layout, double[] params, int p,
            double delta, double[] cos, double[] sin) {
        double[] moved = params.clone();
        moved[p] += delta;
        XyLayout.Couplings k = units.couplings(layout, moved);
        EquilibriumSimulator.Batch w = loaded(sim, layout, moved, 2, k);
        sim.restore(w, cos, sin);
        sim.relax(w, k, 0);
        return w.cost(0);
    }

    private static double[] ep(Units units, EquilibriumSimulator sim, XyLayout layout, double[] params, double[] cos,
            double[] sin, double beta, boolean symmetric) {
        XyLayout.Couplings k = units.couplings(layout, params);
        EquilibriumSimulator.Batch w = loaded(sim, layout, params, 2, k);
        double[] g = new double[params.length];
        sim.restore(w, cos, sin);
        if (!symmetric) {
            w.addEnergyGradient(0, 1, params, -1 / beta, g);
        }
        sim.relax(w, k, beta);
        double scale = symmetric ? 1 / (2 * beta) : 1 / beta;
        w.addEnergyGradient(0, 1, params, scale, g);
        if (symmetric) {
            sim.restore(w, cos, sin);
            sim.relax(w, k, -beta);
            w.addEnergyGradient(0, 1, params, -scale, g);
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

    /** Every kind of unit with and without noise under Euler, and every gradient flow under FIRE. */
    static Stream<Arguments> batchingCases() {
        return Stream.concat(everyKind().map(a -> Arguments.of(a.get()[0], a.get()[1], EquilibriumNetwork.Solver.EULER)),
                gradientFlows().filter(a -> !(boolean) a.get()[1])
                        .map(a -> Arguments.of(a.get()[0], false, EquilibriumNetwork.Solver.FIRE)));
    }

    @ParameterizedTest
    @MethodSource("batchingCases")
    void aSampleRelaxesTheSameAloneOrBesideOthers(Units units, boolean noisy, EquilibriumNetwork.Solver solver) {
        XyLayout layout = ALL;
        EquilibriumSimulator sim = units.simulator(layout, 1e-6, solver);
        sim = noisy ? sim.withNoise(0.05) : sim;
        double[] params = parameters(layout, 9);
        XyLayout.Couplings k = units.couplings(layout, params);
        int n = 7;
        EquilibriumSimulator.Batch many = sim.batch(n);
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
            EquilibriumSimulator.Batch one = sim.batch(1);
            one.count(1);
            sim.clamp(one, 0, inputs[b], 0, b % 2);
            sim.randomStart(one, 0, 100 + b);
            sim.fields(one, k);
            sim.relax(one, k, 0.1);
            assertEquals(one.steps(0), many.steps(b), "sample " + b);
            assertEquals(one.locked(0), many.locked(b), "sample " + b);
            for (int f = 0; f < layout.free(); f++) {
                assertEquals(one.cos(f, 0), many.cos(f, b), 0.0, "sample " + b + " unit " + f);
                assertEquals(one.sin(f, 0), many.sin(f, b), 0.0, "sample " + b + " unit " + f);
            }
        }
    }

    /**
     * A network locks while its couplings can hold the devices' frequency spread: with a spread of a
     * few percent of the mean frequency every sample locks, with a spread far beyond the couplings
     * none does; with phase noise the same holds by the slip criterion.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unitsFasterThanTheirCouplingsDoNotLock(boolean noisy) {
        XyLayout layout = ALL;
        EquilibriumSimulator sim = new EquilibriumSimulator(layout, 0.1, 200, 1e-6, EquilibriumNetwork.Solver.EULER,
                TARGET, -TARGET);
        sim = noisy ? sim.withNoise(0.002) : sim;
        double[] params = parameters(layout, 9);
        for (double dispersion : new double[] {0.02, 20}) {
            XyLayout.Couplings k = layout.couplings(params, layout.frequencyOffsets(3, dispersion));
            int n = 6;
            EquilibriumSimulator.Batch w = sim.batch(n);
            w.count(n);
            for (int b = 0; b < n; b++) {
                sim.clamp(w, b, new double[] {0.1 * b, -0.5, 1.0}, 0, b % 2);
                sim.randomStart(w, b, 40 + b);
            }
            sim.fields(w, k);
            sim.relax(w, k, 0);
            for (int b = 0; b < n; b++) {
                assertEquals(dispersion < 1, w.locked(b), "dispersion " + dispersion + ", sample " + b);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void frequencyOffsetsAreCentredAndScaleWithTheDispersion() {
        double[] small = ALL.frequencyOffsets(5, 0.01);
        double[] large = ALL.frequencyOffsets(5, 0.1);
        double sum = 0;
        for (int f = 0; f < small.length; f++) {
            sum += small[f];
            assertEquals(10 * small[f], large[f], 1e-15);
        }
        assertEquals(0, sum, 1e-15);
        assertTrue(java.util.Arrays.stream(small).anyMatch(x -> x != 0));
        assertEquals(0, java.util.Arrays.stream(ALL.frequencyOffsets(5, 0)).map(Math::abs).sum());
    }
}
