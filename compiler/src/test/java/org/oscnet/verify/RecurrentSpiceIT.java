package org.oscnet.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through ngspice for a spintronic recurrent network: a small stno_rnn (two layers of
 * 6, 8x8 digits as 64-point sequences) is trained for one epoch and compiled to DAC tables and
 * netlists; verify must pass; then one synaptic weight of one netlist is changed and verify must
 * fail (the check can fail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecurrentSpiceIT {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    private static Path spice;

    @BeforeAll
    static void compileSmallNetwork() throws Exception {
        HardwareIT.requireTools(Tools.Tool.NGSPICE);
        Path source = dir.resolve("seq.osc");
        Files.writeString(source, """
                dataset digits {
                    file "%s" no header;
                    features 0..63; label 64;
                    split: first 300 train, next 100 test;
                    scale features from 0 .. 16 to 0 .. 1;
                }
                network seq : stno_rnn {
                    input digits.features -> sequence every 1 ns;
                    layers 6, 6; density 0.6; gain 140 MHz; neuron stno (q 0.3, sigma 1.2);
                    output softmax;
                    simulate { step 0.5 ns; integrator heun; }
                }
                train seq on digits { method bptt (clip 1); optimizer adam (lr 0.1); epochs 1; batch 60; seed 2; }
                hardware seq {
                    dac { bits 12; full scale 64 mA; device stno (threshold 2 mA); }
                    spice { step 20 ps; }
                }
                """.formatted(ROOT.resolve("data/digits.csv.gz").toString().replace("\\", "/")));
        Path out = dir.resolve("out");
        HardwareIT.Run train = HardwareIT.oscnet("train", source.toString(), "-o", out.toString());
        assertEquals(0, train.status(), train.err());
        HardwareIT.Run compile = HardwareIT.oscnet("compile", source.toString(), "-o", out.toString());
        assertEquals(0, compile.status(), compile.err());
        assertTrue(compile.out().contains("seq: 12 STNO neurons"), compile.out());
        assertTrue(Files.isRegularFile(out.resolve("seq/dac/biases.csv")));
        spice = out.resolve("seq/spice");
    }

    @Test
    @Order(1)
    void ngspiceAgreesWithTheSimulator() {
        HardwareIT.Run verify = HardwareIT.oscnet("verify", spice.toString());
        assertEquals(0, verify.status(), verify.out() + verify.err());
        assertTrue(verify.out().contains("softmax outputs vs simulator pass"), verify.out());
        assertTrue(verify.out().contains("the same class on all 20 samples"), verify.out());
        assertTrue(Files.isRegularFile(spice.resolve("report.md")));
    }

    @Test
    @Order(2)
    void aWrongWeightFailsTheCheck() throws Exception {
        Path netlist = spice.resolve("seq_row0.cir");
        String text = Files.readString(netlist);
        Matcher weight = Pattern.compile("bd1_0 d1_0 0 v = \\{ ([0-9.e+-]+)\\*\\(([0-9.e+-]+)").matcher(text);
        assertTrue(weight.find(), "the drive of neuron 0 of layer 1 starts with the gain and the bias: " + text);
        Files.writeString(netlist, weight.replaceFirst("bd1_0 d1_0 0 v = { " + weight.group(1) + "*("
                + (Double.parseDouble(weight.group(2)) + 3)));
        HardwareIT.Run verify = HardwareIT.oscnet("verify", spice.toString());
        assertEquals(4, verify.status(), verify.out());
        assertTrue(verify.out().contains("softmax outputs vs simulator FAIL"), verify.out());
    }
}
