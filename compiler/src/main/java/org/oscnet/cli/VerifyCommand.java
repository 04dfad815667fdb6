package org.oscnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oscnet.emit.Templates;
import org.oscnet.io.HwJson;
import org.oscnet.io.OutputFolder;
import org.oscnet.io.SpiceJson;
import org.oscnet.plot.HardwarePlots;
import org.oscnet.verify.MonteCarlo;
import org.oscnet.verify.SpiceVerification;
import org.oscnet.verify.Check;
import org.oscnet.verify.Cosimulation;
import org.oscnet.verify.Synthesis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet verify}: run the cosimulations and checks of a compiled output folder. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Verify compiled hardware, in a folder `oscnet compile` wrote. DIR/<network>/verilog:",
            "the generated Java model, Verilator lint (-Wall), the Verilator harness and the Icarus",
            "testbench all run vectors.txt and must match it bit for bit; then Yosys synthesis",
            "(generic, and iCE40 with nextpnr when it fits). Writes report.md and report.json there.",
            "DIR/<network>/spice: ngspice runs the level 1 netlist (against the simulator: frequencies",
            "within 0.5 %% of the simulator's own spread under dt/2, dt/4 and a 1e-4 turn phase nudge, the",
            "same synchronised pairs except on samples whose pairs that spread changes, listed; at most",
            "10 %% of them) and, with level oscillator, the level 2 tuning curve",
            "(within 1 %% of the analytic one), a coupled pair (locks exactly when |dF| < 2k) and the",
            "classifier (decisions agree with the simulator on at least 95 %% of the test set); then a",
            "Monte-Carlo study of device spread with and without calibration (device_spread.png).",
            "Writes report.md and report.json there.",
            "Exit status 4 when a check fails; every mismatch is printed with sample, cycle and signal."},
        footer = {"", "Example:", "  oscnet verify out/versicolor/versicolor/verilog",
            "  oscnet verify out/versicolor/versicolor/verilog --icarus-samples 1 --synthesis none --trace",
            "  oscnet verify out/versicolor/versicolor/spice --monte-carlo 20"})
final class VerifyCommand implements Callable<Integer> {
    static final int CHECK_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a folder written by `oscnet compile` (it holds hw.json)")
    Path dir;

    @Option(names = "--trace", description = "dump waveforms: FST from Verilator (sample 0), VCD from Icarus, in DIR/build")
    boolean trace;

    @Option(names = "--icarus-samples", paramLabel = "N", defaultValue = "3",
            description = "samples the Icarus testbench runs (it is about 1000x slower than Verilator; default: ${DEFAULT-VALUE})")
    int icarusSamples;

    @Option(names = "--synthesis", paramLabel = "KIND", defaultValue = "ice40",
            description = "none, generic (Yosys synth) or ice40 (also synth_ice40 and nextpnr-ice40; default: ${DEFAULT-VALUE})")
    String synthesis;

    @Option(names = "--monte-carlo", paramLabel = "N", defaultValue = "10",
            description = "spice folders: Monte-Carlo trials per device spread, 0 for none (default: ${DEFAULT-VALUE})")
    int monteCarloTrials;

    @Option(names = "--jobs", paramLabel = "N", description = "spice folders: ngspice runs at once (default: the"
            + " number of processors)")
    Integer jobs;

