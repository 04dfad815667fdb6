package org.oscnet.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the tools for the digital XY array: a small XOR network among devices with
 * dispersed natural frequencies (so every unit has a frequency word) is trained, compiled and
 * verified (Java model, lint, Verilator, Icarus); then one weight word of the couplings'
 * {@code $readmemh} file is changed and verify must report the mismatch. The checked-in
 * {@code verilog-out/xor_xy} covers the array without frequency words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XyHardwareIT {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    private static Path verilog;

    @BeforeAll
    static void compileXor() throws Exception {
        HardwareIT.requireTools(Tools.Tool.VERILATOR, Tools.Tool.ICARUS, Tools.Tool.ICARUS_RUNTIME);
        Path source = dir.resolve("xor.osc");
        Files.writeString(source, """
                dataset xor {
                    file "%s" header;
                    features 0..1;
                    label 2;
                    split: all train, all test;
                }
                network xor_small : xy {
                    layers 2, 3, 2;
                    dispersion 5 %%;
                    input xor.features -> phase -90 deg .. 90 deg;
                    output phase target 90 deg, others -90 deg;
                    simulate { step 0.2; duration 20; phases random; }
                }
                train xor_small on xor {
                    method equilibrium propagation (beta 0.1);
                    optimizer sgd (lr 0.1);
                    iterations 100;
                    seed 2;
                }
                hardware xor_small { verilog { phase 14 bits; weight 10 bits; sine table 256 x 10 bits; } }
                """.formatted(ROOT.resolve("data/xor.csv").toString().replace("\\", "/")));
        Path out = dir.resolve("out");
        HardwareIT.Run train = HardwareIT.oscnet("train", source.toString(), "-o", out.toString());
        assertEquals(0, train.status(), train.err());
        HardwareIT.Run compile = HardwareIT.oscnet("compile", source.toString(), "-o", out.toString());
        assertEquals(0, compile.status(), compile.err());
        verilog = out.resolve("xor_small/verilog");
        assertEquals(5, Files.readAllLines(verilog.resolve("mem/xor_small_drift.mem")).size());
    }

    @Test
    @Order(1)
    void generatedArrayMatchesTheModelBitForBit() {
        HardwareIT.Run verify = HardwareIT.oscnet("verify", verilog.toString(), "--synthesis", "none",
                "--icarus-samples", "4");
        assertEquals(0, verify.status(), verify.out() + verify.err());
        assertTrue(verify.out().contains("Java model                   pass"), verify.out());
        assertTrue(verify.out().contains("Verilator lint (-Wall)       pass"), verify.out());
        assertTrue(verify.out().contains("Verilator cosimulation       pass  bit-exact on 104 samples"), verify.out());
        assertTrue(verify.out().contains("Icarus cosimulation          pass  bit-exact on 4 samples"), verify.out());
    }

    @Test
    @Order(2)
    void aChangedWeightWordInTheMemoryFileIsReportedAsAMismatch() throws Exception {
        Path edges = verilog.resolve("mem/xor_small_edges.mem");
        List<String> words = Files.readAllLines(edges);
        // the first free-free coupling: flip the lowest bit of its weight
        int line = words.size() - 1;
        String word = words.get(line);
        String changed = word.substring(0, word.length() - 1)
                + Integer.toHexString(Character.digit(word.charAt(word.length() - 1), 16) ^ 1);
        words.set(line, changed);
        Files.write(edges, words);

        HardwareIT.Run verify = HardwareIT.oscnet("verify", verilog.toString(), "--synthesis", "none",
                "--icarus-samples", "2");
        assertEquals(4, verify.status(), verify.out());
        assertTrue(verify.out().contains("Java model                   pass"), verify.out());
        assertTrue(verify.out().contains("Verilator cosimulation       FAIL"), verify.out());
        assertTrue(verify.out().contains("Icarus cosimulation          FAIL"), verify.out());
        assertTrue(verify.out().contains("MISMATCH sample 0"), verify.out());
    }
}
