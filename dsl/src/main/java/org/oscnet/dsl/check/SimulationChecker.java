package org.oscnet.dsl.check;

import java.util.List;
import java.util.Set;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;
import org.oscnet.model.Simulation;

/**
 * Checks a {@code simulate} block. Oscillator networks run in seconds (defaults: the 10 ps Euler
 * step, 1 us run and last-half read-out of seed paper 1); equilibrium networks relax in their
 * own dimensionless time (defaults: step 0.1 up to t = 100, as in seed paper 3).
 */
final class SimulationChecker {
    /** What a family's simulate block accepts and assumes. */
    record Rules(Dimension timeDimension, Set<String> statements, double step, double duration, boolean readout) {
        /** Oscillator linewidths are frequencies; in dimensionless time they are fractions of the mean frequency. */
        Dimension noiseDimension() {
            return timeDimension == Dimension.TIME ? Dimension.FREQUENCY : Dimension.NONE;
        }
    }

    static final Rules OSCILLATOR = new Rules(Dimension.TIME, Set.of("step", "duration", "readout", "phases", "noise"),
            10e-12, 1e-6, true);
    static final Rules RELAXATION = new Rules(Dimension.NONE, Set.of("step", "duration", "phases", "integrator",
            "tolerance", "noise"), 0.1, 100, false);
    static final Rules RECURRENT = new Rules(Dimension.TIME, Set.of("step", "integrator"), Double.NaN, Double.NaN, false);

    private SimulationChecker() {
    }

    static Simulation check(Ast.SimulateBlock block, Span fallbackSpan, String family, Rules rules, double defaultStep,
            Diagnostics diagnostics) {
        List<Ast.Statement> body = block == null ? List.of() : block.statements();
        Block settings = new Block("the simulate block", block == null ? fallbackSpan : block.span(), body,
                rules.statements(), "does not apply to the simulation of a " + family + " network", diagnostics);
        double step = settings.quantity("step", rules.timeDimension(), Double.isNaN(rules.step()) ? defaultStep
                : rules.step(), Values.positive());
        double duration = settings.quantity("duration", rules.timeDimension(), rules.duration(), Values.positive());
        double readout = rules.readout()
                ? settings.quantity("readout", rules.timeDimension(), duration / 2, Values.positive()) : duration;
        if (step >= duration && settings.has("step")) {
            diagnostics.error(settings.statement("step").orElseThrow().span(),
                    "the time step must be shorter than the run (`duration`)");
        } else if (duration / step > 1e9) {
            diagnostics.error(settings.statement("duration").or(() -> settings.statement("step")).orElseThrow().span(),
                    "the run takes more than 1e9 steps; use a longer `step` or a shorter `duration`");
        }
        if (readout > duration) {
            diagnostics.error(settings.statement("readout").orElseThrow().span(),
                    "the read-out window is longer than the run (`duration`)");
        }
        Simulation.InitialPhases phases = settings.get("phases", Ast.WordSetting.class)
                .map(w -> w.value().text().equals("zero") ? Simulation.InitialPhases.ZERO : Simulation.InitialPhases.RANDOM)
                .orElse(Simulation.InitialPhases.RANDOM);
        double noise = settings.quantity("noise", rules.noiseDimension(), 0.0, Values.nonNegative());
        if (noise > 0 && rules.noiseDimension() == Dimension.NONE) {
            settings.get("noise", Ast.QuantitySetting.class).ifPresent(n -> Values.requirePercent(n.value(),
                    "the noise linewidth", "noise linewidth 1 %", diagnostics));
        }
        return new Simulation(step, duration, readout, phases, noise);
    }
}
