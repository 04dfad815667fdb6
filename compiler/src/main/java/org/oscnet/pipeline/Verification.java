package org.oscnet.pipeline;

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
import org.oscnet.device.DeviceSpread;
import org.oscnet.emit.Templates;
import org.oscnet.io.HwJson;
import org.oscnet.io.OutputFolder;
import org.oscnet.io.RecurrentSpiceJson;
import org.oscnet.io.StuartLandauSpiceJson;
import org.oscnet.io.SpiceJson;
import org.oscnet.plot.HardwarePlots;
import org.oscnet.verify.Check;
import org.oscnet.verify.Cosimulation;
import org.oscnet.verify.RecurrentSpiceCheck;
import org.oscnet.verify.StuartLandauSpiceCheck;
import org.oscnet.verify.SpiceVerification;
import org.oscnet.verify.Synthesis;

/**
 * The verify stage: runs the checks of one folder {@code compile} wrote and writes its reports.
 * A Verilog folder ({@code hw.json}): the Java model, Verilator lint, the Verilator harness and the
 * Icarus testbench against the vectors, then Yosys synthesis. A SPICE folder ({@code spice.json}):
 * ngspice against the simulator, then the Monte-Carlo study of device spread.
 */
public final class Verification {
    private final Path dir;
    private final Options options;
    private final PrintWriter out;
    private final String version;

    private Verification(Path dir, Options options, PrintWriter out, String version) {
        this.dir = dir;
        this.options = options;
        this.out = out;
        this.version = version;
    }

    /**
     * How to verify. {@code synthesis}: none, generic, ice40 or xilinx; {@code icarusSamples} at least 1;
     * {@code monteCarloTrials} 0 or more; {@code jobs} ngspice runs at once.
     */
    public record Options(boolean trace, int icarusSamples, String synthesis, int monteCarloTrials, int jobs) {
        public static final List<String> SYNTHESIS = List.of("none", "generic", "ice40", "xilinx");

        public Options {
            if (!SYNTHESIS.contains(synthesis)) {
                throw new BadInput("--synthesis takes none, generic, ice40 or xilinx, not `" + synthesis + "`");
            }
            if (icarusSamples < 1) {
                throw new BadInput("--icarus-samples must be at least 1");
            }
            if (monteCarloTrials < 0) {
                throw new BadInput("--monte-carlo must be 0 or more");
            }
            if (jobs < 1) {
                throw new BadInput("--jobs must be at least 1");
            }
        }
    }

    /** The checks that ran in {@code dir}. */
    public record Outcome(Path dir, List<Check> checks) {
        public Outcome {
            checks = List.copyOf(checks);
        }

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }

