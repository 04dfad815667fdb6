package org.oscnet.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.sim.XyLayout;

/**
 * The ngspice netlist of a trained {@code stuart_landau} network for one test row: each free
 * oscillator's complex envelope in the frame rotating at the mean frequency, {@code Re z} and
 * {@code Im z} as the voltages of two 1 F capacitors fed by behavioural current sources that
 * compute {@code dz/dt = (μ + iΔω − |z|²) z + Σ_j W z_j + field}; the clamped inputs and the biases
 * enter as the constant injected field of that row. Netlist time is the model's time (1 s is one
 * unit, 1/ω̄). Every number is computed here; the template only lays it out.
 */
public final class StuartLandauSpiceEmitter {
    /** The largest step ngspice may take, in model time. */
    public static final double MAX_STEP = 0.02;

    private StuartLandauSpiceEmitter() {
    }

    public static String fileName(EquilibriumNetwork network, int row) {
        return network.name() + "_row" + row + ".cir";
    }

    /**
     * @param field per free unit, the constant field {@code h e^{iψ} + Σ_in W z_in} of this row: real
     *     parts then imaginary parts
     * @param start the free units' initial state, real parts then imaginary parts
     */
    public static String netlist(EquilibriumNetwork network, XyLayout layout, XyLayout.Couplings k, double[] field,
            double[] start, int row, String label, String version, String source) {
        int free = layout.free();
        double mu = network.amplitude() * network.amplitude();
        List<Map<String, Object>> units = new ArrayList<>();
        for (int f = 0; f < free; f++) {
            StringBuilder sumX = new StringBuilder(number(field[f]));
            StringBuilder sumY = new StringBuilder(number(field[free + f]));
            int[] r = k.ranges()[f];
            for (int q = 0; q < r.length; q += 2) {
                for (int g = r[q]; g < r[q + 1]; g++) {
                    double w = k.mutual()[f * free + g];
                    if (w != 0) {
                        sumX.append(" + ").append(number(w)).append("*v(x").append(g).append(')');
                        sumY.append(" + ").append(number(w)).append("*v(y").append(g).append(')');
                    }
                }
            }
            String x = "v(x" + f + ")";
            String y = "v(y" + f + ")";
            String gain = "(" + number(mu) + " - " + x + "*" + x + " - " + y + "*" + y + ")";
            double offset = k.offsets()[f];
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("id", f);
            unit.put("role", f >= layout.firstOutput() ? "output " + (f - layout.firstOutput()) : "hidden");
            unit.put("flowX", gain + "*" + x + (offset == 0 ? "" : " - " + number(offset) + "*" + y) + " + " + sumX);
            unit.put("flowY", gain + "*" + y + (offset == 0 ? "" : " + " + number(offset) + "*" + x) + " + " + sumY);
            unit.put("startX", number(start[f]));
            unit.put("startY", number(start[free + f]));
            units.add(unit);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "oscnet: Stuart-Landau network " + network.name() + ", test row " + row);
        model.put("version", version);
        model.put("source", source);
        model.put("file", fileName(network, row));
        model.put("name", network.name());
        model.put("free", free);
        model.put("inputs", layout.inputs());
        model.put("row", row);
        model.put("label", label);
        model.put("mu", number(mu));
        model.put("duration", number(network.simulation().duration()));
        model.put("maxStep", number(MAX_STEP));
        model.put("units", units);
        return Templates.render("spice/stuart_landau.cir.ftl", model);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
