package org.oscnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oscnet.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet verify}: run the cosimulations and checks of a compiled output folder. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Verify compiled hardware bit for bit (Verilog) or against the simulator (SPICE), in a folder"
                + " `oscnet compile` wrote.",
        description = {
            "DIR/<network>/verilog: the generated Java model, Verilator lint (-Wall), the Verilator harness and"
                    + " the Icarus testbench all run vectors.txt and must match it bit for bit; then Yosys synthesis"
                    + " (generic, then iCE40 with nextpnr on the smallest part it fits, or Xilinx 7-series). Writes report.md and report.json there.",
            "DIR/<network>/spice: ngspice runs the level 1 netlist (against the simulator: frequencies within 0.5"
                    + " %% of the simulator's own spread under dt/2, dt/4 and a 1e-4 turn phase nudge, the same"
                    + " synchronised pairs except on samples whose pairs that spread changes, listed; at most 10 %%"
                    + " of them) and, with level oscillator, the level 2 tuning curve (within 1 %% of the analytic"
                    + " one), a coupled pair (locks exactly when |dF| < 2k) and the classifier (decisions agree with"
                    + " the simulator on at least 95 %% of the test set); then a Monte-Carlo study of device spread"
                    + " with and without calibration (device_spread.png). Writes report.md and report.json there.",
            "Exit status 4 when a check fails; every mismatch is printed with sample, cycle and signal."},
        footer = {"", "Example:", "  oscnet verify out/versicolor/versicolor/verilog",
            "  oscnet verify out/versicolor/versicolor/verilog --icarus-samples 1 --synthesis none --trace",
            "  oscnet verify out/versicolor/versicolor/spice --monte-carlo 20"})
final class VerifyCommand implements Callable<Integer> {
    static final int CHECK_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a folder written by `oscnet compile` (it holds hw.json)")
    Path dir;

    @Option(names = "--trace", description = "dump waveforms: FST from Verilator (sample 0), VCD from Icarus, in DIR/build")
    boolean trace;

    @Option(names = "--icarus-samples", paramLabel = "N", defaultValue = "3",
            description = "samples the Icarus testbench runs (it is about 1000x slower than Verilator; default: ${DEFAULT-VALUE})")
    int icarusSamples;

    @Option(names = "--synthesis", paramLabel = "KIND", defaultValue = "ice40",
            description = "none, generic (Yosys synth), ice40 (also synth_ice40 -dsp and nextpnr-ice40 on the smallest"
                    + " iCE40 part that holds the design: UP5K, else HX8K) or xilinx (also synth_xilinx for 7-series,"
                    + " against a Zynq-7020; no place and route). Default: ${DEFAULT-VALUE}")
    String synthesis;

    @Option(names = "--monte-carlo", paramLabel = "N", defaultValue = "10",
            description = "spice folders: Monte-Carlo trials per device spread, 0 for none (default: ${DEFAULT-VALUE})")
    int monteCarloTrials;

    @Option(names = "--spice-samples", paramLabel = "N", defaultValue = "0",
            description = "spice folders: run only the first N test samples of each classifier netlist, a quicker"
                    + " check (report.md says how many ran); 0 for all of them (default)")
    int spiceSamples;

    @Option(names = "--jobs", paramLabel = "N", description = "spice folders: ngspice runs at once (default: the"
            + " number of processors)")
    Integer jobs;

    @Override
    public Integer call() throws IOException {
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        Verification.Options options = new Verification.Options(trace, icarusSamples, synthesis, monteCarloTrials,
                parallel, spiceSamples);
        return status(spec, Verification.run(dir, options, spec.commandLine().getOut(), Main.version()));
    }

    /** 0 when every check passed; else names the failed checks on stderr and returns {@link #CHECK_FAILED}. */
    static int status(CommandSpec spec, Verification.Outcome outcome) {
        spec.commandLine().getOut().println("wrote " + outcome.dir().resolve("report.md") + " and report.json");
        if (outcome.passed()) {
            return 0;
        }
        spec.commandLine().getErr().println("oscnet: verification failed: " + String.join(", ", outcome.failed()));
        return CHECK_FAILED;
    }
}
