package org.oscnet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscnet.cli.Main;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.Overrides;
import org.oscnet.model.Design;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.train.Trained;

/**
 * Sweeps: the cross product of overrides, results that do not depend on how many tasks run at
 * once, a killed sweep that a rerun completes with no line lost or doubled, and a failing task
 * that is recorded while the others go on.
 */
class SweepTest {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    /** XOR on the 2-4-2 XY network with {@code iterations} steps, its data path absolute. */
    private Path xor(int iterations) throws IOException {
        Path osc = tmp.resolve("xor.osc");
        Files.writeString(osc, Files.readString(ROOT.resolve("examples/xor_xy.osc"))
                .replace("\"../data/xor.csv\"", "\"" + ROOT.resolve("data/xor.csv") + "\"")
                .replace("iterations 1000;", "iterations " + iterations + ";"));
        return osc;
    }

    private static int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    /** Task id to its metrics, from a results file. */
    private static Map<String, Map<String, TaskResult.NetworkMetrics>> metrics(Path results) throws IOException {
        Map<String, Map<String, TaskResult.NetworkMetrics>> byTask = new TreeMap<>();
        ResultsFile.latestByTask(ResultsFile.read(results)).forEach((task, r) -> {
            assertTrue(r.ok(), task + ": " + r.error());
            byTask.put(task, r.metrics());
        });
        return byTask;
    }

