package org.oscnet.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.oscnet.pipeline.BadInput;

/**
 * Runs a sweep's jobs on an engine into {@code results.jsonl}: skips the tasks already there with
 * status ok, appends every result as it finishes, and prints progress (done / total, ETA,
 * failures). The one way {@code oscnet sweep} and {@code oscnet reproduce} run training tasks.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * What the results file holds once the sweep is over.
     *
     * @param all every line, earlier runs' included
     * @param failing how many of this sweep's tasks ended failed
     */
    public record Outcome(List<TaskResult> all, long failing) {
        /** The last ok result of each task, by task id. */
        public Map<String, TaskResult> ok() {
            Map<String, TaskResult> latest = new java.util.LinkedHashMap<>(ResultsFile.latestByTask(all));
            latest.values().removeIf(r -> !r.ok());
            return latest;
        }
    }

    /**
     * Runs the jobs {@code results} does not hold yet. A results file of another sweep (over other
     * settings) is refused before anything runs.
     */
    public static Outcome run(List<SweepJob> jobs, SweepEngine engine, ResultsFile results, PrintWriter progress)
            throws IOException, InterruptedException {
        List<TaskResult> earlier = results.read();
        if (!jobs.isEmpty()) {
            Set<Set<String>> swept = new java.util.LinkedHashSet<>();
            jobs.forEach(j -> swept.add(new TreeSet<>(j.task().parameters().keySet())));
            for (TaskResult line : earlier) {
                if (!swept.contains(new TreeSet<>(line.parameters().keySet()))) {
                    throw new BadInput(results.path() + " holds a sweep over " + line.parameters().keySet()
                            + ", not over " + String.join(" or ", swept.stream().map(Set::toString).toList())
                            + "; give another -o folder (a folder holds one sweep, which a rerun may extend with"
                            + " more values)");
                }
            }
        }
        Set<String> done = new HashSet<>();
        earlier.stream().filter(TaskResult::ok).forEach(r -> done.add(r.task()));
        // a task whose files were to be kept counts as done only when they are there
        List<SweepJob> pending = jobs.stream().filter(j -> !done.contains(j.task().id())
                || j.keep() && !Files.isDirectory(taskFolder(results.path(), j.task().id()))).toList();
        progress.println(jobs.size() + " tasks; " + (jobs.size() - pending.size()) + " already in " + results.path()
                + "; running " + pending.size());
        progress.flush();

        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        engine.run(pending, output -> {
            TaskResult result = output.result();
            keep(output, taskFolder(results.path(), result.task()));
            results.append(result);
            int n = finished.incrementAndGet();
            if (!result.ok()) {
                failed.incrementAndGet();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / n * (pending.size() - n);
            synchronized (progress) {
                progress.println(String.format(Locale.ROOT, "[%d/%d] %s: %s%s; ETA %s, %d failed", n, pending.size(),
                        result.task(), result.ok() ? accuracies(result) : "FAILED: ", result.ok() ? ""
                                : firstLine(result.error()), duration(eta), failed.get()));
                progress.flush();
            }
        });
        if (!pending.isEmpty()) {
            progress.println(String.format(Locale.ROOT, "ran %d tasks in %s (%.1f s)", pending.size(),
                    duration((System.nanoTime() - start) / 1e9), (System.nanoTime() - start) / 1e9));
            progress.flush();
        }
        List<TaskResult> all = results.read();
        Map<String, TaskResult> latest = ResultsFile.latestByTask(all);
        long failing = jobs.stream().map(j -> latest.get(j.task().id())).filter(r -> r != null && !r.ok()).count();
        return new Outcome(all, failing);
    }

    /**
     * Where a task's kept files go: {@code tasks/ID} beside the results file, the id with every
     * character outside {@code [A-Za-z0-9._=+-]} as {@code _}.
     */
    public static Path taskFolder(Path results, String taskId) {
        Path dir = results.toAbsolutePath().getParent();
        return dir.resolve("tasks").resolve(taskId.replaceAll("[^A-Za-z0-9._=+-]", "_"));
    }

    /** Writes a task's files before its line, so a line promises them; a rerun replaces what a kill left. */
    private static void keep(TaskOutput output, Path folder) throws IOException {
        if (output.files().isEmpty()) {
            return;
        }
        for (Map.Entry<String, byte[]> file : output.files().entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    private static String accuracies(TaskResult result) {
        return String.join(", ", result.metrics().entrySet().stream().map(e -> String.format(Locale.ROOT,
                "%s test %.1f %%", e.getKey(), 100 * e.getValue().testAccuracy())
                + (e.getValue().fixedTestAccuracy() == null ? "" : String.format(Locale.ROOT,
                        ", fixed point %.1f %% in %d cycles", 100 * e.getValue().fixedTestAccuracy(),
                        e.getValue().cyclesPerSample()))).toList());
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
