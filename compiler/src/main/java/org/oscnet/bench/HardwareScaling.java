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
 * random weights (4 features, one output pair, the default widths, a fixed number of lanes and
 * pipeline stages) are emitted, linted with Verilator and synthesized (generic Yosys, iCE40 with
 * place and route when a part holds it, 7-series); one result per N.
 */
public final class HardwareScaling {
    /** What can be measured per N. */
    public static final java.util.Set<String> TARGETS = java.util.Set.of("generic", "ice40", "xilinx");

    private HardwareScaling() {
    }

    /** One network size's result; a target not asked for is empty. */
    public record Point(int oscillators, int lanes, int pipeline, int sineBits, long cyclesPerStep, boolean lintClean,
            double emitSeconds, java.util.Optional<Synthesis.Generic> generic,
            java.util.Optional<Synthesis.Ice40> ice40, java.util.Optional<Synthesis.Xilinx> xilinx) {
    }

    public static Point measure(int n, int lanes, int pipeline, int sineBits, java.util.Set<String> targets,
            Path scratch) throws IOException {
        long start = System.nanoTime();
        HwNetwork hw = randomNetwork(n, lanes, pipeline, sineBits, new Random(n));
        Map<String, String> files = VerilogEmitter.render(hw, "bench", "bench");
        Path dir = Files.createDirectories(scratch.resolve("n" + n));
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
            names.add(file.getKey());
        }
        double emitSeconds = (System.nanoTime() - start) / 1e9;
        String top = VerilogEmitter.topModule(hw);
        List<String> lint = new ArrayList<>(List.of(Tools.require(Tools.Tool.VERILATOR).toString(), "--lint-only",
                "-Wall", "--top-module", top));
        lint.addAll(names);
        ExternalRun.Outcome linted = ExternalRun.run(dir, 3600, lint);
        java.util.Optional<Synthesis.Generic> generic = targets.contains("generic")
                ? java.util.Optional.of(Synthesis.generic(dir, top, names, false)) : java.util.Optional.empty();
        java.util.Optional<Synthesis.Ice40> ice40 = targets.contains("ice40")
                ? java.util.Optional.of(Synthesis.ice40(dir, top, names, 100e6)) : java.util.Optional.empty();
        java.util.Optional<Synthesis.Xilinx> xilinx = targets.contains("xilinx")
                ? java.util.Optional.of(Synthesis.xilinx(dir, top, names)) : java.util.Optional.empty();
        return new Point(n, hw.lanes(), hw.pipeline(), hw.sineBits(), hw.stepCycles(), linted.ok() && linted.output().isBlank(),
                emitSeconds, generic, ice40, xilinx);
    }

    /**
     * The exponent b of a least-squares fit {@code y = a N^b} on log-log axes, over the points
     * whose y is positive; NaN with fewer than two.
     */
    public static double exponent(double[] n, double[] y) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int i = 0; i < n.length; i++) {
            if (y[i] <= 0) {
                continue;
            }
            double lx = Math.log(n[i]);
            double ly = Math.log(y[i]);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            count++;
        }
        if (count < 2) {
            return Double.NaN;
        }
        return (count * sxy - sx * sy) / (count * sxx - sx * sx);
    }

    static HwNetwork randomNetwork(int n, int lanes, int pipeline, int sineBits, Random rng) {
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
        HardwareTarget.Verilog target = new HardwareTarget.Verilog(Map.of(), false, 0.01, 256, sineBits, 100e6, lanes,
                pipeline, false);
        return Quantizer.plan(network, List.of("rest", "class"), frequencies, target, Widths.DEFAULTS);
    }

    public static Map<String, Object> json(Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", "hardware-scaling");
        m.put("oscillators", p.oscillators());
        m.put("lanes", p.lanes());
        m.put("pipeline", p.pipeline());
        m.put("sine_bits", p.sineBits());
        m.put("cycles_per_step", p.cyclesPerStep());
        m.put("lint_clean", p.lintClean());
        m.put("emit_seconds", Math.round(p.emitSeconds() * 100) / 100.0);
        p.generic().ifPresent(g -> {
            m.put("generic_cells", g.cells());
            m.put("gates", g.gates());
            m.put("flip_flops", g.flipFlops());
            m.put("synthesis_seconds", Math.round(g.seconds() * 10) / 10.0);
        });
        p.ice40().ifPresent(i -> {
            m.put("ice40_dsp_mapping", i.cells().withDsps());
            m.put("ice40_luts", i.cells().luts());
            m.put("ice40_flip_flops", i.cells().flipFlops());
            m.put("ice40_dsps", i.cells().dsps());
            m.put("ice40_block_rams", i.cells().blockRams());
            m.put("ice40_part", i.part().map(Enum::name).orElse("none"));
            i.fmaxMhz().ifPresent(f -> m.put("ice40_fmax_mhz_upper_bound", f));
            i.fmaxTimedCompletelyMhz().ifPresent(f -> m.put("ice40_fmax_mhz_lower_bound", f));
            m.put("ice40_note", i.note());
            m.put("ice40_seconds", Math.round(i.seconds() * 10) / 10.0);
        });
        p.xilinx().ifPresent(x -> {
            m.put("xc7_luts", x.luts());
            m.put("xc7_flip_flops", x.flipFlops());
            m.put("xc7_dsps", x.dsps());
            m.put("xc7_bram36", x.blockRams());
            m.put("fits_zynq_7020", x.fitsZynq7020());
            m.put("xc7_seconds", Math.round(x.seconds() * 10) / 10.0);
        });
        return m;
    }
}
