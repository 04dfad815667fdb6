package org.oscnet.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Yosys synthesis of a compiled design: generic ({@code synth}: gates and flip-flops); for iCE40
 * ({@code synth_ice40}, with the multipliers in SB_MAC16 blocks first) followed by nextpnr-ice40
 * place and route on the smallest part the design fits; and for Xilinx 7-series
 * ({@code synth_xilinx}) against the budget of a Zynq-7020.
 */
public final class Synthesis {
    private static final long TIMEOUT = 3600;
    /**
     * What a multiplier costs in LUT4s when it leaves its SB_MAC16, at least: measured 255 to 300
     * on the Kuramoto lanes (versicolor with 1, 2 and 6 lanes), so a design whose DSP mapping plus
     * this many LUTs per DSP exceeds the HX8K is not synthesized again without DSPs.
     */
    private static final int LUTS_PER_DSP_AT_LEAST = 150;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FMAX = Pattern.compile("Max frequency for clock\\s+'([^']*)':\\s+([0-9.]+) MHz");
    private static final Pattern LOGIC_CELLS = Pattern.compile("ICESTORM_LC:\\s+(\\d+)/\\s*(\\d+)");
    private static final Pattern ICETIME_PATH = Pattern.compile("Total path delay:\\s+([0-9.]+) ns \\(([0-9.]+) MHz\\)");
    /** How iCE40 flows read the RTL: with the macro under which its multipliers are SB_MAC16s. */
    private static final String READ_ICE40 = "read_verilog -D" + org.oscnet.emit.VerilogEmitter.ICE40_MACRO + " ";

    private Synthesis() {
    }

    /** Generic synthesis: cell counts by kind; {@code memories} are memory blocks left unmapped. */
    public record Generic(int cells, int flipFlops, int gates, int memories, double seconds) {
    }

    /** An iCE40 part nextpnr places on, the package used and what it holds. */
    public enum Ice40Part {
        UP5K("up5k", "sg48", 5280, 8, 30),
        HX8K("hx8k", "ct256", 7680, 0, 32);

        private final String option;
        private final String pack;
        private final int luts;
        private final int dsps;
        private final int blockRams;

        Ice40Part(String option, String pack, int luts, int dsps, int blockRams) {
            this.option = option;
            this.pack = pack;
            this.luts = luts;
            this.dsps = dsps;
            this.blockRams = blockRams;
        }

        public String label() {
            return "iCE40 " + name() + " (" + pack + ")";
        }

        public String budget() {
            return luts + " LUT4, " + dsps + " DSP, " + blockRams + " EBR";
        }

        boolean holds(Ice40Cells cells) {
            return cells.luts() <= luts && cells.dsps() <= dsps && cells.blockRams() <= blockRams;
        }
    }

    /**
     * What {@code synth_ice40} mapped a design to: with {@code -dsp} ({@code withDsps}) or without; the
     * DSPs of a design mapped without are its RTL's own SB_MAC16 instances ({@code instancedDsps}).
     */
    public record Ice40Cells(boolean withDsps, boolean instancedDsps, int luts, int flipFlops, int blockRams,
            int carries, int dsps) {
    }

    /**
     * iCE40 synthesis and, on the first part of {@link Ice40Part} that holds it (UP5K with DSPs,
     * UP5K without, HX8K without), place and route. {@code cells} is what was placed, or the
     * smallest mapping when nothing fits; {@code part} is empty then. nextpnr leaves a DSP's own
     * delay out, so with DSPs {@code fmaxMhz} is an upper bound; {@code fmaxTimedCompletelyMhz} is
     * then the same design synthesized without DSPs and placed on the same part, where every path
     * is timed (its multipliers are LUTs and carries, slower than a DSP's): a lower bound. A design
     * whose RTL instantiates its DSPs (every one registered inside, a configuration icetime models)
     * is mapped without {@code -dsp} only, and {@code fmaxIcetimeMhz} is icetime's estimate of the
     * placed design, every path timed with Lattice's delays, the DSPs' included.
     */
    public record Ice40(Optional<Ice40Part> part, Ice40Cells cells, boolean placed, Optional<Integer> logicCells,
            Optional<Double> fmaxMhz, Optional<Double> fmaxTimedCompletelyMhz, Optional<Double> fmaxIcetimeMhz,
            String note, double seconds) {
        Ice40 withLowerBound(Optional<Double> fmaxWithoutDspsMhz, String more, double moreSeconds) {
            return new Ice40(part, cells, placed, logicCells, fmaxMhz, fmaxWithoutDspsMhz, fmaxIcetimeMhz,
                    note + more, seconds + moreSeconds);
        }

        Ice40 withIcetime(Optional<Double> fmax, String more, double moreSeconds) {
            return new Ice40(part, cells, placed, logicCells, fmaxMhz, fmaxTimedCompletelyMhz, fmax, note + more,
                    seconds + moreSeconds);
        }
    }