    @Test
    void thePlanIsTheCrossProductInAxisOrder() {
        SweepPlan plan = new SweepPlan(List.of(SweepPlan.axis("seed=1..3"), SweepPlan.axis("train.lr=0.01, 0.5 %")));
        List<String> ids = plan.tasks().stream().map(SweepPlan.Task::id).toList();
        assertEquals(List.of("seed=1 train.lr=0.01", "seed=1 train.lr=0.5 %", "seed=2 train.lr=0.01",
                "seed=2 train.lr=0.5 %", "seed=3 train.lr=0.01", "seed=3 train.lr=0.5 %"), ids);
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.axis("seed"));
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.axis("seed=3..1"));
    }

    @Test
    void resultsDoNotDependOnHowManyTasksRunAtOnce() throws IOException {
        Path osc = xor(150);
        assertEquals(0, run("sweep", osc.toString(), "--over", "seed=1..4", "--over", "train.lr=0.05,0.2",
                "-o", tmp.resolve("one").toString(), "--jobs", "1"));
        assertEquals(0, run("sweep", osc.toString(), "--over", "seed=1..4", "--over", "train.lr=0.05,0.2",
                "-o", tmp.resolve("two").toString(), "--jobs", "2"));
        Map<String, Map<String, TaskResult.NetworkMetrics>> one = metrics(tmp.resolve("one/results.jsonl"));
        Map<String, Map<String, TaskResult.NetworkMetrics>> two = metrics(tmp.resolve("two/results.jsonl"));
        assertEquals(8, one.size());
        assertEquals(one.keySet(), two.keySet());
        one.forEach((task, m) -> assertEquals(m.get("xor_xy").testAccuracy(), two.get(task).get("xor_xy")
                .testAccuracy(), task));
        one.forEach((task, m) -> assertEquals(m.get("xor_xy").trainAccuracy(), two.get(task).get("xor_xy")
                .trainAccuracy(), task));
        String summary = Files.readString(tmp.resolve("one/summary.md"));
        assertTrue(summary.contains("## Test accuracy against `train.lr`"), summary);
        assertTrue(Files.size(tmp.resolve("one/accuracy_train_lr.png")) > 0);
    }

    @Test
    void aKilledSweepIsCompletedByARerunWithNoLineLostOrDoubled() throws Exception {
        Path osc = xor(1500);
        Path out = tmp.resolve("killed");
        Path results = out.resolve("results.jsonl");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                osc.toString(), "--over", "seed=1..6", "-o", out.toString()));
        Process sweep = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(results) < 2 && sweep.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        sweep.destroyForcibly().waitFor();
        int before = lines(results);
        assertTrue(before >= 2 && before < 6, "killed after " + before + " of 6 tasks: "
                + Files.readString(tmp.resolve("killed.log")));
        List<String> kept = Files.readAllLines(results);
        // a kill can also tear the line being written: the rerun must drop it
        Files.writeString(results, "{\"task\":\"seed=6\",\"param", java.nio.file.StandardOpenOption.APPEND);

        assertEquals(0, run("sweep", osc.toString(), "--over", "seed=1..6", "-o", out.toString()));
        List<String> after = Files.readAllLines(results);
        assertEquals(6, after.size(), String.join("\n", after));
        assertEquals(kept, after.subList(0, kept.size()), "finished lines are kept as they were");
        assertEquals(6, metrics(results).size(), "each task exactly once");
    }

    @Test
    void aFailingTaskIsRecordedWithItsErrorAndTheOthersStillRun() throws Exception {
        Path osc = xor(50);
        Variants variants = Variants.of(osc, "xor.osc");
        SweepPlan.Task task = new SweepPlan.Task(List.of(new Overrides.Assignment("seed", "1")));
        assertTrue(variants.run(task, false, 1).result().ok());
        // the data file disappears after the sweep was checked (a cluster's shared disk, say)
        Files.writeString(osc, Files.readString(osc).replace(ROOT.resolve("data/xor.csv").toString(),
                tmp.resolve("gone.csv").toString()));
        Variants moved = Variants.of(osc, "xor.osc");
        List<TaskResult> finished = new ArrayList<>();
        new LocalEngine(1).run(SweepJob.of(moved, List.of(task, new SweepPlan.Task(List.of(
                new Overrides.Assignment("seed", "2")))), false), output -> finished.add(output.result()));
        assertEquals(2, finished.size(), "the second task ran after the first failed");
        assertFalse(finished.get(0).ok());
        assertTrue(finished.get(0).error().contains("gone.csv"), finished.get(0).error());
    }

    @Test
    void keptTasksHoldWhatTrainWritesAndAMissingFolderRunsTheTaskAgain() throws Exception {
        Path osc = xor(30);
        Path out = tmp.resolve("kept");
        assertEquals(0, run("sweep", osc.toString(), "--over", "seed=1..2", "--keep", "-o", out.toString()));
        Path seed1 = out.resolve("tasks/seed=1/xor_xy");
        for (String file : new String[] {"trained.json", "training.png", "confusion.png"}) {
            assertTrue(Files.size(seed1.resolve(file)) > 0, file);
        }
        // the kept file reads back as the network the task trained, with its test accuracy
        Design design = Frontend.load(osc).design().orElseThrow();
        Trained trained = Pipeline.readTrained(design, "xor_xy", seed1.resolve("trained.json"));
        assertEquals(metrics(out.resolve("results.jsonl")).get("seed=1").get("xor_xy").testAccuracy(),
                trained.testAccuracy());

        // a line without its folder (kept files deleted) trains the task again; the other is left alone
        deleteRecursively(out.resolve("tasks/seed=2"));
        assertEquals(0, run("sweep", osc.toString(), "--over", "seed=1..2", "--keep", "-o", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve("tasks/seed=2/xor_xy/trained.json")));
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).startsWith("{\"task\":\"seed=2\""), lines.get(2));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void severalFilesSweepAlikeWithTheFileAsOneMoreSetting() throws IOException {
        Path first = xor(30);
        Path second = tmp.resolve("xor_lr.osc");
        Files.writeString(second, Files.readString(first).replace("iterations 30;", "iterations 40;"));
        Path out = tmp.resolve("two");
        assertEquals(0, run("sweep", first.toString(), second.toString(), "--over", "seed=1..2", "-o",
                out.toString()));
        Map<String, Map<String, TaskResult.NetworkMetrics>> both = metrics(out.resolve("results.jsonl"));
        assertEquals(4, both.size(), both.keySet().toString());
        Path alone = tmp.resolve("alone");
        assertEquals(0, run("sweep", second.toString(), "--over", "seed=1..2", "-o", alone.toString()));
        Map<String, Map<String, TaskResult.NetworkMetrics>> single = metrics(alone.resolve("results.jsonl"));
        for (String seed : List.of("1", "2")) {
            TaskResult.NetworkMetrics swept = both.get("osc=" + second + " seed=" + seed).get("xor_xy");
            TaskResult.NetworkMetrics own = single.get("seed=" + seed).get("xor_xy");
            assertEquals(own.testAccuracy(), swept.testAccuracy());
            assertEquals(own.trainAccuracy(), swept.trainAccuracy());
        }
        assertTrue(ResultsFile.read(out.resolve("results.jsonl")).stream()
                .allMatch(r -> r.parameters().keySet().equals(java.util.Set.of("osc", "seed"))));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("osc"));

        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"sweep", first.toString(), "--over", "osc=a.osc", "-o",
            tmp.resolve("bad").toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, status);
        assertTrue(err.toString().contains("the files of a sweep are its FILE arguments"), err.toString());
    }

    @Test
    void anOverrideThatNamesNothingOrHasTheWrongDimensionStopsEverything() throws IOException {
        Path osc = xor(50);
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"sweep", osc.toString(), "--over", "train.lrr=1", "-o",
            tmp.resolve("bad").toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, status);
        assertTrue(err.toString().contains("has no setting `train.lrr`; it has "), err.toString());
        assertTrue(err.toString().contains("train.optimizer.lr"), err.toString());

        err = new StringWriter();
        status = Main.run(new String[] {"sweep", osc.toString(), "--over", "simulate.step=0.1,10 ns", "-o",
            tmp.resolve("bad").toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, status);
        assertTrue(err.toString().contains("xor.osc:16:24: error: `step` is a plain number; remove the unit `ns`"),
                err.toString());
        assertFalse(Files.exists(tmp.resolve("bad")), "nothing ran, nothing was written");

    }

    @Test
    void aVerilogSettingIsMeasuredOnTheFixedPointArrayOfEachTask() throws IOException {
        Path osc = xor(150);
        Path out = tmp.resolve("phase");
        assertEquals(0, run("sweep", osc.toString(), "--over", "hardware.verilog.phase=8,16", "-o", out.toString()));
        Map<String, Map<String, TaskResult.NetworkMetrics>> byTask = metrics(out.resolve("results.jsonl"));
        TaskResult.NetworkMetrics narrow = byTask.get("hardware.verilog.phase=8").get("xor_xy");
        TaskResult.NetworkMetrics wide = byTask.get("hardware.verilog.phase=16").get("xor_xy");
        assertEquals(narrow.testAccuracy(), wide.testAccuracy(), "the float network does not see the phase width");
        assertTrue(wide.fixedTestAccuracy() != null && narrow.fixedTestAccuracy() != null);
        assertEquals(wide.cyclesPerSample(), narrow.cyclesPerSample());
        assertTrue(wide.cyclesPerSample() > 0);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("xor_xy (fixed point)"));
    }

    private Path versicolor() throws IOException {
        Path osc = tmp.resolve("versicolor.osc");
        Files.writeString(osc, Files.readString(ROOT.resolve("examples/iris_versicolor.osc"))
                .replace("\"../data/iris.csv\"", "\"" + ROOT.resolve("data/iris.csv") + "\""));
        return osc;
    }

    @Test
    void aDacSettingIsMeasuredThroughTheCodesAndOverSpreadChips() throws IOException {
        Path out = tmp.resolve("spread");
        // the example's device gives no spread: the override adds the option to `device stno (...)`
        assertEquals(0, run("sweep", versicolor().toString(), "--over", "hardware.dac.spread=0 %,5 %", "--over",
                "iterations=2", "-o", out.toString()));
        Map<String, Map<String, TaskResult.NetworkMetrics>> byTask = metrics(out.resolve("results.jsonl"));
        TaskResult.NetworkMetrics none = byTask.get("hardware.dac.spread=0 % iterations=2").get("versicolor");
        TaskResult.NetworkMetrics five = byTask.get("hardware.dac.spread=5 % iterations=2").get("versicolor");
        assertEquals(none.testAccuracy(), five.testAccuracy(), "the float network does not see the devices");
        assertTrue(none.dacTestAccuracy() != null, "a dac block is measured");
        assertEquals(none.dacTestAccuracy(), five.dacTestAccuracy(), "the nominal codes do not depend on the spread");
        assertEquals(null, none.spreadTestAccuracy(), "no spread, no chips drawn");
        assertTrue(five.spreadTestAccuracy() != null);
        assertTrue(none.fixedTestAccuracy() != null, "the verilog block is measured too");
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("versicolor (DAC codes)") && summary.contains("versicolor (device spread)"),
                summary);
    }

    @Test
    void spiceSettingsAndAFolderOfAnotherSweepAreRefusedBeforeAnythingRuns() throws IOException {
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"sweep", versicolor().toString(), "--over", "spice.level=phase,oscillator",
            "-o", tmp.resolve("bad").toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, status);
        assertTrue(err.toString().contains("--over spice.level: a sweep measures the float network, the fixed-point"
                + " array of a verilog block and the DAC of a kuramoto network's dac block, not SPICE targets"),
                err.toString());
        assertFalse(Files.exists(tmp.resolve("bad")));

        Path xor = xor(20);
        Path out = tmp.resolve("one");
        assertEquals(0, run("sweep", xor.toString(), "--over", "seed=1", "-o", out.toString()));
        byte[] before = Files.readAllBytes(out.resolve("results.jsonl"));
        err = new StringWriter();
        status = Main.run(new String[] {"sweep", xor.toString(), "--over", "train.lr=0.1", "-o", out.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, status);
        assertTrue(err.toString().contains("holds a sweep over [seed], not over [train.lr]"), err.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("results.jsonl"))));
    }

    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return (int) Files.readAllLines(file).stream().filter(l -> l.endsWith("}")).count();
    }
}
