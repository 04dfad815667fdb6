package org.oscnet.cli;

import java.util.concurrent.Callable;
import org.oscnet.pipeline.NotImplementedYet;
import picocli.CommandLine.Command;

/** {@code oscnet bench}: measure the simulator and trainer. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Measure simulation throughput and training time; prints one JSON line per case."},
        footer = {"", "Example:", "  oscnet bench > bench.jsonl"})
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new NotImplementedYet("the benchmark (it measures the Kuramoto simulator, which comes next)");
    }
}
