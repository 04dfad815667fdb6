package org.oscnet.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.oscnet.device.Stno;
import org.oscnet.io.SpiceJson;

/** The ngspice checks' verdicts on made-up ngspice output, against the simulator's own answer. */
class SpiceChecksTest {
    private static final double CENTRE = 590e6;

    /** Two oscillators (one pair) over 4 samples: two far apart (drift), two close (lock). */
    private static SpiceJson.Manifest manifest() {
        double[] natural = {560e6, 620e6, 585e6, 588e6, 500e6, 680e6, 595e6, 596e6};
        double[] phases = {0.1, 0.6, 0.3, 0.9, 0.2, 0.7, 0.5, 0.0};
        return new SpiceJson.Manifest(SpiceJson.SCHEMA, "test", "test.osc", "pair", 2, 10e6, CENTRE, 10e-12, 20_000,
                10_000, List.of("no", "yes"), List.of(new SpiceJson.Pair(0, 1, 1)), new Stno(480e6, 2e9, 2e-3, 2, 1e8),
                10, 8e-3, 0.0, new int[] {0, 1, 0, 1}, natural, new int[8], natural, phases, 1, "pair_phase.cir",
                null, null, new double[0], null, 0, new double[0]);
    }

    private static Ngspice.Result printed(double[] meanHz, int oscillators) {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < meanHz.length / oscillators; r++) {
            double[] row = new double[oscillators + 1];
            row[0] = r;
            for (int i = 0; i < oscillators; i++) {
                // as ngspice echoes them: six significant digits
                row[1 + i] = Double.parseDouble(String.format(Locale.ROOT, "%.5e", meanHz[r * oscillators + i] - CENTRE));
            }
            rows.add(row);
        }
        return new Ngspice.Result("pair_phase.cir", rows, 1.0, "", 0);
    }

    @Test
    void ngspiceThatMatchesTheSimulatorPasses() {
        SpiceJson.Manifest m = manifest();
        SpiceChecks checks = new SpiceChecks(m);
        SpiceChecks.Reference reference = checks.reference(m.realisedHz());
        Check check = checks.level1(printed(reference.meanHz(), 2), reference);
        assertTrue(check.passed(), check.detail());
        assertTrue(check.detail().contains("synchronised pairs differ on 0 of 4"), check.detail());
    }

    @Test
    void aFrequencyOffByOnePercentFails() {
        SpiceJson.Manifest m = manifest();
        SpiceChecks checks = new SpiceChecks(m);
        SpiceChecks.Reference reference = checks.reference(m.realisedHz());
        double[] wrong = reference.meanHz().clone();
        wrong[0] *= 1.01;
        Check check = checks.level1(printed(wrong, 2), reference);
        assertFalse(check.passed(), check.detail());
    }

    @Test
    void aPairThatLocksOnlyInNgspiceFails() {
        SpiceJson.Manifest m = manifest();
        SpiceChecks checks = new SpiceChecks(m);
        SpiceChecks.Reference reference = checks.reference(m.realisedHz());
        double[] wrong = reference.meanHz().clone();
        // sample 0 drifts in the simulator; make ngspice report the pair locked, within 0.5 % each
        double middle = (wrong[0] + wrong[1]) / 2;
        wrong[0] = middle - 1e6;
        wrong[1] = middle + 1e6;
        Check check = checks.level1(printed(wrong, 2), reference);
        assertFalse(check.passed(), check.detail());
        assertTrue(check.detail().contains("sample 0 pair 0 synchronised in ngspice only"), check.detail());
    }

    @Test
    void missingResultLinesFail() {
        SpiceJson.Manifest m = manifest();
        SpiceChecks checks = new SpiceChecks(m);
        SpiceChecks.Reference reference = checks.reference(m.realisedHz());
        Ngspice.Result all = printed(reference.meanHz(), 2);
        Ngspice.Result short1 = new Ngspice.Result(all.netlist(), all.rows().subList(0, 3), 1.0, "Error: boom", 0);
        Check check = checks.level1(short1, reference);
        assertFalse(check.passed());
        assertTrue(check.detail().contains("printed 3 result lines, expected 4"), check.detail());
    }
}
