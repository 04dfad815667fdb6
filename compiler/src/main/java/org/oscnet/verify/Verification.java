package org.oscnet.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.io.RecurrentSpiceJson;
import org.oscnet.io.StuartLandauSpiceJson;
import org.oscnet.pipeline.BadInput;

/**
 * The verify stage: runs the checks of one folder {@code compile} wrote and writes its reports
 * there. A Verilog folder ({@code hw.json}) goes to {@link VerilogVerification}, a SPICE folder
 * ({@code spice.json}) to {@link NetlistVerification}, by the family its manifest names.
 */
public final class Verification {
    private Verification() {
    }

    /**
     * How to verify. {@code synthesis}: none, generic, ice40 or xilinx; {@code icarusSamples} at least 1;
     * {@code monteCarloTrials} 0 or more; {@code jobs} ngspice runs at once; {@code spiceSamples}
     * the test samples the SPICE checks run, the first ones of each folder's netlists (0: all).
     */
    public record Options(boolean trace, int icarusSamples, String synthesis, int monteCarloTrials, int jobs,
            int spiceSamples) {
        public static final List<String> SYNTHESIS = List.of("none", "generic", "ice40", "xilinx");

        public Options {
            if (!SYNTHESIS.contains(synthesis)) {
                throw new BadInput("--synthesis takes none, generic, ice40 or xilinx, not `" + synthesis + "`");
            }
            if (icarusSamples < 1) {
                throw new BadInput("--icarus-samples must be at least 1");
            }
            if (monteCarloTrials < 0) {
                throw new BadInput("--monte-carlo must be 0 or more");
            }
            if (jobs < 1) {
                throw new BadInput("--jobs must be at least 1");
            }
            if (spiceSamples < 0) {
                throw new BadInput("--spice-samples must be 0 (all) or more");
            }
        }
    }

    /** The checks that ran in {@code dir}. */
    /** {@code count} samples, or all of them when {@code spiceSamples} is 0 or asks for more. */
    static int spiceSamples(Options options, int count) {
        return options.spiceSamples() == 0 ? count : Math.min(count, options.spiceSamples());
    }

    public record Outcome(Path dir, List<Check> checks) {
        public Outcome {
            checks = List.copyOf(checks);
        }

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }

        /** The names of the checks that failed. */
        public List<String> failed() {
            return checks.stream().filter(c -> !c.passed()).map(Check::name).toList();
        }
    }

    /**
     * Verifies the folder {@code dir} (it holds {@code hw.json} or {@code spice.json}), printing
     * each check to {@code out} as it finishes, and writes {@code report.md} and {@code report.json}
     * there.
     */
    public static Outcome run(Path dir, Options options, PrintWriter out, String version) throws IOException {
        if (Files.isRegularFile(dir.resolve("spice.json"))) {
            NetlistVerification netlists = new NetlistVerification(dir, options, out, version);
            String schema = RecurrentSpiceJson.schemaOf(dir.resolve("spice.json"));
            if (StuartLandauSpiceJson.SCHEMA.equals(schema)) {
                return netlists.stuartLandau();
            }
            return RecurrentSpiceJson.SCHEMA.equals(schema) ? netlists.recurrent() : netlists.kuramoto();
        }
        if (!Files.isRegularFile(dir.resolve("hw.json"))) {
            throw new BadInput("`" + dir + "` holds neither hw.json nor spice.json; give a folder `oscnet compile`"
                    + " wrote, e.g. out/versicolor/versicolor/verilog or out/versicolor/versicolor/spice");
        }
        return new VerilogVerification(dir, options, out, version).run();
    }

    /** Prints one finished check as a summary line and hands it back. */
    static Check report(PrintWriter out, Check check) {
        out.printf(Locale.ROOT, "%-28s %s  %s (%.1f s)%n", check.name(), check.passed() ? "pass" : "FAIL",
                check.detail(), check.seconds());
        out.flush();
        return check;
    }

    /** The checks as rows of report.md's table: the detail made safe for a Markdown cell. */
    static List<Map<String, Object>> checkRows(List<Check> checks) {
        return checks.stream().map(c -> Map.<String, Object>of("name", c.name(), "passed", c.passed(),
                "detail", c.detail().replace("\n", "<br>").replace("|", "\\|"),
                "seconds", String.format(Locale.ROOT, "%.1f", c.seconds()))).toList();
    }

    static void putChecks(ObjectNode json, List<Check> checks) {
        var array = json.putArray("checks");
        checks.forEach(c -> array.addObject().put("name", c.name()).put("passed", c.passed())
                .put("detail", c.detail()).put("seconds", c.seconds()));
    }

}
