package org.oscnet.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.oscnet.io.RecurrentSpiceJson;

/**
 * Runs the ngspice netlists of a {@code stno_rnn} network (in parallel) and compares their
 * class probabilities with the simulator's continuous-time reference (fine Heun steps): every
 * probability within the manifest's tolerance, and the same class on every sample. Also reports
 * how often ngspice's class agrees with the simulator at the trained integration step.
 */
public final class RecurrentSpiceCheck {
    private RecurrentSpiceCheck() {
    }

    /** One sample: ngspice's probabilities, or null when the run failed (with why). */
    public record Sample(int row, int label, double[] probabilities, String problem) {
    }

    public record Outcome(List<Check> checks, List<Sample> samples) {
    }

    /** Runs the first {@code count} netlists of {@code m}, {@code jobs} at a time, and checks them. */
    public static Outcome run(Path dir, RecurrentSpiceJson m, int count, int jobs, Consumer<Check> progress)
            throws IOException {
        long start = System.nanoTime();
        int width = m.referenceOutputs()[0].length;
        List<Ngspice.Result> results = Ngspice.runAll(dir, m.netlists().subList(0, count), "oscnet_outputs", jobs);
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < results.size(); s++) {
            String problem = results.get(s).problem(1, width + 1);
            double[] y = problem == null ? java.util.Arrays.copyOfRange(results.get(s).rows().get(0), 1, width + 1)
                    : null;
            samples.add(new Sample(m.rows().get(s), m.labels().get(s), y == null ? null : m.probabilities(y), problem));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Check> checks = new ArrayList<>();
        List<String> failedRuns = samples.stream().filter(s -> s.problem() != null).map(Sample::problem).toList();
        Check ran = new Check("ngspice runs", failedRuns.isEmpty(), failedRuns.isEmpty()
                ? samples.size() + " netlists printed their outputs" : String.join("; ", failedRuns), seconds);
        progress.accept(ran);
        checks.add(ran);
        if (!failedRuns.isEmpty()) {
            return new Outcome(checks, samples);
        }
        double worst = 0;
        int worstRow = -1;
        List<Integer> classMismatch = new ArrayList<>();
        int agreeTrained = 0;
        int correct = 0;
        for (int s = 0; s < samples.size(); s++) {
            double[] p = samples.get(s).probabilities();
            double[] ref = m.referenceProbabilities()[s];
            for (int c = 0; c < p.length; c++) {
                if (Math.abs(p[c] - ref[c]) > worst) {
                    worst = Math.abs(p[c] - ref[c]);
                    worstRow = samples.get(s).row();
                }
            }
            int spiceClass = argmax(p);
            if (spiceClass != argmax(ref)) {
                classMismatch.add(samples.get(s).row());
            }
            agreeTrained += spiceClass == argmax(m.trainedProbabilities()[s]) ? 1 : 0;
            correct += spiceClass == samples.get(s).label() ? 1 : 0;
        }
        Check probabilities = new Check("softmax outputs vs simulator", worst <= m.tolerance(), String.format(
                Locale.ROOT, "largest difference of a class probability %.2e (test row %d), tolerance %.0e, against"
                        + " the simulator at %d Heun steps per input point", worst, worstRow, m.tolerance(),
                m.referenceSubsteps()), 0);
        progress.accept(probabilities);
        checks.add(probabilities);
        Check classes = new Check("predicted class vs simulator", classMismatch.isEmpty(), classMismatch.isEmpty()
                ? String.format(Locale.ROOT, "the same class on all %d samples; %d of %d agree with the simulator at"
                        + " the trained step; %d of %d correct", samples.size(), agreeTrained, samples.size(), correct,
                        samples.size())
                : "different class on test rows " + classMismatch, 0);
        progress.accept(classes);
        checks.add(classes);
        return new Outcome(checks, samples);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            best = values[c] > values[best] ? c : best;
        }
        return best;
    }
}
