package org.oscnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oscnet.io.OutputFolder;
import org.oscnet.sweep.ResultsFile;
import org.oscnet.sweep.Sweep;
import org.oscnet.sweep.SweepEngine;
import org.oscnet.sweep.SweepJob;
import org.oscnet.sweep.SweepPlan;
import org.oscnet.sweep.SweepSummary;
import org.oscnet.sweep.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                    + " its variant through the same pipeline as `oscnet train` (no files per task unless --keep)"
                    + " and measures what it can of the hardware block without emitting it: the fixed-point array"
                    + " of a verilog block (test accuracy, cycles per sample) and, for kuramoto networks, the DAC"
                    + " of a dac block (test accuracy through its codes, and over 10 chips at the device's"
                    + " spread). Settings of targets it does not measure (spice) are refused.",
            "DIR/results.jsonl gets one JSON line per finished task (parameters, train and test accuracy per"
                    + " network, wall time, host; or the error), forced to disk as it finishes. Running the same"
                    + " sweep again skips the tasks that finished ok, so a killed sweep loses only the tasks in"
                    + " flight; failed tasks run again. DIR/summary.md and one plot per setting (test accuracy,"
                    + " mean and spread over the other settings) are made from results.jsonl alone.",
            "Several files sweep alike: each task trains one file's variant, and `osc` (the file as given) is"
                    + " one more swept setting in results.jsonl and the summary.",
            "Exit status 4 when a task failed (the others still run)."},
        footer = {"", "Example:",
            "  oscnet sweep examples/xor_xy.osc --over seed=1..5 --over train.lr=0.05,0.1 -o runs/xor",
            "  oscnet sweep examples/iris_versicolor.osc --over seed=1..10 --over 'simulate.step=10 ps,1 ns'"
                    + " -o runs/step",
            "  oscnet sweep examples/iris_setosa.osc examples/iris_virginica.osc --over seed=1..3 -o runs/iris"})
final class SweepCommand implements Callable<Integer> {
    static final int TASK_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "the .osc file; with several, each is swept alike and `osc` (the file) is one more"
                    + " setting of every task")
    List<Path> files;

    @Option(names = "--over", paramLabel = "PATH=VALUES", required = true,
            description = "a setting and its values, e.g. seed=1..10 or train.lr=0.01,0.03 (repeatable)")
    List<String> over;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "where results.jsonl, summary.md and the plots go")
    Path output;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--keep", description = "keep what `oscnet train` writes for each task (trained.json and plots)"
            + " in DIR/tasks/TASK/NETWORK/")
    boolean keep;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Inputs.checkOutputDirectory(output);
        SweepEngine chosen = engineOptions.engine();
        Map<String, Variants> byName = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UserError(file + ": no such file");
            }
            if (byName.put(file.toString(), Variants.of(file, file.toString())) != null) {
                throw new UserError(file + " is given twice");
            }
        }
        SweepPlan plan = plan(List.copyOf(byName.keySet()));
        for (Variants variants : byName.values()) {
            List<String> hardware = variants.unmeasuredHardwarePaths(plan);
            if (!hardware.isEmpty()) {
                throw new UserError("--over " + String.join(", ", hardware) + ": a sweep measures the float network,"
                        + " the fixed-point array of a verilog block and the DAC of a kuramoto network's dac block,"
                        + " not SPICE targets (or another family's DAC), so these settings would change nothing it"
                        + " records; sweep dataset, network, train, verilog or (kuramoto) dac settings");
            }
        }
        List<SweepJob> all = plan.tasks().stream().map(t -> new SweepJob(byName.get(t.file()
                .orElse(files.get(0).toString())), t, keep)).toList();
        PrintWriter err = spec.commandLine().getErr();
        checkEveryVariant(all, err);

        Sweep.Outcome outcome = Sweep.run(all, chosen, ResultsFile.open(output.resolve("results.jsonl")), err);
        OutputFolder folder = new OutputFolder(output);
        String shown = String.join(" ", byName.keySet());
        SweepSummary.render(outcome.all(), shown, "oscnet sweep " + shown + " " + String.join(" ",
                over.stream().map(o -> "--over '" + o + "'").toList()) + " -o " + output).forEach(folder::put);
        folder.commit();
        spec.commandLine().getOut().println("wrote " + output.resolve("summary.md") + " (" + (all.size()
                - outcome.failing()) + " ok, " + outcome.failing() + " failed)");
        return outcome.failing() > 0 ? TASK_FAILED : 0;
    }

    /** The axes of {@code --over}, after a first axis over the files when there are several. */
    private SweepPlan plan(List<String> fileNames) {
        List<SweepPlan.Axis> axes = new ArrayList<>();
        if (fileNames.size() > 1) {
            axes.add(new SweepPlan.Axis(SweepPlan.FILE_AXIS, fileNames));
        }
        Set<String> paths = new HashSet<>();
        for (String spec : over) {
            SweepPlan.Axis axis;
            try {
                axis = SweepPlan.axis(spec);
            } catch (IllegalArgumentException e) {
                throw new UserError("--over " + e.getMessage());
            }
            if (axis.path().equals(SweepPlan.FILE_AXIS)) {
                throw new UserError("--over " + SweepPlan.FILE_AXIS + ": the files of a sweep are its FILE"
                        + " arguments; give each after `sweep`");
            }
            if (!paths.add(axis.path())) {
                throw new UserError("--over names `" + axis.path() + "` twice; give all its values in one --over");
            }
            axes.add(axis);
        }
        return new SweepPlan(axes);
    }

    /** Every variant must check before any task runs; prints each problem once per distinct message. */
    private void checkEveryVariant(List<SweepJob> all, PrintWriter err) {
        Set<String> reported = new HashSet<>();
        int bad = 0;
        for (SweepJob job : all) {
            Variants.Checked checked = job.variants().check(job.task());
            if (checked.design().isEmpty()) {
                bad++;
                if (reported.add(checked.diagnostics())) {
                    err.print("with " + job.task().id() + ":\n" + checked.diagnostics());
                }
            }
        }
        err.flush();
        if (bad > 0) {
            throw new UserError(bad + " of " + all.size() + " variants of " + String.join(", ",
                    files.stream().map(Path::toString).toList()) + " have errors; nothing ran");
        }
    }
}
