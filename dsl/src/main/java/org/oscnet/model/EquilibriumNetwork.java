package org.oscnet.model;

import java.util.List;

/**
 * A network trained by equilibrium propagation (seed papers 3 and 4): XY phase units or
 * Stuart-Landau amplitude-phase units, layered or all-to-all, with inputs clamped as phases in
 * {@code [inputPhaseLow, inputPhaseHigh]} radians and outputs read as phases (target
 * {@code targetPhase} for the right class, {@code otherPhase} for the others).
 */
public record EquilibriumNetwork(String name, Kind kind, String dataset, List<Integer> layers, int units,
        boolean allToAll, int inputs, int outputs, double inputPhaseLow, double inputPhaseHigh, double targetPhase,
        double otherPhase, double frequencyDispersion, double amplitude, Simulation simulation, Relaxation relaxation)
        implements Network {

    public EquilibriumNetwork {
        layers = List.copyOf(layers);
    }

    /**
     * How a relaxation is solved: fixed {@code simulation.step()} Euler steps, or adaptive
     * Dormand-Prince steps; either stops once every free unit moves slower than {@code tolerance}
     * (max |dφ/dt|), or at {@code simulation.duration()}.
     */
    public record Relaxation(Solver solver, double tolerance) {
    }

    /** The integrator of a relaxation. */
    public enum Solver {
        EULER, ADAPTIVE, FIRE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The solver in a report's words, with the network's {@code simulate { step }}. */
        public String describe(double step) {
            return switch (this) {
                case EULER -> String.format(java.util.Locale.ROOT, "Euler step %s", step);
                case FIRE -> String.format(java.util.Locale.ROOT, "FIRE (inertial) starting at step %s", step);
                case ADAPTIVE -> "Dormand-Prince 5(4) with adaptive steps";
            };
        }
    }

    /** The same layered network with other layer sizes (benchmarks and studies). */
    public EquilibriumNetwork withLayers(List<Integer> sizes) {
        return new EquilibriumNetwork(name, kind, dataset, sizes, units, false, inputs, outputs, inputPhaseLow,
                inputPhaseHigh, targetPhase, otherPhase, frequencyDispersion, amplitude, simulation, relaxation);
    }

    /** The same network relaxed by another solver (benchmarks compare them). */
    public EquilibriumNetwork withSolver(Solver solver) {
        return new EquilibriumNetwork(name, kind, dataset, layers, units, allToAll, inputs, outputs, inputPhaseLow,
                inputPhaseHigh, targetPhase, otherPhase, frequencyDispersion, amplitude, simulation,
                new Relaxation(solver, relaxation.tolerance()));
    }

    /** The same network made all-to-all with {@code count} units in total. */
    public EquilibriumNetwork withUnits(int count) {
        return new EquilibriumNetwork(name, kind, dataset, List.of(), count, true, inputs, outputs, inputPhaseLow,
                inputPhaseHigh, targetPhase, otherPhase, frequencyDispersion, amplitude, simulation, relaxation);
    }

    /** The same network among devices of another relative frequency dispersion (studies). */
    public EquilibriumNetwork withDispersion(double dispersion) {
        return new EquilibriumNetwork(name, kind, dataset, layers, units, allToAll, inputs, outputs, inputPhaseLow,
                inputPhaseHigh, targetPhase, otherPhase, dispersion, amplitude, simulation, relaxation);
    }

    /** The same network relaxed with phase noise of another linewidth (a fraction of the mean frequency). */
    public EquilibriumNetwork withNoise(double linewidth) {
        Simulation noisy = new Simulation(simulation.step(), simulation.duration(), simulation.readout(),
                simulation.initialPhases(), linewidth);
        return new EquilibriumNetwork(name, kind, dataset, layers, units, allToAll, inputs, outputs, inputPhaseLow,
                inputPhaseHigh, targetPhase, otherPhase, frequencyDispersion, amplitude, noisy, relaxation);
    }

    /** Units whose phases are clamped to the inputs. */
    public int clamped() {
        return inputs;
    }

    /** Every unit, inputs included. */
    public int totalUnits() {
        return allToAll ? units : layers.stream().mapToInt(Integer::intValue).sum();
    }

    /** Which unit the network is made of. */
    public enum Kind {
        XY("xy"), STUART_LANDAU("stuart_landau");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public String family() {
        return kind.keyword();
    }
}
