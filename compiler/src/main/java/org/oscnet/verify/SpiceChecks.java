package org.oscnet.verify;

import java.util.Locale;
import org.oscnet.io.SpiceJson;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.sim.Coupling;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.train.Readout;

/**
 * The ngspice checks of a compiled spintronic network, each against oscnet's own models: level 1
 * against the simulator (frequencies within 0.5 %, the same synchronised pairs on every sample),
 * the level 2 tuning curve against the analytic one (within 1 %), the level 2 pair against the
 * phase-reduced model's lock condition, and the level 2 classifier's decisions against the
 * simulator's (agreement at least 95 %).
 */
public final class SpiceChecks {
    public static final double LEVEL1_TOLERANCE = 0.005;
    public static final double TUNING_TOLERANCE = 0.01;
    public static final double LEVEL2_AGREEMENT = 0.95;
    /** The largest share of samples the level 1 check may set aside as numerically sensitive. */
    public static final double MAX_SENSITIVE = 0.1;
    static final double PHASE_NUDGE_TURNS = 1e-4;

    private final SpiceJson.Manifest m;
    private final Readout readout;

    public SpiceChecks(SpiceJson.Manifest manifest) {
        this.m = manifest;
        this.readout = new Readout(m.oscillators(), m.couplingHz(), m.pairs().stream()
                .map(p -> new KuramotoNetwork.OutputPair(p.first(), p.second(), p.syncClass())).toList());
    }

    /** The network's simulator, as the manifest describes it (no noise). */
    public KuramotoSimulator simulator() {
        return simulator(1);
    }

    /** The simulator with its step divided by {@code refinement} (same duration and window). */
    private KuramotoSimulator simulator(int refinement) {
        return new KuramotoSimulator(m.oscillators(), new Coupling.Uniform(m.couplingHz()),
                m.stepSeconds() / refinement, m.steps() * refinement, m.readoutSteps() * refinement, 0.0, true,
                m.centreHz(), org.oscnet.sim.Threads.allCores());
    }

    /**
     * The simulator's answer and how well it pins it down: its mean frequencies, their range over
     * variants with the step halved and quartered and with the initial phases nudged by
     * {@value #PHASE_NUDGE_TURNS} turn, and the samples where a variant synchronises a different
     * set of pairs. Near a locking boundary, or where the dynamics are chaotic, two correct
     * integrators (Euler here, trapezoidal in ngspice) may disagree by that much.
     */
    public record Reference(double[] meanHz, double[] lowHz, double[] highHz, boolean[] sensitive) {
    }

    /** The simulator's mean frequencies of the test samples at the given natural frequencies, from the netlists' phases. */
    public double[] simulate(double[] naturalHz) {
        return simulator().meanFrequencies(naturalHz, m.samples(), m.initialTurns(), 0, 0);
    }

    public Reference reference(double[] naturalHz) {
        double[] nominal = simulate(naturalHz);
        double[] nudged = m.initialTurns().clone();
        for (int e = 0; e < nudged.length; e++) {
            nudged[e] += (e % 2 == 0 ? 1 : -1) * PHASE_NUDGE_TURNS;
        }
        double[][] variants = {
            simulator(2).meanFrequencies(naturalHz, m.samples(), m.initialTurns(), 0, 0),
            simulator(4).meanFrequencies(naturalHz, m.samples(), m.initialTurns(), 0, 0),
            simulator(1).meanFrequencies(naturalHz, m.samples(), nudged, 0, 0)};
        double[] low = nominal.clone();
        double[] high = nominal.clone();
        boolean[] sensitive = new boolean[m.samples()];
        for (double[] variant : variants) {
            for (int e = 0; e < nominal.length; e++) {
                low[e] = Math.min(low[e], variant[e]);
                high[e] = Math.max(high[e], variant[e]);
            }
            for (int r = 0; r < m.samples(); r++) {
                for (int p = 0; p < m.pairs().size(); p++) {
                    sensitive[r] |= (readout.distance(variant, r, p) <= 1.0) != (readout.distance(nominal, r, p) <= 1.0);
                }
            }
        }
        return new Reference(nominal, low, high, sensitive);
    }

    public Readout readout() {
        return readout;
    }

