package org.oscnet.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kuramoto classifier netlist cut to its first test samples. The templates
 * ({@code phase_network.cir.ftl}, {@code stno_network.cir.ftl}) write one run per sample in the
 * control block, each opened by a comment {@code * test sample <row> (label ...)}, and close the
 * block with {@code * batch mode: ...}; cutting keeps everything before the {@code n}-th sample's
 * comment and everything from the closing comment on.
 */
final class SampleNetlists {
    private static final String SAMPLE = "* test sample ";
    private static final String END = "* batch mode";

    private SampleNetlists() {
    }

    /** The netlist with only its first {@code n} sample runs; an IOException when its markers are not there. */
    static String firstSamples(String netlist, int n) throws IOException {
        List<String> lines = netlist.lines().toList();
        List<String> kept = new ArrayList<>();
        int seen = 0;
        boolean keeping = true;
        boolean ended = false;
        for (String line : lines) {
            if (line.startsWith(SAMPLE) && line.contains("(label")) {
                seen++;
                keeping = seen <= n;
            } else if (line.startsWith(END)) {
                keeping = true;
                ended = true;
            }
            if (keeping) {
                kept.add(line);
            }
        }
        if (seen < n || !ended) {
            throw new IOException("the netlist has " + seen + " test sample runs" + (ended ? "" : " and no `" + END
                    + "` line") + "; cannot keep the first " + n + " (compile it again with this oscnet)");
        }
        return String.join("\n", kept) + "\n";
    }

    /** {@code versicolor_stno.cir} -> {@code versicolor_stno.first20.cir}. */
    static String name(String netlist, int n) {
        int dot = netlist.lastIndexOf('.');
        return dot < 0 ? netlist + ".first" + n : netlist.substring(0, dot) + ".first" + n + netlist.substring(dot);
    }
}