    /** The Zynq-7020's programmable logic: what a 7-series design is measured against. */
    public static final Map<String, Integer> ZYNQ_7020 = Map.of("LUT", 53200, "FF", 106400, "DSP48E1", 220,
            "BRAM36", 140);

    /**
     * {@code synth_xilinx} (7-series) cell counts: LUTs (distributed RAM counted as the LUTs it
     * occupies), flip-flops, DSP48E1 and block RAM in 36 Kb units (a RAMB18E1 is half).
     */
    public record Xilinx(int luts, int flipFlops, int dsps, double blockRams, int carries, double seconds) {
        public boolean fitsZynq7020() {
            return luts <= ZYNQ_7020.get("LUT") && flipFlops <= ZYNQ_7020.get("FF") && dsps <= ZYNQ_7020.get("DSP48E1")
                    && blockRams <= ZYNQ_7020.get("BRAM36");
        }
    }

    /**
     * Generic synthesis of {@code top}. With {@code keepMemories}, memories stay memory blocks
     * (Yosys's {@code synth} up to its "fine" label, then gate mapping without {@code memory_map}):
     * a ROM of thousands of couplings mapped into gates says nothing a block RAM would cost, and
     * takes minutes.
     */
    public static Generic generic(Path folder, String top, List<String> files, boolean keepMemories)
            throws IOException {
        Path dir = folder.toAbsolutePath();
        Path stat = dir.resolve("build").resolve("generic_stat.json");
        Files.createDirectories(stat.getParent());
        String synth = keepMemories
                ? "synth -flatten -top " + top + " -run :fine; opt -fast -full; techmap; opt -fast; abc -fast; opt -fast"
                : "synth -flatten -top " + top;
        ExternalRun.Outcome run = yosys(dir, "read_verilog " + String.join(" ", files) + "; " + synth
                + "; tee -q -o " + stat + " stat -json");
        Map<String, Integer> cells = cellsByType(run, stat);
        int flipFlops = 0;
        int memories = 0;
        int total = 0;
        for (Map.Entry<String, Integer> cell : cells.entrySet()) {
            if (cell.getKey().startsWith("$mem")) {
                memories += cell.getValue();
                continue;
            }
            total += cell.getValue();
            if (cell.getKey().contains("DFF")) {
                flipFlops += cell.getValue();
            }
        }
        return new Generic(total, flipFlops, total - flipFlops, memories, run.seconds());
    }

    /**
     * Synthesizes {@code top} inside a pin shell ({@link PinShell}: wide inputs arrive serially,
     * so the design fits a 48-pin package) and places and routes it on the smallest iCE40 part
     * that holds it, for a clock of {@code clockHz}.
     */
    public static Ice40 ice40(Path folder, String top, List<String> files, double clockHz) throws IOException {
        Path dir = folder.toAbsolutePath();
        Path build = dir.resolve("build");
        Files.createDirectories(build);
        Path shell = build.resolve(top + "_pins.v");
        Files.writeString(shell, PinShell.render(top, ports(dir, top, files)));
        String shellTop = top + "_pins";
        List<String> withShell = new java.util.ArrayList<>(files);
        withShell.add(shell.toString());
        double seconds = 0;
        Ice40Cells smallest = null;
        List<String> tried = new java.util.ArrayList<>();
        // -dsp would re-pack instantiated SB_MAC16s (Yosys 0.23 clears their registers): never for those
        boolean instanced = instantiatesDsps(dir, files);
        for (boolean dsps : instanced ? List.of(false) : List.of(true, false)) {
            Mapped mapped = mapIce40(dir, withShell, shellTop, dsps, instanced);
            seconds += mapped.seconds();
            Ice40Cells cells = mapped.cells();
            if (smallest == null) {
                smallest = cells;
            }
            for (Ice40Part part : Ice40Part.values()) {
                if (part.holds(cells)) {
                    Placement placement = place(dir, part, cells, mapped.netlist(), clockHz, seconds);
                    Ice40 placed = placement.result();
                    seconds = placed.seconds();
                    if (!placement.outOfCells()) {
                        if (!placed.placed()) {
                            return placed;
                        }
                        return cells.withDsps() && cells.dsps() > 0
                                ? withLowerBound(placed, dir, withShell, shellTop, part, clockHz)
                                : withIcetime(placed, dir, part);
                    }
                    // its LUTs and flip-flops do not pack into the part's logic cells: try the next
                    tried.add(part.name() + (dsps ? " with DSPs" : " without DSPs") + ": "
                            + placed.logicCells().map(lc -> lc + " logic cells").orElse("too many logic cells"));
                }
            }
            if (cells.luts() + LUTS_PER_DSP_AT_LEAST * cells.dsps() > Ice40Part.HX8K.luts) {
                break; // without DSPs the multipliers become LUTs: no part would hold it
            }
        }
        return new Ice40(Optional.empty(), smallest, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "fits no iCE40 part (UP5K: " + Ice40Part.UP5K.budget() + "; HX8K: " + Ice40Part.HX8K.budget()
                        + ")" + (tried.isEmpty() ? "; no place and route" : "; nextpnr ran out of logic cells on "
                        + String.join(", ", tried)), seconds);
    }

