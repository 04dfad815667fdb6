package org.oscnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oscnet.pipeline.NotImplementedYet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oscnet verify}: run the cosimulations and checks of a compiled output folder. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Verify compiled hardware: Verilator and Icarus cosimulation against the bit-exact Java",
            "model, ngspice against the simulator, Yosys synthesis; writes report.md and report.json."},
        footer = {"", "Example:", "  oscnet verify out/versicolor --trace"})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "a folder written by `oscnet compile`")
    Path dir;

    @Option(names = "--trace", description = "dump waveforms (FST) of the cosimulation")
    boolean trace;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UserError("`" + dir + "` is not a folder; give the output folder of `oscnet compile`");
        }
        throw new NotImplementedYet("verification of compiled hardware");
    }
}
