package org.oscnet.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oscnet.io.HwJson;

/**
 * The bit-exact checks of a compiled folder: the generated Java model, Verilator lint, the
 * Verilator harness and the Icarus testbench, each reading {@code vectors.txt} and printing
 * {@code PASS n samples} or the mismatches. A check passes only on exit status 0 and a PASS line.
 */
public final class Cosimulation {
    private static final Pattern PASS = Pattern.compile("^PASS (\\d+) samples$", Pattern.MULTILINE);
    private static final long TIMEOUT = 3600;

    private final Path dir;
    private final HwJson.Summary hw;
    private final Path build;

    public Cosimulation(Path dir, HwJson.Summary hw) {
        this.dir = dir.toAbsolutePath();
        this.hw = hw;
        this.build = this.dir.resolve("build");
    }

    public Check javaModel() throws IOException {
        Files.createDirectories(build);
        ExternalRun.Outcome compiled = ExternalRun.run(dir, TIMEOUT, List.of(javaTool("javac"), "-d",
                build.resolve("java").toString(), hw.modelSource()));
        if (!compiled.ok()) {
            return new Check("Java model", false, "javac failed:\n" + compiled.tail(20), compiled.seconds());
        }
        ExternalRun.Outcome run = ExternalRun.run(dir, TIMEOUT, List.of(javaTool("java"), "-cp",
                build.resolve("java").toString(), hw.modelClass(), "vectors.txt"));
        return verdict("Java model", run, compiled.seconds());
    }

    public Check lint() throws IOException {
        List<String> command = new ArrayList<>(List.of(Tools.require(Tools.Tool.VERILATOR).toString(), "--lint-only",
                "-Wall", "--top-module", hw.topModule()));
        command.addAll(hw.rtlFiles());
        ExternalRun.Outcome run = ExternalRun.run(dir, TIMEOUT, command);
        boolean clean = run.ok() && run.output().strip().isEmpty();
        return new Check("Verilator lint (-Wall)", clean, clean ? "no warnings" : run.tail(30), run.seconds());
    }

    public Check verilator(boolean trace) throws IOException {
        Path objects = build.resolve("verilator");
        List<String> command = new ArrayList<>(List.of(Tools.require(Tools.Tool.VERILATOR).toString(), "--cc", "--exe",
                "--build", "-O3", "-j", "2", "-Mdir", objects.toString(), "--top-module", hw.topModule(), "-o",
                hw.name() + "_sim"));
        if (trace) {
            command.addAll(List.of("--trace-fst", "-CFLAGS", "-DOSCNET_TRACE"));
        }
        command.addAll(hw.rtlFiles());
        command.add(dir.resolve("tb").resolve(hw.name() + "_harness.cpp").toString());
        ExternalRun.Outcome built = ExternalRun.run(dir, TIMEOUT, command);
        if (!built.ok()) {
            return new Check("Verilator cosimulation", false, "build failed:\n" + built.tail(30), built.seconds());
        }
        List<String> run = new ArrayList<>(List.of(objects.resolve(hw.name() + "_sim").toString(), "vectors.txt"));
        if (trace) {
            run.addAll(List.of("-1", build.resolve(hw.name() + ".fst").toString()));
        }
        return verdict("Verilator cosimulation", ExternalRun.run(dir, TIMEOUT, run), built.seconds());
    }

    public Check icarus(int samples, boolean trace) throws IOException {
        List<String> sources = new ArrayList<>(List.of("-g2005"));
        sources.addAll(hw.rtlFiles());
        return icarus("Icarus cosimulation", sources, build.resolve(hw.name() + "_tb.vvp"), samples,
                trace ? List.of("+trace=" + build.resolve(hw.name() + "_icarus.vcd")) : List.of());
    }

    /**
     * The Icarus testbench on a gate-level netlist (Yosys's mapped cells and their simulation
     * models) instead of the RTL: proves that synthesis kept the design's values, bit for bit.
     */
    public Check icarusGates(String name, Path netlist, Path cellModels, int samples) throws IOException {
        // the define drops the models' default port values, a SystemVerilog form Icarus does not parse
        return icarus(name, List.of("-g2012", "-DNO_ICE40_DEFAULT_ASSIGNMENTS", cellModels.toString(),
                netlist.toString()), build.resolve(hw.name() + "_gates.vvp"), samples, List.of());
    }

    /** iverilog with {@code options} (language, defines, design files) and the testbench, then vvp. */
    private Check icarus(String name, List<String> options, Path compiled, int samples, List<String> plusArgs)
            throws IOException {
        Files.createDirectories(build);
        List<String> command = new ArrayList<>(List.of(Tools.require(Tools.Tool.ICARUS).toString(), "-o",
                compiled.toString()));
        command.addAll(options);
        command.add("tb/" + hw.name() + "_tb.v");
        ExternalRun.Outcome built = ExternalRun.run(dir, TIMEOUT, command);
        if (!built.ok()) {
            return new Check(name, false, "iverilog failed:\n" + built.tail(30), built.seconds());
        }
        List<String> run = new ArrayList<>(List.of(Tools.require(Tools.Tool.ICARUS_RUNTIME).toString(), "-n",
                compiled.toString(), "+vectors=vectors.txt", "+limit=" + samples));
        run.addAll(plusArgs);
        return verdict(name, ExternalRun.run(dir, TIMEOUT, run), built.seconds());
    }

    private static Check verdict(String name, ExternalRun.Outcome run, double buildSeconds) {
        Matcher pass = PASS.matcher(run.output());
        if (run.ok() && pass.find()) {
            return new Check(name, true, "bit-exact on " + pass.group(1) + " samples", run.seconds() + buildSeconds);
        }
        String why = run.status() == -1 ? "timed out" : run.ok() ? "no PASS line" : "exit status " + run.status();
        return new Check(name, false, why + ":\n" + run.tail(15), run.seconds() + buildSeconds);
    }

    private static String javaTool(String tool) {
        Path home = Path.of(System.getProperty("java.home"));
        Path candidate = home.resolve("bin").resolve(tool);
        return Files.isExecutable(candidate) ? candidate.toString() : tool;
    }
}