    @Override
    public Integer call() throws IOException {
        if (Files.isRegularFile(dir.resolve("spice.json"))) {
            return verifySpice();
        }
        Path hwJson = dir.resolve("hw.json");
        if (!Files.isRegularFile(hwJson)) {
            throw new UserError("`" + dir + "` holds neither hw.json nor spice.json; give a folder `oscnet compile`"
                    + " wrote, e.g. out/versicolor/versicolor/verilog or out/versicolor/versicolor/spice");
        }
        if (!List.of("none", "generic", "ice40").contains(synthesis)) {
            throw new UserError("--synthesis takes none, generic or ice40, not `" + synthesis + "`");
        }
        if (icarusSamples < 1) {
            throw new UserError("--icarus-samples must be at least 1");
        }
        HwJson.Summary hw = HwJson.read(hwJson);
        PrintWriter out = spec.commandLine().getOut();
        Cosimulation cosim = new Cosimulation(dir, hw);
        List<Check> checks = new ArrayList<>();
        checks.add(report(out, cosim.javaModel()));
        checks.add(report(out, cosim.lint()));
        checks.add(report(out, cosim.verilator(trace)));
        checks.add(report(out, cosim.icarus(icarusSamples, trace)));

        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("oscillators / lanes", hw.oscillators() + " / " + hw.lanes());
        resources.put("cycles per classification", Long.toString(hw.latency()));
        resources.put("time per classification at " + mhz(hw.clockHz()) + " MHz",
                String.format(Locale.ROOT, "%.3f ms", hw.latency() / hw.clockHz() * 1e3));
        ObjectNode json = new ObjectMapper().createObjectNode();
        if (!synthesis.equals("none")) {
            out.println("synthesizing (yosys generic) ...");
            Synthesis.Generic generic = Synthesis.generic(dir, hw.topModule(), hw.rtlFiles());
            resources.put("generic synthesis: cells (gates + flip-flops)", generic.cells() + " (" + generic.gates()
                    + " + " + generic.flipFlops() + ")");
            json.putObject("generic").put("cells", generic.cells()).put("gates", generic.gates())
                    .put("flip_flops", generic.flipFlops()).put("seconds", generic.seconds());
            if (synthesis.equals("ice40")) {
                out.println("synthesizing (yosys synth_ice40, nextpnr-ice40 if it fits) ...");
                Synthesis.Ice40 ice = Synthesis.ice40(dir, hw.topModule(), hw.rtlFiles(), hw.clockHz());
                resources.put("iCE40: LUT4 / flip-flops / block RAMs / carries / DSPs", ice.luts() + " / "
                        + ice.flipFlops() + " / " + ice.blockRams() + " / " + ice.carries() + " / " + ice.multipliers());
                resources.put("iCE40 HX8K place and route", ice.note());
                resources.put("estimated fmax", ice.fmaxMhz().map(f -> String.format(Locale.ROOT,
                        "%.1f MHz (%.3f ms per classification)", f, hw.latency() / (f * 1e3))).orElse("n/a"));
                ObjectNode i = json.putObject("ice40").put("luts", ice.luts()).put("flip_flops", ice.flipFlops())
                        .put("block_rams", ice.blockRams()).put("carries", ice.carries())
                        .put("dsps", ice.multipliers()).put("placed", ice.fits()).put("note", ice.note())
                        .put("seconds", ice.seconds());
                ice.fmaxMhz().ifPresent(f -> i.put("fmax_mhz", f));
            }
        }
        boolean allPassed = checks.stream().allMatch(Check::passed);
        writeReports(hw, checks, resources, json, allPassed);
        out.println("wrote " + dir.resolve("report.md") + " and report.json");
        if (!allPassed) {
            spec.commandLine().getErr().println("oscnet: verification failed: " + String.join(", ",
                    checks.stream().filter(c -> !c.passed()).map(Check::name).toList()));
            return CHECK_FAILED;
        }
        return 0;
    }

