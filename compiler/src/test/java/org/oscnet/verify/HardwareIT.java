package org.oscnet.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oscnet.cli.Main;

/**
 * End to end through the tools: a small multi-class network, time-multiplexed (3 lanes for 8
 * oscillators) and with a short simulation so the cosimulations take seconds, is trained,
 * compiled and verified; then one constant of the generated Verilog is changed and verify must
 * report the mismatch (the cosimulation can fail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardwareIT {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    private static Path verilog;

    record Run(int status, String out, String err) {
    }

    static Run oscnet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    /** Trains {@code source} into {@code dir/outName}, failing the test if training fails. */
    static Path trained(Path source, String outName) {
        Path out = dir.resolve(outName);
        Run train = oscnet("train", source.toString(), "-o", out.toString());
        assertEquals(0, train.status(), train.err());
        return out;
    }

    /**
     * {@code oscnet verify FOLDER --synthesis none} with {@code icarusSamples}: it must pass, with
     * Verilator's lint clean and both cosimulations bit-exact. Returns the run for further checks.
     */
    static Run verifiedBitExact(Path folder, int icarusSamples, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("verify", folder.toString(),
                "--synthesis", "none", "--icarus-samples", Integer.toString(icarusSamples)));
        args.addAll(java.util.List.of(more));
        Run verify = oscnet(args.toArray(String[]::new));
        assertEquals(0, verify.status(), verify.out() + verify.err());
        assertTrue(verify.out().contains("Verilator lint (-Wall)       pass"), verify.out());
        assertTrue(verify.out().contains("Verilator cosimulation       pass  bit-exact on 1060 samples"), verify.out());
        assertTrue(verify.out().contains("Icarus cosimulation          pass  bit-exact on " + icarusSamples + " samples"),
                verify.out());
        return verify;
    }

    /** Trains and compiles {@code source} into {@code dir/outName}, failing the test if either fails. */
    static Path compiled(Path source, String outName) {
        Path out = trained(source, outName);
        Run compile = oscnet("compile", source.toString(), "-o", out.toString());
        assertEquals(0, compile.status(), compile.err());
        return out;
    }

    /** Fails under CI=true, skips elsewhere, when a tool is missing. */
    static void requireTools(Tools.Tool... tools) {
        for (Tools.Tool tool : tools) {
            if (Tools.find(tool).isEmpty()) {
                String message = tool.command() + " is not installed; run " + Tools.INSTALL_HINT;
                if ("true".equals(System.getenv("CI"))) {
                    fail(message);
                }
                Assumptions.abort(message);
            }
        }
    }

    @BeforeAll
    static void compileSmallNetwork() throws Exception {
        requireTools(Tools.Tool.VERILATOR, Tools.Tool.ICARUS, Tools.Tool.ICARUS_RUNTIME);
        Path source = dir.resolve("small.osc");
        Files.writeString(source, """
                dataset iris {
                    file "%s" header;
                    features 0..3;
                    label 4 names (setosa, versicolor, virginica);
                    split per class: first 30 train, next 20 test;
                    scale features to 0..1;
                }
                network small : kuramoto {
                    oscillators 8;
                    coupling 10 MHz;
                    tuning 500 MHz .. 680 MHz;
                    input iris.features -> frequency linear;
                    output pair (2, 3) sync when label == setosa;
                    output pair (4, 5) sync when label == versicolor;
                    output pair (6, 7) sync when label == virginica;
                    simulate { step 10 ps; duration 4 ns; readout last 2 ns; phases random; }
                }
                train small on iris { iterations 2; batch 30; seed 3; }
                hardware small { verilog { phase 20 bits; weight 14 bits; lanes 3; } }
                """.formatted(ROOT.resolve("data/iris.csv").toString().replace("\\", "/")));
        Path out = compiled(source, "out");
        verilog = out.resolve("small/verilog");
    }

    @Test
    @Order(1)
    void generatedHardwareMatchesTheModelBitForBit() {
        verifiedBitExact(verilog, 5);
    }

    @Test
    @Order(2)
    void theMappedIce40NetlistComputesWhatTheRtlComputes() throws Exception {
        requireTools(Tools.Tool.YOSYS);
        org.oscnet.io.HwJson.Summary hw = org.oscnet.io.HwJson.read(verilog.resolve("hw.json"));
        Path netlist = Synthesis.ice40GateNetlist(verilog, hw.topModule(), hw.rtlFiles(), true);
        assertTrue(Files.readString(netlist).contains("SB_MAC16"), "the multipliers are in DSPs");
        Check gates = new Cosimulation(verilog, hw).icarusGates("iCE40 netlist simulation", netlist,
                Synthesis.ice40CellModels(), 1);
        assertTrue(gates.passed(), gates.detail());
    }

    @Test
    @Order(3)
    void aChangedConstantInTheVerilogIsReportedAsAMismatch() throws Exception {
        Path lane = verilog.resolve("rtl/small_lane.v");
        String text = Files.readString(lane);
        java.util.regex.Matcher literal = java.util.regex.Pattern.compile("(\\d+'sd)(\\d+) \\* mix_wide").matcher(text);
        assertTrue(literal.find(), "the coupling constant is in the lane");
        long changed = Long.parseLong(literal.group(2)) + 1;
        Files.writeString(lane, literal.replaceFirst(literal.group(1) + changed + " * mix_wide"));

        Run verify = oscnet("verify", verilog.toString(), "--synthesis", "none", "--icarus-samples", "1");
        assertEquals(4, verify.status(), verify.out());
        assertTrue(verify.out().contains("Verilator cosimulation       FAIL"), verify.out());
        assertTrue(verify.out().contains("Icarus cosimulation          FAIL"), verify.out());
        assertTrue(verify.out().contains("MISMATCH sample 0"), verify.out());
        assertTrue(verify.out().contains("Java model                   pass"), verify.out());
        assertTrue(verify.err().contains("verification failed: Verilator cosimulation, Icarus cosimulation"),
                verify.err());
    }

    @Test
    @Order(4)
    void anUnknownBitInTheVerilogFailsTheIcarusTestbench() throws Exception {
        // the testbench must see x as a mismatch: a gate-level netlist with an undriven DSP input
        // computes x, and `!=` would let it pass
        Path copy = dir.resolve("unknown");
        copyFolder(verilog, copy);
        Path lane = copy.resolve("rtl/small_lane.v");
        java.util.regex.Matcher literal = java.util.regex.Pattern.compile("(\\d+)'sd\\d+ \\* mix_wide")
                .matcher(Files.readString(lane));
        assertTrue(literal.find(), "the coupling constant is in the lane");
        Files.writeString(lane, literal.replaceFirst(literal.group(1) + "'sbx * mix_wide"));

        Cosimulation cosim = new Cosimulation(copy, org.oscnet.io.HwJson.read(copy.resolve("hw.json")));
        Check icarus = cosim.icarus(1, false);
        assertTrue(!icarus.passed() && icarus.detail().contains("got x"), icarus.detail());
    }

    private static void copyFolder(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    @Order(5)
    void aPipelinedArrayWhoseStepsExceedATurnIsBitExact() throws Exception {
        // trained at the hardware's step (5 ns), two lanes each cut by two pipeline registers: an
        // increment can exceed a whole turn of a 12-bit phase, which the lane keeps modulo a turn
        // and the accumulator keeps whole
        Path source = dir.resolve("coarse.osc");
        Files.writeString(source, Files.readString(dir.resolve("small.osc"))
                .replace("network small", "network coarse").replace("on iris", "on iris")
                .replace("train small", "train coarse").replace("hardware small", "hardware coarse")
                .replace("step 10 ps; duration 4 ns; readout last 2 ns;", "step 5 ns; duration 200 ns;")
                .replace("phase 20 bits; weight 14 bits; lanes 3;", "phase 12 bits; weight 14 bits; lanes 2; pipeline 2;"));
        Path out = compiled(source, "coarse-out");
        Path coarse = out.resolve("coarse/verilog");
        com.fasterxml.jackson.databind.JsonNode widths = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(coarse.resolve("hw.json").toFile()).path("widths");
        assertTrue(widths.path("increment").asInt() > widths.path("phase").asInt(), widths.toString());
        assertTrue(Files.readString(coarse.resolve("rtl/coarse_lane.v")).contains("reg signed [") , "registers");
        verifiedBitExact(coarse, 2, "--trace");
        // --trace: Verilator's FST and Icarus's VCD of sample 0, with the phases in them
        Path fst = coarse.resolve("build/coarse.fst");
        assertTrue(Files.isRegularFile(fst) && Files.size(fst) > 0, "the Verilator waveform " + fst);
        String vcd = Files.readString(coarse.resolve("build/coarse_icarus.vcd"));
        assertTrue(vcd.contains("$var") && vcd.contains(" all_phases "), "the Icarus waveform holds the phases");
    }

    @ParameterizedTest
    @Order(6)
    @CsvSource({"banked2, lanes 2; pipeline 4;", "banked1, lanes 1;", "banked6, lanes 2; pipeline 6;"})
    void anArrayWithItsStateInBlockRamIsBitExact(String name, String lanes) throws Exception {
        // 17 oscillators make at least 8 groups per lane, so phases and words live in RAM banks
        // read one cycle ahead (two banks of 9 and 8 groups; one bank without a pipeline)
        Path source = dir.resolve(name + ".osc");
        Files.writeString(source, Files.readString(dir.resolve("small.osc"))
                .replace("small", name).replace("oscillators 8;", "oscillators 17;")
                .replace("output pair (6, 7)", "output pair (15, 16)")
                .replace("lanes 3;", lanes));
        Path out = compiled(source, name + "-out");
        Path banked = out.resolve(name + "/verilog");
        assertTrue(Files.readString(banked.resolve("rtl/" + name + "_top.v")).contains("reg [19:0] phases_0 [0:"),
                "phases in a RAM bank");
        verifiedBitExact(banked, 2);
    }

    @ParameterizedTest
    @Order(7)
    @CsvSource({"multiply5, 5", "multiply6, 6"})
    void anArrayWithMultiplierModulesIsBitExact(String name, int pipeline) throws Exception {
        // from pipeline 5 every variable product is a registered multiplier module (one SB_MAC16 in
        // an iCE40 build) and the encoder sums its products in a registered tree: 3 groups + 5 or 6
        // stages leave room for the encoder's 2 + 3 + 2 stages within priming
        Path source = dir.resolve(name + ".osc");
        Files.writeString(source, Files.readString(dir.resolve("small.osc")).replace("small", name)
                .replace("lanes 3;", "lanes 3; pipeline " + pipeline + ";"));
        Path out = compiled(source, name + "-out");
        Path folder = out.resolve(name + "/verilog");
        String encoder = Files.readString(folder.resolve("rtl/" + name + "_encoder.v"));
        assertEquals(4, encoder.split(name + "_multiply #", -1).length - 1, "one multiplier module per feature");
        assertTrue(encoder.contains("sum <= "), "the sum tree's last level");
        assertEquals(2, Files.readString(folder.resolve("rtl/" + name + "_lane.v")).split(name + "_multiply #", -1)
                .length - 1, "the lane's two products in multiplier modules");
        verifiedBitExact(folder, 2);
    }

    @Test
    @Order(8)
    void anEncoderLongerThanAStepIsRefusedWithAClearError() throws Exception {
        // one group per step: 1 + 5 cycles, fewer than the encoder's 7 stages
        Path source = dir.resolve("tooshort.osc");
        Files.writeString(source, Files.readString(dir.resolve("small.osc")).replace("small", "tooshort")
                .replace("lanes 3;", "lanes 8; pipeline 5;"));
        Path out = trained(source, "tooshort-out");
        Run compile = oscnet("compile", source.toString(), "-o", out.toString());
        assertNotEquals(0, compile.status());
        assertTrue(compile.err().contains("the input encoder has 7 register stages")
                && compile.err().contains("use fewer lanes or a deeper pipeline"), compile.err());
        assertFalse(Files.exists(out.resolve("tooshort/verilog/rtl")), "nothing half-written");
    }
}
