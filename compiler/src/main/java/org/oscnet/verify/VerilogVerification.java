package org.oscnet.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.emit.Templates;
import org.oscnet.io.HwJson;
import org.oscnet.io.OutputFolder;

/**
 * The Verilog flow of {@code verify}: the Java model, Verilator lint, the Verilator harness and
 * the Icarus testbench against the vectors (bit for bit), then Yosys synthesis (generic, iCE40
 * with nextpnr, or 7-series), into {@code report.md} and {@code report.json}.
 */
record VerilogVerification(Path dir, Verification.Options options, PrintWriter out, String version) {
    Verification.Outcome run() throws IOException {
        HwJson.Summary hw = HwJson.read(dir.resolve("hw.json"));
        int icarusSamples = options.icarusSamples();
        String synthesis = options.synthesis();
        boolean trace = options.trace();
        Cosimulation cosim = new Cosimulation(dir, hw);
        List<Check> checks = new ArrayList<>();
        checks.add(Verification.report(out, cosim.javaModel()));
        checks.add(Verification.report(out, cosim.lint()));
        checks.add(Verification.report(out, cosim.verilator(trace)));
        checks.add(Verification.report(out, cosim.icarus(icarusSamples, trace)));

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
                checks.addAll(ice40(hw, resources, json, icarusSamples));
            }
            if (synthesis.equals("xilinx")) {
                xilinx(hw, resources, json);
            }
        }
        boolean allPassed = checks.stream().allMatch(Check::passed);
        writeReports(hw, checks, resources, json, allPassed);
        return new Verification.Outcome(dir, checks);
    }

    /**
     * iCE40 synthesis into the resources; when a part holds the design, its place and route is a
     * check (a design that fits by its counts must also place, route and pack), and so is the
     * testbench on the mapped netlist (what is placed computes what the RTL computes). Prints
     * each check as it ends.
     */
    private List<Check> ice40(HwJson.Summary hw, Map<String, String> resources, ObjectNode json, int samples)
            throws IOException {
        out.println("synthesizing (yosys synth_ice40, with -dsp unless the RTL instantiates its DSPs; nextpnr-ice40"
                + " on the smallest part that holds it; icetime) ...");
        out.flush();
        Synthesis.Ice40 ice = Synthesis.ice40(dir, hw.topModule(), hw.rtlFiles(), hw.clockHz());
        Synthesis.Ice40Cells cells = ice.cells();
        resources.put("iCE40 part", ice.part().map(p -> p.label() + ": " + p.budget()).orElse("none fits"));
        resources.put("iCE40 " + (cells.withDsps() ? "(synth_ice40 -dsp)" : cells.instancedDsps()
                ? "(synth_ice40, SB_MAC16s instantiated)" : "(synth_ice40)")
                + ": LUT4 / flip-flops / EBR / carries / DSPs", cells.luts() + " / " + cells.flipFlops() + " / "
                + cells.blockRams() + " / " + cells.carries() + " / " + cells.dsps());
        ice.logicCells().ifPresent(lc -> resources.put("iCE40 logic cells after packing", Integer.toString(lc)));
        resources.put("iCE40 place and route", ice.note());
        resources.put("fmax (nextpnr)", ice.fmaxMhz().map(f -> String.format(Locale.ROOT,
                "%.1f MHz: %.2f us per classification, %.0f classifications per second", f, hw.latency() / f,
                f * 1e6 / hw.latency())).orElse("n/a"));
        ice.fmaxTimedCompletelyMhz().ifPresent(f -> resources.put("fmax without DSPs (nextpnr, every path timed)",
                String.format(Locale.ROOT, "%.1f MHz: a lower bound for the design with DSPs", f)));
        ice.fmaxIcetimeMhz().ifPresent(f -> resources.put("fmax (icetime, every path timed, DSPs included)",
                String.format(Locale.ROOT, "%.1f MHz: %.2f us per classification, %.0f classifications per second", f,
                        hw.latency() / f, f * 1e6 / hw.latency())));
        ObjectNode i = json.putObject("ice40").put("part", ice.part().map(Enum::name).orElse(null))
                .put("dsp_mapping", cells.withDsps()).put("luts", cells.luts()).put("flip_flops", cells.flipFlops())
                .put("block_rams", cells.blockRams()).put("carries", cells.carries()).put("dsps", cells.dsps())
                .put("placed", ice.placed()).put("note", ice.note()).put("seconds", ice.seconds());
        ice.logicCells().ifPresent(lc -> i.put("logic_cells", lc));
        ice.fmaxMhz().ifPresent(f -> i.put("fmax_mhz", f).put("classifications_per_second", f * 1e6 / hw.latency()));
        ice.fmaxTimedCompletelyMhz().ifPresent(f -> i.put("fmax_without_dsps_mhz", f));
        ice.fmaxIcetimeMhz().ifPresent(f -> i.put("fmax_icetime_mhz", f).put("instanced_dsps", cells.instancedDsps()));
        if (ice.part().isEmpty()) {
            return List.of();
        }
        Check placed = new Check("iCE40 place and route", ice.placed() && ice.fmaxMhz().isPresent(),
                ice.part().get().label() + ice.fmaxMhz().map(f -> String.format(Locale.ROOT, ", fmax %.1f MHz", f)
                        + ice.fmaxTimedCompletelyMhz().map(low -> String.format(Locale.ROOT,
                                " (at least %.1f: without DSPs, every path timed)", low)).orElse("")
                        + ice.fmaxIcetimeMhz().map(icetime -> String.format(Locale.ROOT,
                                " (icetime, every path and DSP delay: %.1f MHz)", icetime)).orElse(""))
                        .orElse(": " + ice.note()), ice.seconds());
        // each check is printed as it ends, so the clock shows before the slower simulations run
        List<Check> checks = new ArrayList<>(List.of(Verification.report(out, placed)));
        checks.add(Verification.report(out, gateLevel(hw, cells.withDsps(), samples, "iCE40 netlist simulation")));
        if (cells.withDsps() && ice.fmaxTimedCompletelyMhz().isPresent()) {
            // the lower bound is the clock of another netlist: it must compute the same values too
            checks.add(Verification.report(out, gateLevel(hw, false, samples, "iCE40 netlist without DSPs")));
        }
        return checks;
    }

    /** The Icarus testbench on the {@code synth_ice40} netlist, Yosys's cell models for the cells. */
    private Check gateLevel(HwJson.Summary hw, boolean dsps, int samples, String name) throws IOException {
        out.println("simulating the iCE40 netlist (synth_ice40" + (dsps ? " -dsp" : "") + ", Yosys's cell models,"
                + " Icarus) ...");
        out.flush();
        long start = System.nanoTime();
        Path netlist = Synthesis.ice40GateNetlist(dir, hw.topModule(), hw.rtlFiles(), dsps);
        double synthesisSeconds = (System.nanoTime() - start) / 1e9;
        Check gates = new Cosimulation(dir, hw).icarusGates(name, netlist, Synthesis.ice40CellModels(), samples);
        return new Check(gates.name(), gates.passed(), gates.detail(), gates.seconds() + synthesisSeconds);
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
        model.put("checks", Verification.checkRows(checks));
        model.put("floatAccuracy", String.format(Locale.ROOT, "%.1f", 100 * hw.floatAccuracy()));
        model.put("fixedAccuracy", String.format(Locale.ROOT, "%.1f", 100 * hw.fixedAccuracy()));
        model.put("resources", resources.entrySet().stream().map(e -> Map.of("key", e.getKey(), "value",
                e.getValue())).toList());

        json.put("schema", "oscnet.verify/1");
        json.put("network", hw.name());
        json.put("passed", allPassed);
        Verification.putChecks(json, checks);
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

    private static String mhz(double hz) {
        return String.format(Locale.ROOT, "%.0f", hz / 1e6);
    }
}
