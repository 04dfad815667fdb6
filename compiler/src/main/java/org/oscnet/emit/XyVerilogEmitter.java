package org.oscnet.emit;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.oscnet.quantize.XyHw;

/**
 * Renders the Verilog of a digital XY array ({@link XyHw}): the shared sine table and LFSR
 * modules, the array's top level ({@code templates/verilog/xy_top.v.ftl}), and the
 * {@code $readmemh} files of its couplings, row ends and biases. Widths and literals are computed
 * here; the template only places them.
 */
public final class XyVerilogEmitter {
    private XyVerilogEmitter() {
    }

    /** Verilog file name (e.g. {@code xor_xy_top.v}) to text, in dependency order. */
    public static Map<String, String> render(XyHw hw, String version, String source) {
        Map<String, Object> model = model(hw, version, source);
        Map<String, String> files = new LinkedHashMap<>();
        model.put("title", "Quarter-wave sine and cosine table");
        files.put(hw.name() + "_sine.v", Templates.render("verilog/sine.v.ftl", model));
        if (hw.randomPhases()) {
            model.put("title", "LFSR of initial phases");
            files.put(hw.name() + "_lfsr.v", Templates.render("verilog/lfsr.v.ftl", model));
        }
        model.put("title", "Digital XY array, top level");
        files.put(hw.name() + "_top.v", Templates.render("verilog/xy_top.v.ftl", model));
        return files;
    }

    /** The {@code $readmemh} files, below {@code mem/}: couplings, row ends, biases (and frequency words). */
    public static Map<String, String> memories(XyHw hw) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder edges = new StringBuilder();
        for (int e = 0; e < hw.edges(); e++) {
            BigInteger word = BigInteger.valueOf(hw.columns()[e]).shiftLeft(hw.weightBits())
                    .or(bits(hw.weights()[e], hw.weightBits()));
            edges.append(hex(word, hw.columnBits() + hw.weightBits())).append('\n');
        }
        files.put(hw.name() + "_edges.mem", edges.toString());
        StringBuilder rows = new StringBuilder();
        int depth = phaseDepth(hw);
        for (int pass = 0; pass < 2; pass++) {
            int[] ends = pass == 0 ? hw.fieldEnd() : hw.stepEnd();
            for (int u = 0; u < depth; u++) {
                rows.append(hex(BigInteger.valueOf(u < hw.free() ? ends[u] : 0), edgeBits(hw))).append('\n');
            }
        }
        files.put(hw.name() + "_rows.mem", rows.toString());
        StringBuilder bias = new StringBuilder();
        for (int f = 0; f < hw.free(); f++) {
            BigInteger word = bits(hw.biasCos()[f], hw.accumulatorBits()).shiftLeft(hw.accumulatorBits())
                    .or(bits(hw.biasSin()[f], hw.accumulatorBits()));
            bias.append(hex(word, 2 * hw.accumulatorBits())).append('\n');
        }
        files.put(hw.name() + "_bias.mem", bias.toString());
        if (hw.drifts()) {
            StringBuilder drift = new StringBuilder();
            for (int f = 0; f < hw.free(); f++) {
                drift.append(hex(BigInteger.valueOf(hw.drift()[f]), hw.phaseBits())).append('\n');
            }
            files.put(hw.name() + "_drift.mem", drift.toString());
        }
        return files;
    }

    /** Two's complement bits of {@code value} in {@code width} bits. */
    private static BigInteger bits(long value, int width) {
        return BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    private static String hex(BigInteger word, int width) {
        String digits = word.toString(16);
        return "0".repeat(Math.max(0, (width + 3) / 4 - digits.length())) + digits;
    }

    /** Units addressable by a free-unit index: the phase banks and row-end passes are this deep. */
    private static int phaseDepth(XyHw hw) {
        return 1 << Verilog.addressBits(hw.free());
    }

    /** Bits of an edge pointer: it counts up to the number of edges itself (the end of the last row). */
    private static int edgeBits(XyHw hw) {
        return Verilog.addressBits(hw.edges() + 1L);
    }

    private static Map<String, Object> model(XyHw hw, String version, String source) {
        Map<String, Object> m = VerilogEmitter.sharedModel(hw.name(), hw.phaseBits(), hw.sineTable(), hw.lfsrSeed(),
                version, source);
        int unitBits = Verilog.addressBits(hw.free());
        int inputBits = Verilog.addressBits(hw.inputs());
        int ab = hw.accumulatorBits();
        int fb = hw.forceBits();
        m.put("inputs", hw.inputs());
        m.put("free", hw.free());
        m.put("outputs", hw.outputs());
        m.put("firstOutput", hw.firstOutput());
        m.put("edges", hw.edges());
        m.put("inputEdges", hw.inputEdges());
        m.put("freeEdges", hw.freeEdges());
        m.put("steps", hw.steps());
        m.put("stepSize", String.format(Locale.ROOT, "%s", hw.stepSize()));
        m.put("latency", hw.latency());
        m.put("classBits", hw.classIndexBits());
        m.put("unitBits", unitBits);
        m.put("phaseDepth", phaseDepth(hw));
        m.put("edgeBits", edgeBits(hw));
        m.put("stepBits", Verilog.addressBits(hw.steps()));
        m.put("columnBits", hw.columnBits());
        m.put("weightBits", hw.weightBits());
        m.put("accumulatorBits", ab);
        m.put("forceBits", fb);
        m.put("productBits", hw.productBits());
        m.put("incrementBits", hw.incrementBits());
        m.put("couplingMultiplier", hw.couplingMultiplier());
        m.put("couplingShift", hw.couplingShift());
        m.put("randomPhases", hw.randomPhases());
        m.put("drifts", hw.drifts());
        m.put("inputSlice", inputBits == hw.columnBits() ? "" : "[" + (inputBits - 1) + ":0]");
        m.put("unitSlice", unitBits == hw.columnBits() ? "" : "[" + (unitBits - 1) + ":0]");
        m.put("weightWide", Verilog.extend("weight", hw.weightBits(), ab));
        m.put("sourceCosWide", Verilog.extend("source_cos", hw.sineBits(), ab));
        m.put("sourceSinWide", Verilog.extend("source_sin", hw.sineBits(), ab));
        m.put("ownCosWide", Verilog.extend("own_cos", hw.sineBits(), fb));
        m.put("ownSinWide", Verilog.extend("own_sin", hw.sineBits(), fb));
        m.put("sumCosWide", Verilog.extend("sum_cos", ab, fb));
        m.put("sumSinWide", Verilog.extend("sum_sin", ab, fb));
        m.put("forceWide", Verilog.extend("force_value", fb, hw.productBits()));
        m.put("multiplierLiteral", Verilog.signed(hw.couplingMultiplier(), hw.productBits()));
        m.put("halfLiteral", Verilog.signed(hw.couplingShift() == 0 ? 0 : 1L << (hw.couplingShift() - 1),
                hw.productBits()));
        m.put("turnAsPhase", Verilog.extend("turn", hw.incrementBits(), hw.phaseBits()));
        return m;
    }
}
