package org.oscnet.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.oscnet.io.StuartLandauSpiceJson;

/**
 * Runs the ngspice netlists of a {@code stuart_landau} network (in parallel) and compares the
 * free oscillators' final complex states with the simulator's: every phase and amplitude within the
 * manifest's tolerances, and the same predicted class on every sample.
 */
public final class StuartLandauSpiceCheck {
    private StuartLandauSpiceCheck() {
    }

    /** One sample: ngspice's free states (real parts, then imaginary), or null when the run failed (with why). */
    public record Sample(int row, int label, double[] state, String problem) {
    }

    public record Outcome(List<Check> checks, List<Sample> samples) {
    }

    /** Runs the first {@code count} netlists of {@code m}, {@code jobs} at a time, and checks them. */
    public static Outcome run(Path dir, StuartLandauSpiceJson m, int count, int jobs, Consumer<Check> progress)
            throws IOException {
        long start = System.nanoTime();
        int width = 2 * m.free();
        List<Ngspice.Result> results = Ngspice.runAll(dir, m.netlists().subList(0, count), "oscnet_state", jobs);
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < results.size(); s++) {
            String problem = results.get(s).problem(1, width + 1);
            double[] state = problem == null ? java.util.Arrays.copyOfRange(results.get(s).rows().get(0), 1, width + 1)
                    : null;
            samples.add(new Sample(m.rows().get(s), m.labels().get(s), state, problem));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Check> checks = new ArrayList<>();
        List<String> failedRuns = samples.stream().filter(s -> s.problem() != null).map(Sample::problem).toList();
        Check ran = new Check("ngspice runs", failedRuns.isEmpty(), failedRuns.isEmpty()
                ? String.format(Locale.ROOT, "%d netlists printed their states; %.2f s per sample", samples.size(),
                        seconds / Math.max(1, samples.size()))
                : String.join("; ", failedRuns), seconds);
        progress.accept(ran);
        checks.add(ran);
        if (!failedRuns.isEmpty()) {
            return new Outcome(checks, samples);
        }
        double worstPhase = 0;
        double worstAmplitude = 0;
        String worstAt = "";
        List<Integer> classMismatch = new ArrayList<>();
        int correct = 0;
        for (int s = 0; s < samples.size(); s++) {
            double[] z = samples.get(s).state();
            double[] ref = m.referenceStates()[s];
            for (int f = 0; f < m.free(); f++) {
                double phase = Math.abs(Math.IEEEremainder(Math.atan2(z[m.free() + f], z[f])
                        - Math.atan2(ref[m.free() + f], ref[f]), 2 * Math.PI));
                double amplitude = Math.abs(Math.hypot(z[f], z[m.free() + f]) - Math.hypot(ref[f], ref[m.free() + f]));
                if (phase > worstPhase) {
                    worstPhase = phase;
                    worstAt = "test row " + samples.get(s).row() + ", free unit " + f;
                }
                worstAmplitude = Math.max(worstAmplitude, amplitude);
            }
            int spiceClass = m.prediction(z);
            if (spiceClass != m.referenceClasses()[s]) {
                classMismatch.add(samples.get(s).row());
            }
            correct += spiceClass == samples.get(s).label() ? 1 : 0;
        }
        Check states = new Check("oscillator states vs simulator", worstPhase <= m.phaseTolerance()
                && worstAmplitude <= m.amplitudeTolerance(), String.format(Locale.ROOT, "%d samples x %d free"
                        + " oscillators at t = %s: largest phase difference %.2e rad (%s; tolerance %.0e), largest"
                        + " amplitude difference %.2e (tolerance %.0e), against the simulator (%s)",
                samples.size(), m.free(), m.duration(), worstPhase, worstAt, m.phaseTolerance(), worstAmplitude,
                m.amplitudeTolerance(), m.reference()), 0);
        progress.accept(states);
        checks.add(states);
        Check classes = new Check("predicted class vs simulator", classMismatch.isEmpty(), classMismatch.isEmpty()
                ? String.format(Locale.ROOT, "the same class on all %d samples; %d of %d correct", samples.size(),
                        correct, samples.size())
                : "different class on test rows " + classMismatch, 0);
        progress.accept(classes);
        checks.add(classes);
        return new Outcome(checks, samples);
    }
}
