package org.oscnet.train;

import java.util.List;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.KuramotoNetwork.KuramotoInput;

/**
 * How trainable parameters and features set natural frequencies. Parameters are in units of
 * {@code k/2} above the bottom of the tuning range, {@code F = F_low + (k/2)·u}, clipped to the
 * tuning range: the same unit in which the loss measures a pair's frequency difference
 * ({@code D = |f̄_a − f̄_b| / (k/2)}). A learning rate then reads in units of D per step, whatever
 * the tuning range. (Measured on Iris versicolor, seed 1: with the tuning span as unit, Adam at
 * lr 0.03 moves a pair's detuning by up to a third of the locking range per step and ends at
 * 66.7 %; with 2k as unit the loss still climbs from 0.04 to 0.35 before settling.)
 *
 * <p>Extended classifier: {@code u = W [x; 1]}, W of {@code n × (features + 1)}. Reference
 * classifier: input oscillator {@code inputs[p]} spans the tuning range, {@code F = F_low +
 * x_p (F_high − F_low)}; each other oscillator has a trained constant {@code u}.
 */
final class FrequencyMap {
    private final int n;
    private final int features;
    private final double low;
    private final double span;
    private final double unit;
    private final int[] inputOscillators; // null for the extended classifier
    private final int[] tunedOscillators;

    FrequencyMap(KuramotoNetwork network, int features) {
        this.n = network.oscillators();
        this.features = features;
        this.low = network.tuningLowHz();
        this.span = network.tuningHighHz() - network.tuningLowHz();
        this.unit = network.couplingHz() / 2;
        if (network.input() instanceof KuramotoInput.Direct direct) {
            List<Integer> inputs = direct.oscillators();
            this.inputOscillators = inputs.stream().mapToInt(Integer::intValue).toArray();
            this.tunedOscillators = java.util.stream.IntStream.range(0, n).filter(i -> !inputs.contains(i)).toArray();
        } else {
            this.inputOscillators = null;
            this.tunedOscillators = java.util.stream.IntStream.range(0, n).toArray();
        }
    }

    boolean extended() {
        return inputOscillators == null;
    }

    int parameterCount() {
        return extended() ? n * (features + 1) : tunedOscillators.length;
    }

    int[] tunedOscillators() {
        return tunedOscillators.clone();
    }

    double lowHz() {
        return low;
    }

    double spanHz() {
        return span;
    }

    /** Hz per parameter unit: k/2. */
    double unitHz() {
        return unit;
    }

    /** Natural frequencies {@code [rows × n]} in Hz; {@code x} is row-major {@code [rows × features]}. */
    double[] natural(double[] params, double[] x, int rows) {
        double[] out = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                out[r * n + i] = low + span * clip(fraction(params, x, r, i));
            }
        }
        return out;
    }

    /** Accumulates {@code dLoss/dparams} from {@code dLoss/dF} {@code [rows × n]} (Hz⁻¹). */
    double[] backpropagate(double[] params, double[] x, int rows, double[] lossPerHz) {
        double[] grad = new double[parameterCount()];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double u = fraction(params, x, r, i);
                if (u < 0 || u > 1 || isInput(i)) {
                    continue; // clipped or fed by the input: the frequency does not move with the parameters
                }
                double g = lossPerHz[r * n + i] * unit;
                if (extended()) {
                    int row = i * (features + 1);
                    for (int p = 0; p < features; p++) {
                        grad[row + p] += g * x[r * features + p];
                    }
                    grad[row + features] += g;
                } else {
                    int slot = java.util.Arrays.binarySearch(tunedOscillators, i);
                    if (slot >= 0) {
                        grad[slot] += g;
                    }
                }
            }
        }
        return grad;
    }

    /** Where oscillator i's frequency sits in the tuning range, before clipping: 0 bottom, 1 top. */
    private double fraction(double[] params, double[] x, int r, int i) {
        if (extended()) {
            int row = i * (features + 1);
            double u = params[row + features];
            for (int p = 0; p < features; p++) {
                u += params[row + p] * x[r * features + p];
            }
            return u * unit / span;
        }
        for (int p = 0; p < inputOscillators.length; p++) {
            if (inputOscillators[p] == i) {
                return x[r * features + p];
            }
        }
        return params[java.util.Arrays.binarySearch(tunedOscillators, i)] * unit / span;
    }

    private boolean isInput(int i) {
        if (inputOscillators == null) {
            return false;
        }
        for (int input : inputOscillators) {
            if (input == i) {
                return true;
            }
        }
        return false;
    }

    private static double clip(double u) {
        return u < 0 ? 0 : (u > 1 ? 1 : u);
    }
}