    private int verifySpice() throws IOException {
        if (monteCarloTrials < 0) {
            throw new UserError("--monte-carlo must be 0 or more");
        }
        SpiceJson.Manifest m;
        try {
            m = SpiceJson.read(dir.resolve("spice.json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError(dir.resolve("spice.json") + " is not a valid spice.json: " + e.getOriginalMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "running ngspice on %d test samples (%s%s) and %d Monte-Carlo trials per spread ...%n",
                m.samples(), m.phaseNetlist(), m.stnoNetlist() == null ? "" : ", " + m.stnoNetlist() + ", "
                        + m.tuningNetlist() + ", " + m.pairNetlist(), monteCarloTrials);
        out.flush();
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        SpiceVerification.Outcome outcome = SpiceVerification.run(dir, m, monteCarloTrials, parallel,
                check -> report(out, check));
        boolean allPassed = outcome.checks().stream().allMatch(Check::passed);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", m.network());
        model.put("version", Main.version());
        model.put("folder", dir.toString());
        model.put("ngspice", ngspiceVersion());
        model.put("allPassed", allPassed);
        model.put("samples", m.samples());
        model.put("phaseSeed", m.phaseSeed());
        model.put("checks", outcome.checks().stream().map(c -> Map.of("name", c.name(), "passed", c.passed(),
                "detail", c.detail().replace("\n", "<br>").replace("|", "\\|"),
                "seconds", String.format(Locale.ROOT, "%.1f", c.seconds()))).toList());
        model.put("accuracies", outcome.accuracies().entrySet().stream().map(e -> Map.of("key", e.getKey(), "value",
                String.format(Locale.ROOT, "%.1f", 100 * e.getValue()))).toList());
        model.put("trials", monteCarloTrials);
        model.put("monteCarloSeed", SpiceVerification.MONTE_CARLO_SEED);
        model.put("dacBits", m.dacBits());
        model.put("monteCarlo", outcome.monteCarlo().stream().map(r -> Map.of(
                "spread", percent(r.spread()), "uncalibratedMean", percent(r.uncalibratedMean()),
                "uncalibratedWorst", percent(r.uncalibratedWorst()), "calibratedMean", percent(r.calibratedMean()),
                "calibratedWorst", percent(r.calibratedWorst()))).toList());

        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("schema", "oscnet.verify-spice/1");
        json.put("network", m.network());
        json.put("passed", allPassed);
        var array = json.putArray("checks");
        outcome.checks().forEach(c -> array.addObject().put("name", c.name()).put("passed", c.passed())
                .put("detail", c.detail()).put("seconds", c.seconds()));
        ObjectNode accuracies = json.putObject("test_accuracy");
        outcome.accuracies().forEach(accuracies::put);
        var mc = json.putArray("monte_carlo");
        outcome.monteCarlo().forEach(r -> mc.addObject().put("spread", r.spread())
                .put("uncalibrated_mean", r.uncalibratedMean()).put("uncalibrated_worst", r.uncalibratedWorst())
                .put("calibrated_mean", r.calibratedMean()).put("calibrated_worst", r.calibratedWorst())
                .put("trials", r.trials()));

        OutputFolder folder = new OutputFolder(dir);
        folder.put("report.md", Templates.render("report/spice.md.ftl", model));
        folder.put("report.json", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
        if (!outcome.monteCarlo().isEmpty()) {
            folder.put("device_spread.png", HardwarePlots.deviceSpread(m.network(),
                    outcome.monteCarlo().stream().mapToDouble(MonteCarlo.Row::spread).toArray(),
                    outcome.monteCarlo().stream().mapToDouble(MonteCarlo.Row::uncalibratedMean).toArray(),
                    outcome.monteCarlo().stream().mapToDouble(MonteCarlo.Row::calibratedMean).toArray(),
                    outcome.accuracies().get("simulator, DAC codes")));
        }
        folder.commit();
        out.println("wrote " + dir.resolve("report.md") + " and report.json");
        if (!allPassed) {
            spec.commandLine().getErr().println("oscnet: verification failed: " + String.join(", ",
                    outcome.checks().stream().filter(c -> !c.passed()).map(Check::name).toList()));
            return CHECK_FAILED;
        }
        return 0;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    private static String ngspiceVersion() {
        try {
            var run = org.oscnet.verify.ExternalRun.run(Path.of("."), 30, List.of("ngspice", "--version"));
            return run.output().lines().filter(l -> l.contains("ngspice-")).findFirst()
                    .map(l -> l.replaceAll("[*]", "").strip()).orElse("ngspice");
        } catch (IOException e) {
            return "ngspice";
        }
    }

    private void writeReports(HwJson.Summary hw, List<Check> checks, Map<String, String> resources, ObjectNode json,
            boolean allPassed) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", hw.name());
        model.put("version", Main.version());
        model.put("folder", dir.toString());
        model.put("allPassed", allPassed);
        model.put("vectors", hw.testVectors() + hw.randomVectors());
        model.put("testRows", hw.testVectors());
        model.put("randomRows", hw.randomVectors());
        model.put("randomSeed", org.oscnet.emit.Vectors.RANDOM_SEED);
        model.put("checks", checks.stream().map(c -> Map.of("name", c.name(), "passed", c.passed(),
                "detail", c.detail().replace("\n", "<br>").replace("|", "\\|"),
                "seconds", String.format(Locale.ROOT, "%.1f", c.seconds()))).toList());
        model.put("floatAccuracy", String.format(Locale.ROOT, "%.1f", 100 * hw.floatAccuracy()));
        model.put("fixedAccuracy", String.format(Locale.ROOT, "%.1f", 100 * hw.fixedAccuracy()));
        model.put("resources", resources.entrySet().stream().map(e -> Map.of("key", e.getKey(), "value",
                e.getValue())).toList());

        json.put("schema", "oscnet.verify/1");
        json.put("network", hw.name());
        json.put("passed", allPassed);
        var array = json.putArray("checks");
        checks.forEach(c -> array.addObject().put("name", c.name()).put("passed", c.passed())
                .put("detail", c.detail()).put("seconds", c.seconds()));
        json.put("float_test_accuracy", hw.floatAccuracy());
        json.put("fixed_test_accuracy", hw.fixedAccuracy());
        json.put("cycles_per_classification", hw.latency());
        json.put("clock_hz", hw.clockHz());
        OutputFolder folder = new OutputFolder(dir);
        folder.put("report.md", Templates.render("report/verify.md.ftl", model));
        folder.put("report.json", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
        folder.commit();
    }

    private static Check report(PrintWriter out, Check check) {
        out.printf(Locale.ROOT, "%-28s %s  %s (%.1f s)%n", check.name(), check.passed() ? "pass" : "FAIL",
                check.detail(), check.seconds());
        out.flush();
        return check;
    }

    private static String mhz(double hz) {
        return String.format(Locale.ROOT, "%.0f", hz / 1e6);
    }
}
