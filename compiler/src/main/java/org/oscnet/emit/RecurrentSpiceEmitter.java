package org.oscnet.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.sim.RecurrentLayout;

/**
 * The ngspice netlist of a trained {@code stno_rnn} network for one input sequence: behavioural
 * integrators for x, RC high-pass sections for y, controlled sources for the weighted sums, a PWL
 * input. Every number is computed here; the template only lays it out.
 */
public final class RecurrentSpiceEmitter {
    /** Transition time of the PWL input between two held features. */
    static final double EDGE_NS = 0.001;
    /** Capacitance of each high-pass section (its resistor follows from f_cut). */
    static final double FILTER_FARADS = 1e-12;

    private RecurrentSpiceEmitter() {
    }

    /** The netlist's file name for test row {@code row}. */
    public static String fileName(StnoRnnNetwork network, int row) {
        return network.name() + "_row" + row + ".cir";
    }

    /** Node id of neuron {@code i} of layer {@code l}. */
    public static String id(int l, int i) {
        return l + "_" + i;
    }

    public static String netlist(StnoRnnNetwork network, double[] params, double[] input, int row, String label,
            double stepSeconds, String version, String source) {
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        double gamma = 1e-9 / network.tauSeconds();
        double gain = network.gainHz() * 1e-9;
        StnoRnnNetwork.Neuron neuron = network.neuron();
        double rest = neuron.full() ? gamma * (2 + neuron.q()) / neuron.sigma() : 2 * gamma;
        List<Map<String, Object>> cells = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (int l = 0; l < network.layers().size(); l++) {
            int n = network.layers().get(l);
            int inputs = layout.inputs(l);
            for (int i = 0; i < n; i++) {
                String id = id(l, i);
                StringBuilder sum = new StringBuilder(number(params[layout.biasOffset(l) + i]));
                for (int j = 0; j < inputs; j++) {
                    double w = params[layout.externalOffset(l) + i * inputs + j];
                    if (w != 0) {
                        sum.append(" + ").append(number(w)).append("*v(").append(l == 0 ? "u" : "y" + id(l - 1, j))
                                .append(')');
                    }
                }
                for (int j = 0; j < n; j++) {
                    double w = params[layout.internalOffset(l) + i * n + j];
                    if (w != 0) {
                        sum.append(" + ").append(number(w)).append("*v(y").append(id(l, j)).append(')');
                    }
                }
                String x = "v(x" + id + ")";
                String d = "v(d" + id + ")";
                String flow = neuron.full()
                        ? "-2*(" + number(gamma) + "*(1+" + number(neuron.q()) + "*" + x + ")-" + number(neuron.sigma())
                                + "*" + d + "*(1-" + x + "))*" + x
                        : "-" + number(gamma) + "*" + x + " + " + d + "*" + x + "*(1-" + x + ")";
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("id", id);
                cell.put("layer", l);
                cell.put("index", i);
                cell.put("flow", flow);
                cell.put("drive", number(gain) + "*(" + sum + ") + " + number(rest));
                cell.put("rest", "0.5");
                cells.add(cell);
                if (l == network.layers().size() - 1) {
                    last.add(id);
                }
            }
        }
        double period = network.inputPeriodSeconds() * 1e9;
        StringBuilder pwl = new StringBuilder();
        for (int t = 0; t < input.length; t++) {
            double start = t == 0 ? 0 : t * period + EDGE_NS;
            pwl.append(t == 0 ? "" : " ").append(number(start)).append("n ").append(number(input[t]))
                    .append(' ').append(number((t + 1) * period)).append("n ").append(number(input[t]));
        }
        // no high-pass (f_cut 0) is an open resistor: y then follows x exactly
        double tau = network.highpassHz() > 0 ? 1 / (2 * Math.PI * network.highpassHz()) : 1e3;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "oscnet: spintronic recurrent network " + network.name() + ", test row " + row);
        model.put("version", version);
        model.put("source", source);
        model.put("file", fileName(network, row));
        model.put("name", network.name());
        model.put("neurons", network.neurons());
        model.put("layers", network.layers().toString());
        model.put("row", row);
        model.put("label", label);
        model.put("highpassOhm", number(tau / FILTER_FARADS));
        model.put("highpassKohm", String.format(Locale.ROOT, "%.2f", tau / FILTER_FARADS / 1e3));
        model.put("highpassMhz", number(network.highpassHz() / 1e6));
        model.put("periodNs", number(period));
        model.put("durationNs", number(input.length * period));
        model.put("stepPs", number(stepSeconds * 1e12));
        model.put("lastSize", last.size());
        model.put("pwl", pwl.toString());
        model.put("cells", cells);
        model.put("lastCells", last);
        return Templates.render("spice/stno_rnn.cir.ftl", model);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