        /** The names of the checks that failed. */
        public List<String> failed() {
            return checks.stream().filter(c -> !c.passed()).map(Check::name).toList();
        }
    }

    /**
     * Verifies the folder {@code dir} (it holds {@code hw.json} or {@code spice.json}), printing
     * each check to {@code out} as it finishes, and writes {@code report.md} and {@code report.json}
     * there.
     */
    public static Outcome run(Path dir, Options options, PrintWriter out, String version) throws IOException {
        return new Verification(dir, options, out, version).run();
    }

    private Outcome run() throws IOException {
        if (Files.isRegularFile(dir.resolve("spice.json"))) {
            String schema = RecurrentSpiceJson.schemaOf(dir.resolve("spice.json"));
            if (StuartLandauSpiceJson.SCHEMA.equals(schema)) {
                return verifyStuartLandauSpice();
            }
            return RecurrentSpiceJson.SCHEMA.equals(schema) ? verifyRecurrentSpice() : verifySpice();
        }
        Path hwJson = dir.resolve("hw.json");
        if (!Files.isRegularFile(hwJson)) {
            throw new BadInput("`" + dir + "` holds neither hw.json nor spice.json; give a folder `oscnet compile`"
                    + " wrote, e.g. out/versicolor/versicolor/verilog or out/versicolor/versicolor/spice");
        }
        HwJson.Summary hw = HwJson.read(hwJson);
        int icarusSamples = options.icarusSamples();
        String synthesis = options.synthesis();
        boolean trace = options.trace();
        Cosimulation cosim = new Cosimulation(dir, hw);
        List<Check> checks = new ArrayList<>();
        checks.add(report(out, cosim.javaModel()));
        checks.add(report(out, cosim.lint()));
        checks.add(report(out, cosim.verilator(trace)));
        checks.add(report(out, cosim.icarus(icarusSamples, trace)));

        Map<String, String> resources = new LinkedHashMap<>();
        resources.put(hw.memories() ? "free units / lanes" : "oscillators / lanes", hw.oscillators() + " / "
                + hw.lanes());
        resources.put("cycles per classification", Long.toString(hw.latency()));
        resources.put("time per classification at " + mhz(hw.clockHz()) + " MHz",
                String.format(Locale.ROOT, "%.3f ms", hw.latency() / hw.clockHz() * 1e3));
        ObjectNode json = new ObjectMapper().createObjectNode();
        if (!synthesis.equals("none")) {
            out.println("synthesizing (yosys generic) ...");
            Synthesis.Generic generic = Synthesis.generic(dir, hw.topModule(), hw.rtlFiles(), hw.memories());
            resources.put("generic synthesis: cells (gates + flip-flops)", generic.cells() + " (" + generic.gates()
                    + " + " + generic.flipFlops() + ")");
            if (hw.memories()) {
                resources.put("generic synthesis: memory blocks left unmapped (couplings, row ends, biases, phases,"
                        + " fields)", Integer.toString(generic.memories()));
            }
            json.putObject("generic").put("cells", generic.cells()).put("gates", generic.gates())
                    .put("flip_flops", generic.flipFlops()).put("memories", generic.memories())
                    .put("seconds", generic.seconds());
            if (synthesis.equals("ice40")) {
                ice40(hw, resources, json).ifPresent(check -> checks.add(report(out, check)));
            }
            if (synthesis.equals("xilinx")) {
                xilinx(hw, resources, json);
            }
        }
        boolean allPassed = checks.stream().allMatch(Check::passed);
        writeReports(hw, checks, resources, json, allPassed);
        return new Outcome(dir, checks);
    }

    /**
     * iCE40 synthesis into the resources; when a part holds the design, its place and route is a
     * check (a design that fits by its counts must also place, route and pack).
     */
    private java.util.Optional<Check> ice40(HwJson.Summary hw, Map<String, String> resources, ObjectNode json)
            throws IOException {
        out.println("synthesizing (yosys synth_ice40 -dsp, then without DSPs; nextpnr-ice40 on the smallest part"
                + " that holds it) ...");
        out.flush();
        Synthesis.Ice40 ice = Synthesis.ice40(dir, hw.topModule(), hw.rtlFiles(), hw.clockHz());
        Synthesis.Ice40Cells cells = ice.cells();
        resources.put("iCE40 part", ice.part().map(p -> p.label() + ": " + p.budget()).orElse("none fits"));
        resources.put("iCE40 " + (cells.withDsps() ? "(synth_ice40 -dsp)" : "(synth_ice40)")
                + ": LUT4 / flip-flops / EBR / carries / DSPs", cells.luts() + " / " + cells.flipFlops() + " / "
                + cells.blockRams() + " / " + cells.carries() + " / " + cells.dsps());
        ice.logicCells().ifPresent(lc -> resources.put("iCE40 logic cells after packing", Integer.toString(lc)));
        resources.put("iCE40 place and route", ice.note());
        resources.put("fmax (nextpnr)", ice.fmaxMhz().map(f -> String.format(Locale.ROOT,
                "%.1f MHz: %.2f us per classification, %.0f classifications per second", f, hw.latency() / f,
                f * 1e6 / hw.latency())).orElse("n/a"));
        ObjectNode i = json.putObject("ice40").put("part", ice.part().map(Enum::name).orElse(null))
                .put("dsp_mapping", cells.withDsps()).put("luts", cells.luts()).put("flip_flops", cells.flipFlops())
                .put("block_rams", cells.blockRams()).put("carries", cells.carries()).put("dsps", cells.dsps())
                .put("placed", ice.placed()).put("note", ice.note()).put("seconds", ice.seconds());
        ice.logicCells().ifPresent(lc -> i.put("logic_cells", lc));
        ice.fmaxMhz().ifPresent(f -> i.put("fmax_mhz", f).put("classifications_per_second", f * 1e6 / hw.latency()));
        if (ice.part().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Check("iCE40 place and route", ice.placed() && ice.fmaxMhz().isPresent(),
                ice.part().get().label() + ice.fmaxMhz().map(f -> String.format(Locale.ROOT, ", fmax %.1f MHz", f))
                        .orElse(": " + ice.note()), ice.seconds()));
    }

    private void xilinx(HwJson.Summary hw, Map<String, String> resources, ObjectNode json) throws IOException {
        out.println("synthesizing (yosys synth_xilinx, 7-series) ...");
        out.flush();
        Synthesis.Xilinx x = Synthesis.xilinx(dir, hw.topModule(), hw.rtlFiles());
        Map<String, Integer> budget = Synthesis.ZYNQ_7020;
        resources.put("7-series (synth_xilinx): LUT / FF / DSP48E1 / BRAM36", String.format(Locale.ROOT,
                "%d / %d / %d / %s", x.luts(), x.flipFlops(), x.dsps(), trim(x.blockRams())));
        resources.put("Zynq-7020 budget used", String.format(Locale.ROOT,
                "LUT %.1f %%, FF %.1f %%, DSP %.1f %%, BRAM %.1f %%: %s", 100.0 * x.luts() / budget.get("LUT"),
                100.0 * x.flipFlops() / budget.get("FF"), 100.0 * x.dsps() / budget.get("DSP48E1"),
                100.0 * x.blockRams() / budget.get("BRAM36"), x.fitsZynq7020() ? "fits" : "does not fit"));
        json.putObject("xilinx").put("family", "xc7").put("luts", x.luts()).put("flip_flops", x.flipFlops())
                .put("dsps", x.dsps()).put("block_rams_36k", x.blockRams()).put("carries", x.carries())
                .put("fits_zynq_7020", x.fitsZynq7020()).put("seconds", x.seconds());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The netlists of a stno_rnn network against the simulator; report.md and report.json. */
    private Outcome verifyRecurrentSpice() throws IOException {
        RecurrentSpiceJson m = RecurrentSpiceJson.read(dir.resolve("spice.json"));
        out.printf(Locale.ROOT, "running ngspice on %d test sequences (%d at a time) ...%n", m.netlists().size(),
                options.jobs());
        out.flush();
        RecurrentSpiceCheck.Outcome outcome = RecurrentSpiceCheck.run(dir, m, options.jobs(), c -> report(out, c));
        boolean allPassed = outcome.checks().stream().allMatch(Check::passed);
        Map<String, Object> model = spiceReportModel(m.network(), allPassed);
        model.put("referenceSubsteps", m.referenceSubsteps());
        model.put("tolerance", String.format(Locale.ROOT, "%.0e", m.tolerance()));
        model.put("checks", checkRows(outcome.checks()));
        model.put("samples", outcome.samples().stream().filter(x -> x.probabilities() != null).map(x -> {
            int index = m.rows().indexOf(x.row());
            return Map.of("row", x.row(), "label", m.classNames().get(x.label()),
                    "spice", m.classNames().get(argmax(x.probabilities())),
                    "reference", m.classNames().get(argmax(m.referenceProbabilities()[index])),
                    "trained", m.classNames().get(argmax(m.trainedProbabilities()[index])),
                    "difference", String.format(Locale.ROOT, "%.1e", maxDifference(x.probabilities(),
                            m.referenceProbabilities()[index])));
        }).toList());
        writeSpiceReport("oscnet.verify-spice-stno_rnn/1", m.network(), outcome.checks(), "report/spice_rnn.md.ftl",
                model);
        return new Outcome(dir, outcome.checks());
    }

    /** The netlists of a stuart_landau network against the simulator; report.md and report.json. */
    private Outcome verifyStuartLandauSpice() throws IOException {
        StuartLandauSpiceJson m = StuartLandauSpiceJson.read(dir.resolve("spice.json"));
        out.printf(Locale.ROOT, "running ngspice on %d test rows (%d at a time) ...%n", m.netlists().size(),
                options.jobs());
        out.flush();
        StuartLandauSpiceCheck.Outcome outcome = StuartLandauSpiceCheck.run(dir, m, options.jobs(),
                c -> report(out, c));
        boolean allPassed = outcome.checks().stream().allMatch(Check::passed);
        Map<String, Object> model = spiceReportModel(m.network(), allPassed);
        model.put("maxStep", String.valueOf(org.oscnet.emit.StuartLandauSpiceEmitter.MAX_STEP));
        model.put("duration", String.valueOf(m.duration()));
        model.put("reference", m.reference());
        model.put("phaseTolerance", String.format(Locale.ROOT, "%.0e", m.phaseTolerance()));
        model.put("amplitudeTolerance", String.format(Locale.ROOT, "%.0e", m.amplitudeTolerance()));
        model.put("checks", checkRows(outcome.checks()));
        model.put("samples", outcome.samples().stream().filter(x -> x.state() != null).map(x -> {
            int index = m.rows().indexOf(x.row());
            double[] ref = m.referenceStates()[index];
            double worst = 0;
            for (int f = 0; f < m.free(); f++) {
                worst = Math.max(worst, Math.abs(Math.IEEEremainder(Math.atan2(x.state()[m.free() + f], x.state()[f])
                        - Math.atan2(ref[m.free() + f], ref[f]), 2 * Math.PI)));
            }
            return Map.of("row", x.row(), "label", m.classNames().get(x.label()),
                    "spice", m.classNames().get(m.prediction(x.state())),
                    "reference", m.classNames().get(m.referenceClasses()[index]),
                    "difference", String.format(Locale.ROOT, "%.1e", worst));
        }).toList());
        writeSpiceReport("oscnet.verify-spice-stuart_landau/1", m.network(), outcome.checks(),
                "report/spice_sl.md.ftl", model);
        return new Outcome(dir, outcome.checks());
    }

    /** Writes report.md (from {@code template}) and report.json (the checks) of a family's netlists. */
    private void writeSpiceReport(String schema, String network, List<Check> checks, String template,
            Map<String, Object> model) throws IOException {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("schema", schema);
        json.put("network", network);
        json.put("passed", checks.stream().allMatch(Check::passed));
        putChecks(json, checks);
        OutputFolder folder = new OutputFolder(dir);
        folder.put("report.md", Templates.render(template, model));
        folder.put("report.json", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
        folder.commit();
    }

    /** What every SPICE report starts with: the network, this oscnet, the folder and ngspice's version. */
    private Map<String, Object> spiceReportModel(String network, boolean allPassed) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", network);
        model.put("version", version);
        model.put("folder", dir.toString());
        model.put("ngspice", ngspiceVersion());
        model.put("allPassed", allPassed);
        return model;
    }

    /** The checks as rows of report.md's table: the detail made safe for a Markdown cell. */
    private static List<Map<String, Object>> checkRows(List<Check> checks) {
        return checks.stream().map(c -> Map.<String, Object>of("name", c.name(), "passed", c.passed(),
                "detail", c.detail().replace("\n", "<br>").replace("|", "\\|"),
                "seconds", String.format(Locale.ROOT, "%.1f", c.seconds()))).toList();
    }

    private static void putChecks(ObjectNode json, List<Check> checks) {
        var array = json.putArray("checks");
        checks.forEach(c -> array.addObject().put("name", c.name()).put("passed", c.passed())
                .put("detail", c.detail()).put("seconds", c.seconds()));
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            best = values[c] > values[best] ? c : best;
        }
        return best;
    }

    private static double maxDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private Outcome verifySpice() throws IOException {
        int monteCarloTrials = options.monteCarloTrials();
        SpiceJson.Manifest m;
        try {
            m = SpiceJson.read(dir.resolve("spice.json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInput(dir.resolve("spice.json") + " is not a valid spice.json: " + e.getOriginalMessage());
        }
        out.printf(Locale.ROOT, "running ngspice on %d test samples (%s%s) and %d Monte-Carlo trials per spread ...%n",
                m.samples(), m.phaseNetlist(), m.stnoNetlist() == null ? "" : ", " + m.stnoNetlist() + ", "
                        + m.tuningNetlist() + ", " + m.pairNetlist(), monteCarloTrials);
        out.flush();
        int parallel = options.jobs();
        SpiceVerification.Outcome outcome = SpiceVerification.run(dir, m, monteCarloTrials, parallel,
                check -> report(out, check));
        boolean allPassed = outcome.checks().stream().allMatch(Check::passed);

        Map<String, Object> model = spiceReportModel(m.network(), allPassed);
        model.put("samples", m.samples());
        model.put("phaseSeed", m.phaseSeed());
        model.put("checks", checkRows(outcome.checks()));
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
        putChecks(json, outcome.checks());
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
                    outcome.monteCarlo().stream().mapToDouble(DeviceSpread.Row::spread).toArray(),
                    outcome.monteCarlo().stream().mapToDouble(DeviceSpread.Row::uncalibratedMean).toArray(),
                    outcome.monteCarlo().stream().mapToDouble(DeviceSpread.Row::calibratedMean).toArray(),
                    outcome.accuracies().get("simulator, DAC codes")));
        }
        folder.commit();
        return new Outcome(dir, outcome.checks());
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
        model.put("version", version);
        model.put("folder", dir.toString());
        model.put("allPassed", allPassed);
        model.put("vectors", hw.testVectors() + hw.randomVectors());
        model.put("testRows", hw.testVectors());
        model.put("randomRows", hw.randomVectors());
        model.put("randomSeed", org.oscnet.emit.Vectors.RANDOM_SEED);
        model.put("compared", hw.compared());
        model.put("checks", checkRows(checks));
        model.put("floatAccuracy", String.format(Locale.ROOT, "%.1f", 100 * hw.floatAccuracy()));
        model.put("fixedAccuracy", String.format(Locale.ROOT, "%.1f", 100 * hw.fixedAccuracy()));
        model.put("resources", resources.entrySet().stream().map(e -> Map.of("key", e.getKey(), "value",
                e.getValue())).toList());

        json.put("schema", "oscnet.verify/1");
        json.put("network", hw.name());
        json.put("passed", allPassed);
        putChecks(json, checks);
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
