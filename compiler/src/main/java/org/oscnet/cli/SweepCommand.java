package org.oscnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.oscnet.io.OutputFolder;
import org.oscnet.sweep.ResultsFile;
import org.oscnet.sweep.SweepEngine;
import org.oscnet.sweep.SweepPlan;
import org.oscnet.sweep.SweepSummary;
import org.oscnet.sweep.TaskResult;
import org.oscnet.sweep.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet sweep}: train every combination of overridden settings and collect the metrics. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Train every combination of overridden settings of an .osc file and summarise the test accuracy.",
        description = {
            "Each --over PATH=VALUES names a setting and the values it takes; the sweep runs the cross product."
                    + " PATH is a setting's keyword, a width's signal or an option's key (seed, iterations, lr,"
                    + " beta, step, coupling), optionally after the blocks around it to pick one (train.lr,"
                    + " simulate.step, or a network's name). VALUES are comma-separated"
                    + " literals as they would be written in the file (10 ns, 0.5 %%) or an integer range 1..10.",
            "Every variant is checked before anything runs: an override that names no setting, or a value of"
                    + " the wrong dimension, is an error and nothing runs. Each task trains every train block of"
                    + " its variant through the same pipeline as `oscnet train` (no files per task); hardware"
                    + " settings are refused, since a sweep does not compile hardware yet.",
            "DIR/results.jsonl gets one JSON line per finished task (parameters, train and test accuracy per"
                    + " network, wall time, host; or the error), forced to disk as it finishes. Running the same"
                    + " sweep again skips the tasks that finished ok, so a killed sweep loses only the tasks in"
                    + " flight; failed tasks run again. DIR/summary.md and one plot per setting (test accuracy,"
                    + " mean and spread over the other settings) are made from results.jsonl alone.",
            "Exit status 4 when a task failed (the others still run)."},
        footer = {"", "Example:",
            "  oscnet sweep examples/xor_xy.osc --over seed=1..5 --over train.lr=0.05,0.1 -o runs/xor",
            "  oscnet sweep examples/iris_versicolor.osc --over seed=1..10 --over 'simulate.step=10 ps,1 ns'"
                    + " -o runs/step"})
final class SweepCommand implements Callable<Integer> {
    static final int TASK_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the .osc file")
    Path file;

    @Option(names = "--over", paramLabel = "PATH=VALUES", required = true,
            description = "a setting and its values, e.g. seed=1..10 or train.lr=0.01,0.03 (repeatable)")
    List<String> over;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "where results.jsonl, summary.md and the plots go")
    Path output;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (a thread pool in this process; default) or spark (each task a Spark task;"
                    + " needs oscnet-sweep-spark, run through spark-submit)")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "spark: the cluster, e.g. local[*] or spark://host:7077 (default: spark-submit's)")
    String master;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "local engine: tasks at once (each trainer already uses every core; default:"
                    + " ${DEFAULT-VALUE})")
    int jobs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Inputs.checkOutputDirectory(output);
        if (jobs < 1) {
            throw new UserError("--jobs must be at least 1");
        }
        SweepEngine chosen = SweepEngine.named(engine, master, jobs).orElseThrow(() -> new UserError(
                engine.equals("spark") ? "the spark engine is not on the class path: run the sweep through"
                        + " spark-submit with oscnet-sweep-spark (README, \"Sweeps\")"
                        : "unknown engine `" + engine + "`; --engine takes local or spark"));
        SweepPlan plan = plan();
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        Variants variants = Variants.of(file, file.toString());
        List<String> hardware = variants.unmeasuredHardwarePaths(plan);
        if (!hardware.isEmpty()) {
            throw new UserError("--over " + String.join(", ", hardware) + ": a sweep measures the float network and"
                    + " the fixed-point array of a verilog block, not DAC or SPICE targets, so these settings would"
                    + " change nothing it records; sweep dataset, network, train or verilog settings");
        }
        List<SweepPlan.Task> tasks = plan.tasks();
        PrintWriter err = spec.commandLine().getErr();
        checkEveryVariant(variants, tasks, err);

        ResultsFile results = ResultsFile.open(output.resolve("results.jsonl"));
        Set<String> swept = new java.util.TreeSet<>(plan.axes().stream().map(SweepPlan.Axis::path).toList());
        for (TaskResult earlier : results.read()) {
            if (!new java.util.TreeSet<>(earlier.parameters().keySet()).equals(swept)) {
                throw new UserError(results.path() + " holds a sweep over " + earlier.parameters().keySet()
                        + ", not over " + swept + "; give another -o folder (a folder holds one sweep, which a"
                        + " rerun may extend with more values)");
            }
        }
        Set<String> done = new HashSet<>();
        results.read().stream().filter(TaskResult::ok).forEach(r -> done.add(r.task()));
        List<SweepPlan.Task> pending = tasks.stream().filter(t -> !done.contains(t.id())).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.println(tasks.size() + " tasks; " + (tasks.size() - pending.size()) + " already in " + results.path()
                + "; running " + pending.size());
        out.flush();

        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        chosen.run(variants, pending, result -> {
            results.append(result);
            int n = finished.incrementAndGet();
            if (!result.ok()) {
                failed.incrementAndGet();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / n * (pending.size() - n);
            synchronized (err) {
                err.println(String.format(Locale.ROOT, "[%d/%d] %s: %s%s; ETA %s, %d failed", n, pending.size(),
                        result.task(), result.ok() ? accuracies(result) : "FAILED: ", result.ok() ? ""
                                : firstLine(result.error()), duration(eta), failed.get()));
                err.flush();
            }
        });

        List<TaskResult> all = results.read();
        OutputFolder folder = new OutputFolder(output);
        SweepSummary.render(all, file.toString(), "oscnet sweep " + file + " " + String.join(" ",
                over.stream().map(o -> "--over '" + o + "'").toList()) + " -o " + output).forEach(folder::put);
        folder.commit();
        Map<String, TaskResult> latest = ResultsFile.latestByTask(all);
        long failing = tasks.stream().filter(t -> latest.containsKey(t.id()) && !latest.get(t.id()).ok()).count();
        out.println("wrote " + output.resolve("summary.md") + " (" + (tasks.size() - failing) + " ok, " + failing
                + " failed)");
        return failing > 0 ? TASK_FAILED : 0;
    }

    private SweepPlan plan() {
        List<SweepPlan.Axis> axes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (String spec : over) {
            SweepPlan.Axis axis;
            try {
                axis = SweepPlan.axis(spec);
            } catch (IllegalArgumentException e) {
                throw new UserError("--over " + e.getMessage());
            }
            if (!paths.add(axis.path())) {
                throw new UserError("--over names `" + axis.path() + "` twice; give all its values in one --over");
            }
            axes.add(axis);
        }
        return new SweepPlan(axes);
    }

    /** Every variant must check before any task runs; prints each problem once per distinct message. */
    private void checkEveryVariant(Variants variants, List<SweepPlan.Task> tasks, PrintWriter err) {
        Set<String> reported = new HashSet<>();
        int bad = 0;
        for (SweepPlan.Task task : tasks) {
            Variants.Checked checked = variants.check(task);
            if (checked.design().isEmpty()) {
                bad++;
                if (reported.add(checked.diagnostics())) {
                    err.print("with " + task.id() + ":\n" + checked.diagnostics());
                }
            }
        }
        err.flush();
        if (bad > 0) {
            throw new UserError(bad + " of " + tasks.size() + " variants of " + file + " have errors; nothing ran");
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
