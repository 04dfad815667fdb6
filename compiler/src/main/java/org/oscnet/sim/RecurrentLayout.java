package org.oscnet.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where each parameter of a layered recurrent network lives in one flat vector. Per layer
 * {@code l}: the external weights {@code [size_l × inputs_l]} (layer 0 reads the one input
 * feature, layer l the outputs of layer l − 1), the internal weights {@code [size_l × size_l]},
 * the biases {@code [size_l]}; then the readout {@code [classes × size_last]} and its biases.
 */
public final class RecurrentLayout {
    private final List<Integer> sizes;
    private final int classes;
    private final int[] externalOffset;
    private final int[] internalOffset;
    private final int[] biasOffset;
    private final int readoutOffset;
    private final int readoutBiasOffset;
    private final int parameters;

    public RecurrentLayout(List<Integer> sizes, int classes) {
        this.sizes = List.copyOf(sizes);
        this.classes = classes;
        int layers = sizes.size();
        externalOffset = new int[layers];
        internalOffset = new int[layers];
        biasOffset = new int[layers];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            externalOffset[l] = at;
            at += sizes.get(l) * inputs(l);
            internalOffset[l] = at;
            at += sizes.get(l) * sizes.get(l);
            biasOffset[l] = at;
            at += sizes.get(l);
        }
        readoutOffset = at;
        at += classes * lastLayerSize();
        readoutBiasOffset = at;
        at += classes;
        parameters = at;
    }

    public List<Integer> sizes() {
        return sizes;
    }

    public int classes() {
        return classes;
    }

    public int neurons() {
        return sizes.stream().mapToInt(Integer::intValue).sum();
    }

    /** Inputs of layer {@code l}'s external weights: 1 (the feature) for layer 0, else the previous layer. */
    public int inputs(int l) {
        return l == 0 ? 1 : sizes.get(l - 1);
    }

    public int externalOffset(int l) {
        return externalOffset[l];
    }

    public int internalOffset(int l) {
        return internalOffset[l];
    }

    public int biasOffset(int l) {
        return biasOffset[l];
    }

    public int readoutOffset() {
        return readoutOffset;
    }

    public int readoutBiasOffset() {
        return readoutBiasOffset;
    }

    public int parameters() {
        return parameters;
    }

    public int lastLayerSize() {
        return sizes.get(sizes.size() - 1);
    }

    public int lastLayerStart() {
        return neurons() - lastLayerSize();
    }

    /**
     * The random sparse masks, 1 where a weight exists: each input weight (into layer 0) with
     * probability {@code density.input()}, each layer-to-layer weight with {@code inter}, each
     * internal one with {@code intra}; biases and the readout are dense. Drawn from {@code seed}
     * alone, so a trained file can be checked.
     */
    public double[] masks(org.oscnet.model.StnoRnnNetwork.Densities density, long seed) {
        double[] mask = new double[parameters];
        java.util.Arrays.fill(mask, 1);
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, 0x6d61736bL, 0));
        for (int l = 0; l < sizes.size(); l++) {
            int n = sizes.get(l);
            for (int k = 0; k < n * inputs(l); k++) {
                mask[externalOffset[l] + k] = random.nextDouble() < (l == 0 ? density.input() : density.inter()) ? 1 : 0;
            }
            for (int k = 0; k < n * n; k++) {
                mask[internalOffset[l] + k] = random.nextDouble() < density.intra() ? 1 : 0;
            }
        }
        return mask;
    }

    /** Weights that exist (mask 1) outside the biases: the synapses of the energy estimate. */
    public int synapses(double[] mask) {
        int count = 0;
        for (int l = 0; l < sizes.size(); l++) {
            for (int k = externalOffset[l]; k < biasOffset[l]; k++) {
                count += mask[k] != 0 ? 1 : 0;
            }
        }
        return count + classes * lastLayerSize();
    }

    /**
     * Initial parameters as separate linear layers would start in PyTorch: each weight matrix
     * uniform in {@code ±scale / sqrt(its column count)} (the input weights of layer 0 read one
     * feature: ±scale; layer-to-layer and internal weights: ±scale / sqrt(layer size)), masked;
     * the readout likewise; biases zero, so every neuron starts at rest.
     */
    public double[] initialParameters(double[] mask, double scale, long seed) {
        double[] p = new double[parameters];
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, 0x696e6974L, 0));
        for (int l = 0; l < sizes.size(); l++) {
            int n = sizes.get(l);
            fill(p, mask, externalOffset[l], n * inputs(l), scale / Math.sqrt(inputs(l)), random);
            fill(p, mask, internalOffset[l], n * n, scale / Math.sqrt(n), random);
        }
        fill(p, mask, readoutOffset, classes * lastLayerSize(), scale / Math.sqrt(lastLayerSize()), random);
        return p;
    }

    private static void fill(double[] p, double[] mask, int offset, int count, double bound, SplittableRandom random) {
        for (int k = offset; k < offset + count; k++) {
            p[k] = mask[k] * bound * (2 * random.nextDouble() - 1);
        }
    }
}
