package org.oscnet.quantize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.sim.RecurrentLayout;

/**
 * Bias currents and synaptic current gains of a trained {@code stno_rnn} network, quantised to a
 * DAC.
 *
 * <p>The drive {@code I} of the neuron model is a rate; the oscillator's threshold is where the
 * rest state x = 0 turns unstable: {@code I = γ} in the simple form, {@code γ/σ} in the full form.
 * The device's threshold current {@code I_th} fixes the scale: {@code amps per unit drive =
 * I_th / (γ or γ/σ)}. Each neuron's bias current is {@code (I_rest + S b) × that}, coded on
 * {@code bits} over {@code [0, full scale]}; each kept weight becomes a current gain
 * {@code S W × that} in amperes per unit of the presynaptic output, coded sign and magnitude on
 * {@code bits} over {@code ±full scale}. The readout stays digital (float). A current that needs
 * to be negative (a bias) or beyond full scale is an {@link IllegalArgumentException} naming the
 * neuron or synapse: never a silent clip.
 */
public final class RecurrentDac {
    private RecurrentDac() {
    }

    /** One coded current: where it is, what it should be, the code and what the code gives. */
    public record Entry(String kind, int layer, int to, int from, double exactAmps, long code, double codedAmps) {
    }

    /**
     * @param quantised the parameters with every bias and weight replaced by what its code gives
     * @param ampsPerDrive amperes per unit of the model's drive (1/ns)
     */
    public record Plan(double lsbAmps, double ampsPerDrive, List<Entry> biases, List<Entry> synapses,
            double[] quantised, double biasErrorMaxAmps, double gainErrorMaxAmps) {
    }

    public static Plan plan(StnoRnnNetwork network, double[] params, double[] mask, int bits, double fullScaleAmps,
            double thresholdAmps) {
        if (network.neuron().kind() != StnoRnnNetwork.Neuron.Kind.STNO) {
            throw new IllegalArgumentException("`" + network.name() + "` has ctrnn neurons; bias DAC tables are for"
                    + " spin-torque oscillators (`neuron stno;`)");
        }
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        double gamma = 1e-9 / network.tauSeconds();
        double gain = network.gainHz() * 1e-9;
        boolean full = network.neuron().full();
        double sigma = network.neuron().sigma();
        double rest = full ? gamma * (2 + network.neuron().q()) / sigma : 2 * gamma;
        double thresholdDrive = full ? gamma / sigma : gamma;
        double ampsPerDrive = thresholdAmps / thresholdDrive;
        double lsb = fullScaleAmps / (1L << bits);
        long maxCode = (1L << bits) - 1;
        double[] q = params.clone();
        List<Entry> biases = new ArrayList<>();
        List<Entry> synapses = new ArrayList<>();
        double biasError = 0;
        double gainError = 0;
        for (int l = 0; l < network.layers().size(); l++) {
            int n = network.layers().get(l);
            for (int i = 0; i < n; i++) {
                int k = layout.biasOffset(l) + i;
                double amps = (rest + gain * params[k]) * ampsPerDrive;
                if (amps < 0 || amps > lsb * maxCode + lsb / 2) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "neuron %d of layer %d of `%s` needs"
                            + " a bias of %.4f mA, outside the DAC's 0 .. %.4f mA; %s", i, l, network.name(),
                            amps * 1e3, lsb * maxCode * 1e3, amps < 0 ? "a bias below zero cannot be set" : "raise `full"
                                    + " scale`"));
                }
                long code = Math.round(amps / lsb);
                double coded = code * lsb;
                biases.add(new Entry("bias", l, i, -1, amps, code, coded));
                biasError = Math.max(biasError, Math.abs(coded - amps));
                q[k] = (coded / ampsPerDrive - rest) / gain;
            }
            int inputs = layout.inputs(l);
            gainError = Math.max(gainError, code(network, params, mask, q, layout.externalOffset(l), n, inputs,
                    l == 0 ? "input" : "inter", l, gain * ampsPerDrive, lsb, maxCode, synapses));
            gainError = Math.max(gainError, code(network, params, mask, q, layout.internalOffset(l), n, n, "intra", l,
                    gain * ampsPerDrive, lsb, maxCode, synapses));
        }
        return new Plan(lsb, ampsPerDrive, biases, synapses, q, biasError, gainError);
    }

    private static double code(StnoRnnNetwork network, double[] params, double[] mask, double[] q, int offset,
            int rows, int columns, String kind, int layer, double ampsPerWeight, double lsb, long maxCode,
            List<Entry> into) {
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int k = offset + i * columns + j;
                if (mask[k] == 0) {
                    continue;
                }
                double amps = params[k] * ampsPerWeight;
                if (Math.abs(amps) > lsb * maxCode + lsb / 2) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s synapse %d -> %d of layer %d"
                            + " of `%s` needs a gain of %.4f mA per unit output, beyond the DAC's %.4f mA; raise"
                            + " `full scale`", kind, j, i, layer, network.name(), amps * 1e3, lsb * maxCode * 1e3));
                }
                long code = Math.round(amps / lsb);
                double coded = code * lsb;
                into.add(new Entry(kind, layer, i, j, amps, code, coded));
                worst = Math.max(worst, Math.abs(coded - amps));
                q[k] = coded / ampsPerWeight;
            }
        }
        return worst;
    }
}
