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
 * End to end through ngspice for a Stuart-Landau network: a small 8x8-digit network among devices
 * with 2 % frequency dispersion is trained briefly and compiled to netlists of its complex
 * envelopes; verify must pass; then one coupling of one netlist is changed and verify must fail (the
 * check can fail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StuartLandauSpiceIT {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    private static Path spice;

    @BeforeAll
    static void compileSmallNetwork() throws Exception {
        HardwareIT.requireTools(Tools.Tool.NGSPICE);
        Path source = dir.resolve("sl.osc");
        Files.writeString(source, """
                dataset digits {
                    file "%s" no header;
                    features 0..63; label 64;
                    split per class: first 10 train, next 1 test;
                    scale features from 0 .. 16 to 0 .. 1;
                }
                network small_sl : stuart_landau {
                    layers 64, 12, 10;
                    input digits.features -> phase -90 deg .. 90 deg;
                    output phase target 90 deg, others -90 deg;
                    amplitude 1;
                    dispersion 2 %%;
                }
                train small_sl on digits {
                    method equilibrium propagation (beta 0.1);
                    optimizer sgd (lr 0.05);
                    iterations 10;
                    batch 5 per class;
                    seed 3;
                }
                hardware small_sl { spice { } }
                """.formatted(ROOT.resolve("data/digits.csv.gz").toString().replace("\\", "/")));
        Path out = dir.resolve("out");
        HardwareIT.Run train = HardwareIT.oscnet("train", source.toString(), "-o", out.toString());
        assertEquals(0, train.status(), train.err());
        HardwareIT.Run compile = HardwareIT.oscnet("compile", source.toString(), "-o", out.toString());
        assertEquals(0, compile.status(), compile.err());
        assertTrue(compile.out().contains("small_sl: 10 ngspice netlists of 22 Stuart-Landau oscillators"),
                compile.out());
        spice = out.resolve("small_sl/spice");
    }

    @Test
    @Order(1)
    void ngspiceAgreesWithTheSimulator() {
        HardwareIT.Run verify = HardwareIT.oscnet("verify", spice.toString());
        assertEquals(0, verify.status(), verify.out() + verify.err());
        assertTrue(verify.out().contains("oscillator states vs simulator pass"), verify.out());
        assertTrue(verify.out().contains("predicted class vs simulator pass  the same class on all 10 samples"),
                verify.out());
    }

    @Test
    @Order(2)
    void aChangedCouplingFailsTheCheck() throws Exception {
        Path netlist = spice.resolve("small_sl_row0.cir");
        String text = Files.readString(netlist);
        // the first coupling term of the first hidden unit's real part: double its weight
        Matcher m = Pattern.compile("bx0 0 x0 i = \\{ .*? \\+ (-?[0-9.e+-]+)\\*v\\(x").matcher(text);
        assertTrue(m.find(), text.substring(0, Math.min(2000, text.length())));
        double weight = Double.parseDouble(m.group(1));
        Files.writeString(netlist, text.substring(0, m.start(1)) + (2 * weight + 0.5) + text.substring(m.end(1)));
        HardwareIT.Run verify = HardwareIT.oscnet("verify", spice.toString());
        assertEquals(4, verify.status(), verify.out());
        assertTrue(verify.out().contains("oscillator states vs simulator FAIL"), verify.out());
    }
}
