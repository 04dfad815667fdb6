package org.oscnet.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Yosys synthesis of a compiled design: generic ({@code synth}: gates and flip-flops) and for the
 * iCE40 HX8K ({@code synth_ice40}: LUTs, flip-flops, block RAMs, carries), then nextpnr-ice40
 * place and route for fmax when the LUTs fit the device.
 */
public final class Synthesis {
    /** Logic cells of the iCE40 HX8K, the largest iCE40 nextpnr targets. */
    public static final int HX8K_LUTS = 7680;
    private static final long TIMEOUT = 3600;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FMAX = Pattern.compile("Max frequency for clock\\s+'[^']*':\\s+([0-9.]+) MHz");

    private Synthesis() {
    }

    /** Generic synthesis: cell counts by kind; {@code memories} are memory blocks left unmapped. */
    public record Generic(int cells, int flipFlops, int gates, int memories, double seconds) {
    }

    /** iCE40 synthesis and, when it fits, place and route. */
    public record Ice40(int luts, int flipFlops, int blockRams, int carries, int multipliers, boolean fits,
            Optional<Double> fmaxMhz, String note, double seconds) {
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

    public static Ice40 ice40(Path folder, String top, List<String> files, double clockHz) throws IOException {
        Path dir = folder.toAbsolutePath();
        Path build = dir.resolve("build");
        Files.createDirectories(build);
        Path stat = build.resolve("ice40_stat.json");
        Path netlist = build.resolve("ice40.json");
        ExternalRun.Outcome run = yosys(dir, "read_verilog " + String.join(" ", files) + "; synth_ice40 -top " + top
                + " -json " + netlist + "; tee -q -o " + stat + " stat -json");
        Map<String, Integer> cells = cellsByType(run, stat);
        int luts = cells.getOrDefault("SB_LUT4", 0);
        int flipFlops = cells.entrySet().stream().filter(e -> e.getKey().startsWith("SB_DFF"))
                .mapToInt(Map.Entry::getValue).sum();
        int rams = cells.entrySet().stream().filter(e -> e.getKey().startsWith("SB_RAM"))
                .mapToInt(Map.Entry::getValue).sum();
        int carries = cells.getOrDefault("SB_CARRY", 0);
        int multipliers = cells.getOrDefault("SB_MAC16", 0);
        double seconds = run.seconds();
        if (luts > HX8K_LUTS) {
            return new Ice40(luts, flipFlops, rams, carries, multipliers, false, Optional.empty(),
                    "does not fit the iCE40 HX8K (" + luts + " LUTs > " + HX8K_LUTS + "); no place and route", seconds);
        }
        ExternalRun.Outcome pnr = ExternalRun.run(dir, TIMEOUT, List.of(
                Tools.require(Tools.Tool.NEXTPNR_ICE40).toString(), "--hx8k", "--package", "ct256", "--json",
                netlist.toString(), "--freq", String.format(java.util.Locale.ROOT, "%.1f", clockHz / 1e6), "--seed",
                "1", "--timing-allow-fail"));
        seconds += pnr.seconds();
        Optional<Double> fmax = Optional.empty();
        Matcher m = FMAX.matcher(pnr.output());
        while (m.find()) {
            fmax = Optional.of(Double.parseDouble(m.group(1)));
        }
        // --timing-allow-fail: a design slower than its clock statement still gets its fmax measured
        String note = "placed and routed on iCE40 HX8K (ct256), nextpnr seed 1";
        if (!pnr.ok()) {
            note = "nextpnr-ice40 failed: " + pnr.tail(3);
        } else if (fmax.isPresent() && fmax.get() < clockHz / 1e6) {
            note += String.format(java.util.Locale.ROOT, "; slower than the %.0f MHz clock asked for", clockHz / 1e6);
        }
        return new Ice40(luts, flipFlops, rams, carries, multipliers, pnr.ok(), fmax, note, seconds);
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
