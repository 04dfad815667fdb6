package org.oscnet.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cutting a classifier netlist to its first samples keeps its header, those samples' runs and its end. */
class SampleNetlistsTest {
    private static String netlist(int samples) {
        StringBuilder text = new StringBuilder("* network, test sample (" + samples + ")\nv1 a 0 1\n.control\n");
        for (int s = 0; s < samples; s++) {
            text.append("* test sample ").append(10 + s).append(" (label c").append(s % 2).append(")\n")
                    .append("alter v1 dc = ").append(s).append("\ntran 1n 10n\necho oscnet_sample ").append(s)
                    .append("\ndestroy all\n");
        }
        return text.append("* batch mode: a normal end exits 0\nquit 0\n.endc\n.end\n").toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5})
    void keepsTheFirstRunsAndTheEnd(int n) throws IOException {
        String cut = SampleNetlists.firstSamples(netlist(5), n);
        assertEquals(n, cut.lines().filter(l -> l.startsWith("echo oscnet_sample")).count(), cut);
        for (int s = 0; s < n; s++) {
            assertTrue(cut.contains("echo oscnet_sample " + s + "\n"), cut);
        }
        assertTrue(cut.startsWith("* network, test sample (5)\nv1 a 0 1\n.control\n"), cut);
        assertTrue(cut.endsWith("* batch mode: a normal end exits 0\nquit 0\n.endc\n.end\n"), cut);
        if (n == 5) {
            assertEquals(netlist(5), cut);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"more", "unterminated"})
    void refusesWhatItCannotCut(String kind) {
        String text = kind.equals("more") ? netlist(3) : netlist(3).replace("* batch mode", "* done");
        IOException e = assertThrows(IOException.class, () -> SampleNetlists.firstSamples(text, kind.equals("more")
                ? 4 : 2));
        assertTrue(e.getMessage().contains("cannot keep the first"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"versicolor_stno.cir", "netlist"})
    void namesTheCutCopy(String name) {
        assertEquals(name.equals("netlist") ? "netlist.first7" : "versicolor_stno.first7.cir",
                SampleNetlists.name(name, 7));
    }
}
