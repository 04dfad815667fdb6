package org.oscnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.oscnet.emit.VerilogEmitter;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Simulation;
import org.oscnet.quantize.HwNetwork;
import org.oscnet.quantize.Quantizer;
import org.oscnet.quantize.Widths;
import org.oscnet.verify.ExternalRun;
import org.oscnet.verify.Synthesis;
import org.oscnet.verify.Tools;

/**
 * How the generated hardware grows with the oscillator count: networks of N oscillators with
 * random weights (4 features, one output pair, the default widths, a fixed number of lanes) are
 * emitted, linted with Verilator and synthesized with generic Yosys; one result per N.
 */
public final class HardwareScaling {
    private HardwareScaling() {
    }

    /** One network size's result. */
    public record Point(int oscillators, int lanes, int cells, int gates, int flipFlops, boolean lintClean,
            double compileSeconds, double synthesisSeconds) {
    }

    public static Point measure(int n, int lanes, Path scratch) throws IOException {
        long start = System.nanoTime();
        HwNetwork hw = randomNetwork(n, lanes, new Random(n));
        Map<String, String> files = VerilogEmitter.render(hw, "bench", "bench");
        Path dir = Files.createDirectories(scratch.resolve("n" + n));
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
            names.add(file.getKey());
        }
        double compileSeconds = (System.nanoTime() - start) / 1e9;
        List<String> lint = new ArrayList<>(List.of(Tools.require(Tools.Tool.VERILATOR).toString(), "--lint-only",
                "-Wall", "--top-module", VerilogEmitter.topModule(hw)));
        lint.addAll(names);
        ExternalRun.Outcome linted = ExternalRun.run(dir, 3600, lint);
        Synthesis.Generic generic = Synthesis.generic(dir, VerilogEmitter.topModule(hw), names, false);
        return new Point(n, hw.lanes(), generic.cells(), generic.gates(), generic.flipFlops(),
                linted.ok() && linted.output().isBlank(), compileSeconds, generic.seconds());
    }

    static HwNetwork randomNetwork(int n, int lanes, Random rng) {
        int features = 4;
        double[][] frequencies = new double[n][features + 1];
        for (double[] row : frequencies) {
            for (int p = 0; p < features; p++) {
                row[p] = (rng.nextDouble() - 0.5) * 120e6;
            }
            row[features] = 500e6 + rng.nextDouble() * 180e6;
        }
        Simulation simulation = new Simulation(10e-12, 1e-6, 0.5e-6, Simulation.InitialPhases.RANDOM, 0);
        KuramotoNetwork network = new KuramotoNetwork("scale" + n, n, 10e6, 500e6, 680e6,
                new KuramotoNetwork.KuramotoInput.Linear("data"),
                List.of(new KuramotoNetwork.OutputPair(n - 2, n - 1, 1)), 2, simulation);
        HardwareTarget.Verilog target = new HardwareTarget.Verilog(Map.of(), false, 0.01, 256, 12, 100e6, lanes, 0);
        return Quantizer.plan(network, List.of("rest", "class"), frequencies, target, Widths.DEFAULTS);
    }

    public static Map<String, Object> json(Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", "hardware-scaling");
        m.put("oscillators", p.oscillators());
        m.put("lanes", p.lanes());
        m.put("generic_cells", p.cells());
        m.put("gates", p.gates());
        m.put("flip_flops", p.flipFlops());
        m.put("lint_clean", p.lintClean());
        m.put("emit_seconds", Math.round(p.compileSeconds() * 100) / 100.0);
        m.put("synthesis_seconds", Math.round(p.synthesisSeconds() * 10) / 10.0);
        return m;
    }
}