    /** Level 1 netlist against the simulator on the DAC-realised frequencies. */
    public Check level1(Ngspice.Result run, Reference reference) {
        double[] simulatedHz = reference.meanHz();
        boolean[] sensitive = reference.sensitive();
        String problem = run.problem(m.samples(), m.oscillators() + 1);
        if (problem != null) {
            return new Check("ngspice level 1 vs simulator", false, problem, run.seconds());
        }
        double[] spice = SpiceVerification.absolute(m, run);
        double worstRelative = 0;
        double worstHz = 0;
        int setAside = 0;
        StringBuilder setAsideRows = new StringBuilder();
        for (int r = 0; r < m.samples(); r++) {
            if (sensitive[r]) {
                setAside++;
                setAsideRows.append(setAsideRows.isEmpty() ? "" : ", ").append(r);
            }
        }
        int widened = 0;
        for (int e = 0; e < spice.length; e++) {
            if (sensitive[e / m.oscillators()]) {
                continue;
            }
            double difference = Math.abs(spice[e] - simulatedHz[e]);
            worstHz = Math.max(worstHz, difference);
            widened += difference > LEVEL1_TOLERANCE * simulatedHz[e] ? 1 : 0;
            // the tolerance band is widened by the simulator's own spread over its variants
            double outside = Math.max(0, Math.max(reference.lowHz()[e] - spice[e], spice[e] - reference.highHz()[e]));
            worstRelative = Math.max(worstRelative, outside / simulatedHz[e]);
        }
        int differing = 0;
        StringBuilder first = new StringBuilder();
        for (int r = 0; r < m.samples(); r++) {
            for (int p = 0; p < m.pairs().size() && !sensitive[r]; p++) {
                boolean spiceSync = readout.distance(spice, r, p) <= 1.0;
                boolean simSync = readout.distance(simulatedHz, r, p) <= 1.0;
                if (spiceSync != simSync) {
                    differing++;
                    if (first.isEmpty()) {
                        first.append(String.format(Locale.ROOT, "; first: sample %d pair %d synchronised in %s only",
                                r, p, spiceSync ? "ngspice" : "the simulator"));
                    }
                }
            }
        }
        boolean passed = worstRelative <= LEVEL1_TOLERANCE && differing == 0
                && setAside <= MAX_SENSITIVE * m.samples();
        String detail = String.format(Locale.ROOT,
                "%d samples x %d oscillators: largest frequency difference %.3f MHz; largest beyond the"
                        + " simulator's own spread %.4f %% (limit %.1f %%; %d values differ from its nominal run by more"
                        + " than %.1f %%); synchronised pairs differ on %d of %d%s; %d samples set aside because the"
                        + " simulator's own pairs change with dt/2, dt/4 or a 1e-4 turn phase nudge (at most %.0f %%)%s;"
                        + " %.2f s per sample",
                m.samples() - setAside, m.oscillators(), worstHz / 1e6, 100 * worstRelative, 100 * LEVEL1_TOLERANCE,
                widened, 100 * LEVEL1_TOLERANCE, differing, (m.samples() - setAside) * m.pairs().size(), first,
                setAside, 100 * MAX_SENSITIVE, setAside == 0 ? "" : ": " + setAsideRows, run.seconds() / m.samples());
        return new Check("ngspice level 1 vs simulator", passed, detail, run.seconds());
    }

    /** Level 2 single STNO against the analytic tuning curve. */
    public Check tuning(Ngspice.Result run) {
        String problem = run.problem(m.tuningAmps().length, 2);
        if (problem != null) {
            return new Check("ngspice level 2 tuning curve", false, problem, run.seconds());
        }
        double worst = 0;
        StringBuilder points = new StringBuilder();
        for (int t = 0; t < m.tuningAmps().length; t++) {
            double amps = m.tuningAmps()[t];
            double analytic = m.device().frequency(amps);
            double spice = m.centreHz() + run.rows().get(t)[1];
            worst = Math.max(worst, Math.abs(spice - analytic) / analytic);
            points.append(String.format(Locale.ROOT, "%s%.3f mA: %.3f / %.3f MHz", t == 0 ? "" : ", ", amps * 1e3,
                    spice / 1e6, analytic / 1e6));
        }
        return new Check("ngspice level 2 tuning curve", worst <= TUNING_TOLERANCE, String.format(Locale.ROOT,
                "ngspice / analytic f0 + N p0: %s; largest difference %.4f %% (limit %.0f %%)", points, 100 * worst,
                100 * TUNING_TOLERANCE), run.seconds());
    }

    /** Level 2 coupled pair: locked exactly when the phase-reduced model says |ΔF| < 2k. */
    public Check pair(Ngspice.Result run) {
        String problem = run.problem(m.pairDetuningHz().length, 3);
        if (problem != null) {
            return new Check("ngspice level 2 coupled pair", false, problem, run.seconds());
        }
        boolean all = true;
        StringBuilder cases = new StringBuilder();
        for (int c = 0; c < m.pairDetuningHz().length; c++) {
            double detuning = m.pairDetuningHz()[c];
            double[] row = run.rows().get(c);
            double beat = Math.abs(row[2] - row[1]);
            boolean expected = detuning < 2 * m.couplingHz();
            boolean locked = beat <= m.couplingHz() / 2;
            all &= expected == locked;
            double analytic = expected ? 0 : Math.sqrt(detuning * detuning - 4 * m.couplingHz() * m.couplingHz());
            cases.append(String.format(Locale.ROOT, "%sdF %.1f MHz: %s (beat %.2f MHz, phase model %.2f)",
                    c == 0 ? "" : "; ", detuning / 1e6, locked ? "locked" : "drifting", beat / 1e6, analytic / 1e6));
        }
        return new Check("ngspice level 2 coupled pair", all, cases + String.format(Locale.ROOT,
                "; lock expected below 2k = %.1f MHz", 2 * m.couplingHz() / 1e6), run.seconds());
    }

    /** Level 2 classifier: its decisions against the simulator's on every test sample. */
    public Check level2(Ngspice.Result run, double[] simulatedHz) {
        String problem = run.problem(m.samples(), m.oscillators() + 1);
        if (problem != null) {
            return new Check("ngspice level 2 classifier", false, problem, run.seconds());
        }
        double[] spice = SpiceVerification.absolute(m, run);
        int agree = 0;
        for (int r = 0; r < m.samples(); r++) {
            agree += decision(spice, r) == decision(simulatedHz, r) ? 1 : 0;
        }
        double accuracy = readout.accuracy(spice, m.labels());
        double agreement = (double) agree / m.samples();
        return new Check("ngspice level 2 classifier", agreement >= LEVEL2_AGREEMENT, String.format(Locale.ROOT,
                "decisions agree with the simulator on %d of %d test samples (%.1f %%, target %.0f %%);"
                        + " level 2 test accuracy %.1f %%; %.2f s per sample",
                agree, m.samples(), 100 * agreement, 100 * LEVEL2_AGREEMENT, 100 * accuracy,
                run.seconds() / m.samples()), run.seconds());
    }

    /** The decision the read-out makes: the predicted class (several pairs) or whether the pair synchronises. */
    private int decision(double[] meanHz, int r) {
        return readout.predictedClass(meanHz, r);
    }
}
