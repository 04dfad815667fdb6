package org.oscnet.cli;

import org.oscnet.sweep.SweepEngine;
import picocli.CommandLine.Option;

/** Where a sweep's tasks run: the options {@code sweep} and {@code reproduce paper1} share (a picocli mixin). */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "where the training tasks run: local (a thread pool in this process; default) or spark"
                    + " (each task a Spark task; needs oscnet-sweep-spark: scripts/sweep-spark or spark-submit)")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "spark: the cluster, e.g. local[2] or spark://host:7077 (default: spark-submit's)")
    String master;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "local engine: tasks at once, the cores shared among them (one: each task on every"
                    + " core; default: ${DEFAULT-VALUE})")
    int jobs;

    /** The chosen engine, or a user error saying how to get it. */
    SweepEngine engine() {
        if (jobs < 1) {
            throw new UserError("--jobs must be at least 1");
        }
        return SweepEngine.named(engine, master, jobs).orElseThrow(() -> new UserError(
                engine.equals("spark") ? "the spark engine is not on the class path: run through scripts/sweep-spark"
                        + " or spark-submit with oscnet-sweep-spark (README, \"Sweeps\")"
                        : "unknown engine `" + engine + "`; --engine takes local or spark"));
    }
}
