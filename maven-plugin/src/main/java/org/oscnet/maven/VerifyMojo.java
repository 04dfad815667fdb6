package org.oscnet.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.oscnet.pipeline.BadInput;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.verify.Verification;

/**
 * {@code oscnet:verify}: runs {@code oscnet verify} on every hardware folder {@code generate}
 * wrote: Verilog folders (the Java model, Verilator and Icarus bit for bit against the vectors,
 * Yosys) and SPICE folders (ngspice against the simulator). Needs the EDA tools on the PATH.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class VerifyMojo extends AbstractMojo {
    /** Where {@code generate} wrote the hardware. */
    @Parameter(property = "oscnet.outputDirectory", defaultValue = "${project.build.directory}/oscnet")
    File outputDirectory;

    /** Skip verification (it is never skipped otherwise: a missing tool fails it). */
    @Parameter(property = "oscnet.skipVerify", defaultValue = "false")
    boolean skipVerify;

    /** none, generic (Yosys synth), ice40 (also synth_ice40 -dsp and nextpnr-ice40) or xilinx (synth_xilinx). */
    @Parameter(property = "oscnet.synthesis", defaultValue = "ice40")
    String synthesis;

    /** Samples the Icarus testbench runs (it is about 1000 times slower than Verilator). */
    @Parameter(property = "oscnet.icarusSamples", defaultValue = "3")
    int icarusSamples;

    /** SPICE folders: Monte-Carlo trials per device spread, 0 for none. */
    @Parameter(property = "oscnet.monteCarlo", defaultValue = "10")
    int monteCarloTrials;

    /** SPICE folders: run the first N test samples of each classifier netlist; 0 means all of them. */
    @Parameter(property = "oscnet.spiceSamples", defaultValue = "0")
    int spiceSamples;

    /** SPICE folders: ngspice runs at once; 0 means one per processor. */
    @Parameter(property = "oscnet.jobs", defaultValue = "0")
    int jobs;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipVerify) {
            getLog().info("oscnet: verification skipped because skipVerify (oscnet.skipVerify) is set");
            return;
        }
        try {
            List<Path> folders = hardwareFolders(outputDirectory.toPath());
            if (folders.isEmpty()) {
                throw new MojoFailureException("oscnet: nothing to verify under " + outputDirectory
                        + "; run the generate goal first (it writes <network>/verilog and <network>/spice there)");
            }
            Verification.Options options = new Verification.Options(false, icarusSamples, synthesis,
                    monteCarloTrials, jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors(), spiceSamples);
            List<String> failures = new ArrayList<>();
            for (Path folder : folders) {
                getLog().info("oscnet: verifying " + folder);
                Verification.Outcome outcome;
                try (PrintWriter out = new PrintWriter(new LogWriter(getLog()), true)) {
                    outcome = Verification.run(folder, options, out, Pipeline.version());
                }
                if (!outcome.passed()) {
                    failures.add(folder + ": " + String.join(", ", outcome.failed()));
                }
            }
            if (!failures.isEmpty()) {
                failures.forEach(getLog()::error);
                throw new MojoFailureException("oscnet: verification failed in " + failures.size() + " of "
                        + folders.size() + " folders (report.md in each says why)");
            }
        } catch (BadInput e) {
            throw new MojoFailureException("oscnet: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("oscnet: " + e.getMessage(), e);
        }
    }

    /** The {@code <network>/verilog} and {@code <network>/spice} folders that hold what compile wrote. */
    static List<Path> hardwareFolders(Path outputs) throws IOException {
        if (!Files.isDirectory(outputs)) {
            return List.of();
        }
        try (Stream<Path> networks = Files.list(outputs)) {
            return networks.sorted().flatMap(n -> Stream.of(n.resolve("verilog"), n.resolve("spice")))
                    .filter(f -> Files.isRegularFile(f.resolve("hw.json")) || Files.isRegularFile(f.resolve("spice.json")))
                    .toList();
        }
    }

    /** Hands whole lines to Maven's log. */
    private static final class LogWriter extends Writer {
        private final Log log;
        private final StringBuilder line = new StringBuilder();

        LogWriter(Log log) {
            this.log = log;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    flush();
                } else {
                    line.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {
            if (line.length() > 0) {
                log.info(line.toString());
                line.setLength(0);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
