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
 * End to end through ngspice: a small Kuramoto classifier with a short simulation (9 test
 * samples, 0.3 µs) is trained and compiled to DAC tables and both SPICE levels; verify runs
 * every ngspice check; then one bias current of the level 1 netlist is changed and verify must
 * fail (the SPICE check can fail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpiceIT {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    private static Path spice;

    @BeforeAll
    static void compileSmallNetwork() throws Exception {
        HardwareIT.requireTools(Tools.Tool.NGSPICE);
        Path source = dir.resolve("tiny.osc");
        Files.writeString(source, """
                dataset iris {
                    file "%s" header;
                    features 0..3;
                    label 4 names (setosa, versicolor, virginica);
                    split per class: first 30 train, next 3 test;
                    scale features to 0..1;
                }
                network tiny : kuramoto {
                    oscillators 4;
                    coupling 10 MHz;
                    tuning 500 MHz .. 680 MHz;
                    input iris.features -> frequency linear;
                    output pair (2, 3) sync when label == setosa;
                    simulate { step 10 ps; duration 0.3 us; readout last 0.15 us; phases random; }
                }
                train tiny on iris { iterations 3; batch 30; seed 2; }
                hardware tiny {
                    dac { bits 10; full scale 8 mA; device stno (f0 480 MHz, nonlinearity 2 GHz, threshold 2 mA, q 2); }
                    spice { level oscillator; }
                }
                """.formatted(ROOT.resolve("data/iris.csv").toString().replace("\\", "/")));
        Path out = dir.resolve("out");
        HardwareIT.Run train = HardwareIT.oscnet("train", source.toString(), "-o", out.toString());
        assertEquals(0, train.status(), train.err());
        HardwareIT.Run compile = HardwareIT.oscnet("compile", source.toString(), "-o", out.toString());
        assertEquals(0, compile.status(), compile.err());
        assertTrue(compile.out().contains("tiny: 4 STNOs, 10-bit DAC"), compile.out());
        spice = out.resolve("tiny/spice");
        assertTrue(Files.isRegularFile(out.resolve("tiny/dac/bias.mem")));
    }

    @Test
    @Order(1)
    void everyNgspiceCheckPasses() {
        HardwareIT.Run verify = HardwareIT.oscnet("verify", spice.toString(), "--monte-carlo", "2");
        assertTrue(verify.out().contains("ngspice level 1 vs simulator pass"), verify.out());
        assertTrue(verify.out().contains("ngspice level 2 tuning curve pass"), verify.out());
        assertTrue(verify.out().contains("ngspice level 2 coupled pair pass"), verify.out());
        assertTrue(verify.out().contains("synchronised pairs differ on 0 of 9"), verify.out());
        assertEquals(0, verify.status(), verify.out() + verify.err());
        assertTrue(Files.isRegularFile(spice.resolve("device_spread.png")));
    }

    /** --spice-samples: the first samples of both classifier netlists run (cut copies in build/), the rest not. */
    @Test
    @Order(2)
    void theFirstSamplesAloneRunWhenAsked() throws Exception {
        String before = Files.readString(spice.resolve("tiny_phase.cir"));
        HardwareIT.Run verify = HardwareIT.oscnet("verify", spice.toString(), "--monte-carlo", "0", "--spice-samples",
                "2");
        assertEquals(0, verify.status(), verify.out() + verify.err());
        assertTrue(verify.out().contains("running ngspice on 2 test samples"), verify.out());
        assertTrue(verify.out().contains("ngspice level 1 vs simulator pass  2 samples x 4 oscillators"), verify.out());
        assertTrue(verify.out().contains("on 2 of 2 test samples"), verify.out());
        assertEquals(before, Files.readString(spice.resolve("tiny_phase.cir")), "the checked netlist is left alone");
        assertTrue(Files.isRegularFile(spice.resolve("build/tiny_phase.first2.cir")));

        HardwareIT.Run negative = HardwareIT.oscnet("verify", spice.toString(), "--spice-samples", "-1");
        assertEquals(1, negative.status(), negative.out());
        assertTrue(negative.err().contains("--spice-samples must be 0 (all) or more"), negative.err());
    }

    @Test
    @Order(3)
    void aWrongBiasCurrentFailsTheLevel1Check() throws Exception {
        Path netlist = spice.resolve("tiny_phase.cir");
        String text = Files.readString(netlist);
        Matcher bias = Pattern.compile("alter ib2 dc = ([0-9.e+-]+)").matcher(text);
        assertTrue(bias.find(), "sample 0 sets the bias of oscillator 2");
        double wrong = Double.parseDouble(bias.group(1)) * 1.05;
        Files.writeString(netlist, bias.replaceFirst("alter ib2 dc = " + wrong));

        HardwareIT.Run verify = HardwareIT.oscnet("verify", spice.toString(), "--monte-carlo", "0");
        assertEquals(4, verify.status(), verify.out());
        assertTrue(verify.out().contains("ngspice level 1 vs simulator FAIL"), verify.out());
        assertTrue(verify.err().contains("verification failed: ngspice level 1 vs simulator"), verify.err());
        // sample 0 is among the first two: the cut netlist carries the wrong bias too
        HardwareIT.Run firstTwo = HardwareIT.oscnet("verify", spice.toString(), "--monte-carlo", "0",
                "--spice-samples", "2");
        assertEquals(4, firstTwo.status(), firstTwo.out());
        assertTrue(firstTwo.out().contains("ngspice level 1 vs simulator FAIL"), firstTwo.out());
    }
}