    /** A {@code synth_ice40} netlist and its cells. */
    private record Mapped(Path netlist, Ice40Cells cells, double seconds) {
    }

    private static Mapped mapIce40(Path dir, List<String> files, String top, boolean dsps, boolean instanced)
            throws IOException {
        Path build = dir.resolve("build");
        Path netlist = build.resolve(dsps ? "ice40_dsp.json" : "ice40.json");
        Path stat = build.resolve(dsps ? "ice40_dsp_stat.json" : "ice40_stat.json");
        ExternalRun.Outcome run = yosys(dir, READ_ICE40 + String.join(" ", files) + "; synth_ice40 "
                + (dsps ? "-dsp " : "") + "-top " + top + " -json " + netlist + "; tee -q -o " + stat + " stat -json");
        return new Mapped(netlist, ice40Cells(dsps, instanced, cellsByType(run, stat)), run.seconds());
    }

    /** Whether the RTL instantiates SB_MAC16s itself (its multiplier module, in iCE40 builds). */
    static boolean instantiatesDsps(Path dir, List<String> files) throws IOException {
        for (String file : files) {
            if (Files.readString(dir.resolve(file)).contains("SB_MAC16 #(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * icetime's timing of the placed design ({@code build/ice40.asc}): every path with the delays of
     * Lattice's library, DSPs included, which nextpnr leaves out. Only for a design whose DSPs are
     * registered inside (or that has none): icetime has no model of a DSP that adds without a register.
     */
    private static Ice40 withIcetime(Ice40 placed, Path dir, Ice40Part part) throws IOException {
        Path asc = dir.resolve("build").resolve("ice40.asc");
        Path report = dir.resolve("build").resolve("icetime.txt");
        ExternalRun.Outcome run = ExternalRun.run(dir, TIMEOUT, List.of(Tools.require(Tools.Tool.ICETIME).toString(),
                "-d", part.option, "-P", part.pack, "-t", "-r", report.toString(), asc.toString()));
        Matcher m = ICETIME_PATH.matcher(run.ok() && Files.isRegularFile(report) ? Files.readString(report) : "");
        if (!m.find()) {
            return placed.withIcetime(Optional.empty(), "; icetime failed: " + run.tail(3), run.seconds());
        }
        double fmax = Double.parseDouble(m.group(2));
        return placed.withIcetime(Optional.of(fmax), String.format(Locale.ROOT, "; icetime %.1f MHz (every path,"
                + " the DSPs' delays counted)", fmax), run.seconds());
    }

    /**
     * A design placed with DSPs, and its lower bound: the same design without DSPs on the same part,
     * when it fits there (the note says so when it does not).
     */
    private static Ice40 withLowerBound(Ice40 placed, Path dir, List<String> files, String top, Ice40Part part,
            double clockHz) throws IOException {
        Mapped without = mapIce40(dir, files, top, false, false);
        if (!part.holds(without.cells())) {
            return placed.withLowerBound(Optional.empty(), "; without DSPs it does not fit the " + part.name()
                    + " (no lower bound)", without.seconds());
        }
        Placement timed = place(dir, part, without.cells(), without.netlist(), clockHz, without.seconds());
        Optional<Double> fmax = timed.outOfCells() ? Optional.empty() : timed.result().fmaxMhz();
        return placed.withLowerBound(fmax, fmax.map(f -> String.format(Locale.ROOT,
                "; without DSPs (timed completely) %.1f MHz, a lower bound", f)).orElse("; without DSPs it does not"
                        + " place on the " + part.name() + " (no lower bound)"), timed.result().seconds());
    }

    /** One nextpnr run; {@code outOfCells} when the design did not pack into the part's logic cells. */
    private record Placement(Ice40 result, boolean outOfCells) {
    }

    private static Placement place(Path dir, Ice40Part part, Ice40Cells cells, Path netlist, double clockHz,
            double synthesisSeconds) throws IOException {
        ExternalRun.Outcome pnr = ExternalRun.run(dir, TIMEOUT, List.of(
                Tools.require(Tools.Tool.NEXTPNR_ICE40).toString(), "--" + part.option, "--package", part.pack,
                "--json", netlist.toString(), "--freq", String.format(Locale.ROOT, "%.1f", clockHz / 1e6), "--seed",
                "1", "--timing-allow-fail", "--asc", dir.resolve("build").resolve("ice40.asc").toString()));
        // nextpnr reports each clock after placement and again after routing: the last one counts.
        // Names starting with '$' are its own constant nets (a DSP's tied inputs), not clocks.
        Map<String, Double> byClock = new LinkedHashMap<>();
        Matcher m = FMAX.matcher(pnr.output());
        while (m.find()) {
            if (!m.group(1).startsWith("$")) {
                byClock.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        Optional<Double> fmax = byClock.values().stream().min(Double::compare);
        Optional<Integer> logicCells = Optional.empty();
        Matcher lc = LOGIC_CELLS.matcher(pnr.output());
        if (lc.find()) {
            logicCells = Optional.of(Integer.parseInt(lc.group(1)));
        }
        // --timing-allow-fail: a design slower than its clock statement still gets its fmax measured
        String note = "placed and routed on " + part.label() + (cells.withDsps() ? " with DSPs"
                : cells.instancedDsps() ? "" : " without DSPs") + ", nextpnr seed 1";
        if (cells.instancedDsps()) {
            note += "; the DSPs are the RTL's own SB_MAC16s, operands and product registered inside";
        } else if (cells.dsps() > 0) {
            // nextpnr-ice40 classes every SB_MAC16 port as a register port, whatever the DSP's mode
            note += "; nextpnr times the DSPs' ports as registers, so a multiplier without its own registers"
                    + " adds delay this fmax leaves out: an upper bound";
        }
        // the packer's "no BELs remaining", or the analytical placer's "Failed to expand region ... of
        // N ICESTORM_LCs" when N exceed the part's cells
        boolean outOfCells = !pnr.ok() && (pnr.output().contains("no BELs remaining")
                || pnr.output().contains("Failed to expand region"));
        if (outOfCells) {
            note = "out of logic cells on " + part.label();
        } else if (!pnr.ok()) {
            note = "nextpnr-ice40 failed on " + part.label() + ": " + pnr.tail(3);
        } else if (fmax.isPresent() && fmax.get() < clockHz / 1e6) {
            note += String.format(Locale.ROOT, "; slower than the %.0f MHz clock asked for", clockHz / 1e6);
        }
        return new Placement(new Ice40(Optional.of(part), cells, pnr.ok(), logicCells, fmax, Optional.empty(),
                Optional.empty(), note, synthesisSeconds + pnr.seconds()), outOfCells);
    }

    private static Ice40Cells ice40Cells(boolean dsps, boolean instanced, Map<String, Integer> cells) {
        return new Ice40Cells(dsps, instanced && !dsps, cells.getOrDefault("SB_LUT4", 0), sum(cells, "SB_DFF"), sum(cells, "SB_RAM"),
                cells.getOrDefault("SB_CARRY", 0), cells.getOrDefault("SB_MAC16", 0));
    }

    /**
     * The iCE40 gate-level netlist of {@code top} as Verilog ({@code build/ice40_dsp_gates.v} or
     * {@code build/ice40_gates.v}), mapped with or without DSPs, for simulation against the vectors. The top
     * module's own wires are kept, because the testbench reads some of them (the step strobe and
     * the phases).
     */
    public static Path ice40GateNetlist(Path folder, String top, List<String> files, boolean dsps)
            throws IOException {
        Path dir = folder.toAbsolutePath();
        Path netlist = dir.resolve("build").resolve(dsps ? "ice40_dsp_gates.v" : "ice40_gates.v");
        Files.createDirectories(netlist.getParent());
        yosys(dir, READ_ICE40 + String.join(" ", files) + "; hierarchy -top " + top + "; setattr -set keep 1 "
                + top + "/w:*; synth_ice40 " + (dsps ? "-dsp " : "") + "-top " + top + "; write_verilog -noattr "
                + netlist);
        return netlist;
    }

    /** Yosys's simulation models of the iCE40 cells, installed beside it ({@code share/yosys/ice40}). */
    public static Path ice40CellModels() throws IOException {
        Path yosys = Tools.require(Tools.Tool.YOSYS).toRealPath();
        Path models = yosys.getParent().resolveSibling("share").resolve("yosys").resolve("ice40")
                .resolve("cells_sim.v");
        if (!Files.isRegularFile(models)) {
            throw new IOException("the iCE40 cell models of Yosys are not at " + models
                    + " (they come with yosys; reinstall it: apt-get install -y yosys)");
        }
        return models;
    }

    /** {@code synth_xilinx} for 7-series: resources against {@link #ZYNQ_7020}. No place and route. */
    public static Xilinx xilinx(Path folder, String top, List<String> files) throws IOException {
        Path dir = folder.toAbsolutePath();
        Path stat = dir.resolve("build").resolve("xilinx_stat.json");
        Files.createDirectories(stat.getParent());
        ExternalRun.Outcome run = yosys(dir, "read_verilog " + String.join(" ", files) + "; synth_xilinx -family xc7"
                + " -flatten -top " + top + "; tee -q -o " + stat + " stat -json");
        Map<String, Integer> cells = cellsByType(run, stat);
        int luts = 0;
        for (int k = 1; k <= 6; k++) {
            luts += cells.getOrDefault("LUT" + k, 0);
        }
        // distributed RAM occupies LUTs of SLICEMs: a RAM32M/RAM64M four, a dual-port bit two
        luts += 4 * (cells.getOrDefault("RAM32M", 0) + cells.getOrDefault("RAM64M", 0)
                + cells.getOrDefault("RAM128X1D", 0) + cells.getOrDefault("RAM256X1S", 0))
                + 2 * (cells.getOrDefault("RAM64X1D", 0) + cells.getOrDefault("RAM32X1D", 0)
                        + cells.getOrDefault("RAM128X1S", 0))
                + cells.getOrDefault("RAM64X1S", 0) + cells.getOrDefault("RAM32X1S", 0);
        int flipFlops = sum(cells, "FDRE") + sum(cells, "FDSE") + sum(cells, "FDCE") + sum(cells, "FDPE");
        double blockRams = cells.getOrDefault("RAMB36E1", 0) + cells.getOrDefault("RAMB18E1", 0) / 2.0;
        return new Xilinx(luts, flipFlops, cells.getOrDefault("DSP48E1", 0), blockRams,
                cells.getOrDefault("CARRY4", 0), run.seconds());
    }

    /** The ports of {@code top} as Yosys elaborates them: name, direction and width, in order. */
    static List<PinShell.Port> ports(Path dir, String top, List<String> files) throws IOException {
        Path json = dir.resolve("build").resolve("ports.json");
        ExternalRun.Outcome run = yosys(dir, "read_verilog " + String.join(" ", files) + "; hierarchy -top " + top
                + "; proc; write_json " + json);
        JsonNode ports = MAPPER.readTree(json.toFile()).path("modules").path(top).path("ports");
        if (ports.isMissingNode() || ports.isEmpty()) {
            throw new IOException("yosys found no ports of " + top + "; output:\n" + run.tail(10));
        }
        List<PinShell.Port> list = new java.util.ArrayList<>();
        ports.fields().forEachRemaining(e -> list.add(new PinShell.Port(e.getKey(),
                e.getValue().path("direction").asText(), e.getValue().path("bits").size())));
        return list;
    }

    private static int sum(Map<String, Integer> cells, String prefix) {
        return cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue)
                .sum();
    }

    private static ExternalRun.Outcome yosys(Path dir, String script) throws IOException {
        ExternalRun.Outcome run = ExternalRun.run(dir, TIMEOUT, List.of(Tools.require(Tools.Tool.YOSYS).toString(), "-q",
                "-p", script));
        if (!run.ok()) {
            throw new IOException("yosys failed (" + run.status() + "):\n" + run.tail(20));
        }
        return run;
    }

    private static Map<String, Integer> cellsByType(ExternalRun.Outcome run, Path stat) throws IOException {
        JsonNode root = MAPPER.readTree(stat.toFile());
        JsonNode design = root.path("design").path("num_cells_by_type");
        if (design.isMissingNode()) {
            JsonNode modules = root.path("modules");
            design = modules.elements().hasNext() ? modules.elements().next().path("num_cells_by_type") : design;
        }
        Map<String, Integer> cells = new LinkedHashMap<>();
        design.fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().asInt()));
        if (cells.isEmpty()) {
            throw new IOException("yosys reported no cells; output:\n" + run.tail(10));
        }
        return cells;
    }
}
