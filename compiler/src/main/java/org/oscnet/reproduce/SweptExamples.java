package org.oscnet.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oscnet.model.Design;
import org.oscnet.pipeline.BadInput;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.sweep.Sweep;
import org.oscnet.sweep.SweepJob;
import org.oscnet.sweep.SweepPlan;
import org.oscnet.sweep.Variants;
import org.oscnet.train.Trained;

/**
 * The example files a reproduction trains as sweep tasks (each task names its file with the
 * {@code osc} setting): their variants, read once; the jobs; and what a finished task kept beside
 * the sweep's {@code results.jsonl}, read back for tables and plots instead of training again.
 */
final class SweptExamples {
    private final Path examples;
    private final Path resultsFile;
    private final Map<String, Variants> variants = new LinkedHashMap<>();
    /** Checked variants by task id: checking loads the datasets (MNIST takes seconds), so once each. */
    private final Map<String, Design> designs = new LinkedHashMap<>();

    /** Files under {@code examples}; kept files beside {@code resultsFile}. */
    SweptExamples(Path examples, Path resultsFile) {
        this.examples = examples;
        this.resultsFile = resultsFile;
    }

    /** The job that trains {@code task}'s variant of its example, keeping its trained files or not. */
    SweepJob job(SweepPlan.Task task, boolean keep) throws IOException {
        return new SweepJob(variants(file(task)), task, keep);
    }

    /** The checked variant {@code task} trains. */
    Design design(SweepPlan.Task task) throws IOException {
        Design known = designs.get(task.id());
        if (known == null) {
            Variants.Checked checked = variants(file(task)).check(task);
            // the examples check as written: a variant that does not was broken by the command's settings
            known = checked.design().orElseThrow(() -> new BadInput("the variant " + task.id()
                    + " does not check:\n" + checked.diagnostics()));
            designs.put(task.id(), known);
        }
        return known;
    }

    /** The folder where {@code task} kept its networks' trained files (one folder per network). */
    Path folder(SweepPlan.Task task) {
        return Sweep.taskFolder(resultsFile, task.id());
    }

    /** The network {@code network} as {@code task} trained it, read from the kept {@code trained.json}. */
    Trained trained(SweepPlan.Task task, String network) throws IOException {
        return Pipeline.readTrained(design(task), network, folder(task).resolve(network).resolve("trained.json"));
    }

    private Variants variants(String file) throws IOException {
        Variants known = variants.get(file);
        if (known == null) {
            known = Variants.of(examples.resolve(file), file);
            variants.put(file, known);
        }
        return known;
    }

    private static String file(SweepPlan.Task task) {
        return task.file().orElseThrow(() -> new IllegalArgumentException("task " + task.id() + " names no example"));
    }
}
