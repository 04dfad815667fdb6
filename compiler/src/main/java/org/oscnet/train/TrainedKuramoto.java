package org.oscnet.train;

import java.util.List;

/**
 * A trained Kuramoto classifier: its parameters in SI units, and how training went.
 *
 * @param inputWeightsHz extended classifier: {@code F_i = clip(Σ_p W[i][p] x_p + W[i][features], tuning)},
 *     W in Hz per unit of the scaled feature, last column the bias in Hz; empty for the reference classifier
 * @param tunedFrequenciesHz reference classifier: the trained constant frequency of each non-input oscillator
 *     (NaN for input oscillators); empty for the extended classifier
 * @param trainingLoss the training loss of the kept parameters (lowest over iterations and restarts)
 * @param lossCurve training loss measured in each iteration of the chosen restart
 * @param accuracyCurve training accuracy measured during each iteration of the chosen restart
 * @param restartLosses the kept training loss of every restart; the lowest was kept
 * @param start where the kept restart started (e.g. {@code slab}, or the shape {@code init shapes} chose)
 * @param confusion test-set confusion matrix {@code [true class][predicted class]}; for one output
 *     pair, classes are "not the pair's class" (0) and "the pair's class" (1)
 */
public record TrainedKuramoto(String network, double[][] inputWeightsHz, double[] tunedFrequenciesHz,
        double trainAccuracy, double testAccuracy, double trainingLoss, List<Double> lossCurve,
        List<Double> accuracyCurve, List<Double> restartLosses, int chosenRestart, String start, int[][] confusion,
        double wallSeconds) implements Trained {

    /**
     * Natural frequencies {@code [rows × n]} (Hz) for scaled features {@code x} {@code [rows ×
     * features]}, from the SI parameters: what the hardware computes.
     */
    public double[] natural(org.oscnet.model.KuramotoNetwork network, double[] x, int rows) {
        int n = network.oscillators();
        double low = network.tuningLowHz();
        double high = network.tuningHighHz();
        double[] out = new double[rows * n];
        java.util.List<Integer> inputOscillators = network.input() instanceof
                org.oscnet.model.KuramotoNetwork.KuramotoInput.Direct direct ? direct.oscillators() : java.util.List.of();
        int features = inputWeightsHz.length > 0 ? inputWeightsHz[0].length - 1 : inputOscillators.size();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double f;
                if (inputWeightsHz.length > 0) {
                    double[] w = inputWeightsHz[i];
                    f = w[features];
                    for (int p = 0; p < features; p++) {
                        f += w[p] * x[r * features + p];
                    }
                } else if (inputOscillators.contains(i)) {
                    f = low + x[r * features + inputOscillators.indexOf(i)] * (high - low);
                } else {
                    f = tunedFrequenciesHz[i];
                }
                out[r * n + i] = Math.min(high, Math.max(low, f));
            }
        }
        return out;
    }
}
