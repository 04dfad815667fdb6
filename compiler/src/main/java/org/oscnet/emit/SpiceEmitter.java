package org.oscnet.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.oscnet.device.Stno;
import org.oscnet.io.SpiceJson;

/**
 * ngspice netlists of a spintronic Kuramoto classifier, from the templates in {@code spice/}:
 * the level 1 phase macromodel and the level 2 auto-oscillator model of every test sample (one
 * netlist each, a {@code .control} block that alters the bias currents and initial state per
 * sample), and the level 2 device checks (tuning curve, coupled pair). Numbers are formatted
 * here; the templates only place them.
 */
public final class SpiceEmitter {
    /** Output interpolation step of the transient (the solver's own step is the spice block's). */
    public static final double OUTPUT_STEP_SECONDS = 1e-9;
    /** Resistance of each branch of the coupling buses (any value: the buses are unloaded averagers). */
    public static final String BUS_OHMS = "1k";

    private SpiceEmitter() {
    }

    public static String phaseNetwork(SpiceJson.Manifest m, double stepSeconds, String version) {
        Map<String, Object> model = common(m, stepSeconds, version, m.phaseNetlist(),
                "Level 1 phase macromodel of " + m.network());
        model.put("samples", samples(m, false));
        return Templates.render("spice/phase_network.cir.ftl", model);
    }

    public static String stnoNetwork(SpiceJson.Manifest m, double stepSeconds, String version) {
        Map<String, Object> model = common(m, stepSeconds, version, m.stnoNetlist(),
                "Level 2 auto-oscillator model of " + m.network());
        model.put("samples", samples(m, true));
        return Templates.render("spice/stno_network.cir.ftl", model);
    }

    public static String tuning(SpiceJson.Manifest m, double stepSeconds, String version) {
        Map<String, Object> model = common(m, stepSeconds, version, m.tuningNetlist(),
                "Level 2 tuning curve of the STNO of " + m.network());
        List<Map<String, Object>> currents = new ArrayList<>();
        for (double amps : m.tuningAmps()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("amps", e(amps));
            double[] state = limitCycle(m.device(), amps, 0.0);
            c.put("re", e(state[0]));
            c.put("im", e(state[1]));
            currents.add(c);
        }
        model.put("currents", currents);
        return Templates.render("spice/stno_tuning.cir.ftl", model);
    }

    public static String pair(SpiceJson.Manifest m, double stepSeconds, String version) {
        Map<String, Object> model = common(m, stepSeconds, version, m.pairNetlist(),
                "Level 2 coupled pair of STNOs of " + m.network());
        model.put("pairBaseMhz", f(m.pairBaseHz() / 1e6));
        model.put("lockRangeMhz", f(2 * m.couplingHz() / 1e6));
        List<Map<String, Object>> cases = new ArrayList<>();
        for (double detuning : m.pairDetuningHz()) {
            double[] amps = {m.device().current(m.pairBaseHz()), m.device().current(m.pairBaseHz() + detuning)};
            double[] first = limitCycle(m.device(), amps[0], 0.0);
            double[] second = limitCycle(m.device(), amps[1], 0.5);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("detuningMhz", f(detuning / 1e6));
            c.put("biases", List.of(e(amps[0]), e(amps[1])));
            c.put("re", List.of(e(first[0]), e(second[0])));
            c.put("im", List.of(e(first[1]), e(second[1])));
            cases.add(c);
        }
        model.put("cases", cases);
        return Templates.render("spice/stno_pair.cir.ftl", model);
    }

    /** The complex amplitude (re, im) of a free-running device at phase {@code turns}: c = √p₀ e^{−i 2π turns}. */
    public static double[] limitCycle(Stno device, double amps, double turns) {
        double amplitude = Math.sqrt(device.power(amps));
        return new double[] {amplitude * Math.cos(2 * Math.PI * turns), -amplitude * Math.sin(2 * Math.PI * turns)};
    }

    private static List<Map<String, Object>> samples(SpiceJson.Manifest m, boolean amplitudes) {
        int n = m.oscillators();
        double lsb = m.dacFullScaleAmps() / (1L << m.dacBits());
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int r = 0; r < m.samples(); r++) {
            List<String> biases = new ArrayList<>();
            List<String> phases = new ArrayList<>();
            List<String> re = new ArrayList<>();
            List<String> im = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double amps = m.codes()[r * n + i] * lsb;
                double turns = m.initialTurns()[r * n + i];
                biases.add(e(amps));
                phases.add(String.format(Locale.ROOT, "%.9f", turns));
                double[] state = limitCycle(m.device(), amps, turns);
                re.add(e(state[0]));
                im.add(e(state[1]));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("row", r);
            s.put("label", m.classNames().get(m.labels()[r]));
            s.put("biases", biases);
            s.put("phases", phases);
            if (amplitudes) {
                s.put("re", re);
                s.put("im", im);
            }
            samples.add(s);
        }
        return samples;
    }

    private static Map<String, Object> common(SpiceJson.Manifest m, double stepSeconds, String version, String file,
            String title) {
        double duration = m.steps() * m.stepSeconds();
        double readout = m.readoutSteps() * m.stepSeconds();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("version", version);
        model.put("source", m.source());
        model.put("file", file);
        model.put("name", m.network());
        model.put("oscillators", m.oscillators());
        model.put("oscillatorIndices", IntStream.range(0, m.oscillators()).boxed().toList());
        model.put("couplingHz", e(m.couplingHz()));
        model.put("couplingMhz", f(m.couplingHz() / 1e6));
        model.put("centreHz", e(m.centreHz()));
        model.put("centreMhz", f(m.centreHz() / 1e6));
        Stno d = m.device();
        model.put("device", Map.of("f0", e(d.f0Hz()), "nl", e(d.nonlinearityHz()), "ith", e(d.thresholdAmps()),
                "q", e(d.q()), "gd", e(d.dampingHz())));
        model.put("duration", e(duration));
        model.put("readout", e(readout));
        model.put("readoutStart", e(duration - readout));
        model.put("step", e(stepSeconds));
        model.put("outputStep", e(OUTPUT_STEP_SECONDS));
        model.put("durationNs", f(duration * 1e9));
        model.put("readoutNs", f(readout * 1e9));
        model.put("stepPs", f(stepSeconds * 1e12));
        model.put("busOhms", BUS_OHMS);
        return model;
    }

    private static String e(double value) {
        return String.format(Locale.ROOT, "%.9e", value);
    }

    private static String f(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
