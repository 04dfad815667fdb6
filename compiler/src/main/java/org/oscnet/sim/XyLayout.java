package org.oscnet.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.oscnet.model.EquilibriumNetwork;

/**
 * Where the units and parameters of an XY network live. Units are numbered inputs first, then the
 * free (hidden, then output) units; the outputs are the last free units. The parameter vector holds
 * one coupling per edge (edges join a free unit to a lower-numbered unit: an input or another free
 * unit; couplings among clamped inputs change no equilibrium and are left out), then the bias
 * strength {@code h} and the bias phase {@code ψ} of every free unit.
 */
public final class XyLayout {
    private final int inputs;
    private final int free;
    private final int outputs;
    private final boolean allToAll;
    private final List<Integer> layers;
    private final int[] edgeLow;
    private final int[] edgeHigh;
    private final double[] edgeInitScale;

    public XyLayout(List<Integer> layers, int units, boolean allToAll, int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.allToAll = allToAll;
        this.layers = List.copyOf(layers);
        int total = allToAll ? units : layers.stream().mapToInt(Integer::intValue).sum();
        this.free = total - inputs;
        List<int[]> edges = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        if (allToAll) {
            // The authors draw W ~ N(0, 1/N) and symmetrise it: each coupling has variance 1/(2N).
            double scale = Math.sqrt(1.0 / (2.0 * total));
            for (int high = inputs; high < total; high++) {
                for (int low = 0; low < high; low++) {
                    edges.add(new int[] {low, high});
                    scales.add(scale);
                }
            }
        } else {
            int start = 0;
            for (int l = 0; l + 1 < layers.size(); l++) {
                int next = start + layers.get(l);
                double scale = Math.sqrt(1.0 / (layers.get(l) + layers.get(l + 1)));
                for (int high = next; high < next + layers.get(l + 1); high++) {
                    for (int low = start; low < next; low++) {
                        edges.add(new int[] {low, high});
                        scales.add(scale);
                    }
                }
                start = next;
            }
        }
        edgeLow = edges.stream().mapToInt(e -> e[0]).toArray();
        edgeHigh = edges.stream().mapToInt(e -> e[1]).toArray();
        edgeInitScale = scales.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static XyLayout of(EquilibriumNetwork network) {
        return new XyLayout(network.layers(), network.units(), network.allToAll(), network.inputs(), network.outputs());
    }

    public int inputs() {
        return inputs;
    }

    /** Hidden and output units: the ones that relax. */
    public int free() {
        return free;
    }

    public int outputs() {
        return outputs;
    }

    public int units() {
        return inputs + free;
    }

    public boolean allToAll() {
        return allToAll;
    }

    public List<Integer> layers() {
        return layers;
    }

    /** Index among the free units of the first output. */
    public int firstOutput() {
        return free - outputs;
    }

    public int edges() {
        return edgeLow.length;
    }

    /** The lower-numbered unit of edge {@code e} (an input or a free unit). */
    public int edgeLow(int e) {
        return edgeLow[e];
    }

    /** The higher-numbered unit of edge {@code e} (always free). */
    public int edgeHigh(int e) {
        return edgeHigh[e];
    }

    public int biasOffset() {
        return edgeLow.length;
    }

    public int biasPhaseOffset() {
        return edgeLow.length + free;
    }

    public int parameterCount() {
        return edgeLow.length + 2 * free;
    }

    /**
     * The authors' start: couplings normal with variance 1/(n_in + n_out) between layers (1/2N,
     * symmetrised, all-to-all), biases h = 0, bias phases uniform in (−π, π).
     */
    public double[] initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed));
        double[] params = new double[parameterCount()];
        for (int e = 0; e < edgeLow.length; e++) {
            params[e] = edgeInitScale[e] * gaussian(random);
        }
        for (int f = 0; f < free; f++) {
            params[biasPhaseOffset() + f] = Math.PI * (2 * random.nextDouble() - 1);
        }
        return params;
    }

    /** Box-Muller, so the draw does not depend on a JDK's {@code nextGaussian}. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * The couplings as dense matrices for the relaxation's inner loop: {@code input[f * inputs + k]}
     * from input k to free unit f, and the symmetric {@code mutual[f * free + g]} between free units;
     * plus each free unit's bias as a field {@code (h cos ψ, h sin ψ)} and the ranges of free units
     * each one is coupled to (so layered networks skip the zeros between non-adjacent layers).
     */
    public Couplings couplings(double[] params) {
        return couplings(params, new double[free]);
    }

    /** The couplings of {@code params} among units whose natural frequencies are offset by {@code offsets}. */
    public Couplings couplings(double[] params, double[] offsets) {
        if (offsets.length != free) {
            throw new IllegalArgumentException(offsets.length + " frequency offsets for " + free + " free units");
        }
        double[] input = new double[free * inputs];
        double[] mutual = new double[free * free];
        for (int e = 0; e < edgeLow.length; e++) {
            int f = edgeHigh[e] - inputs;
            if (edgeLow[e] < inputs) {
                input[f * inputs + edgeLow[e]] = params[e];
            } else {
                int g = edgeLow[e] - inputs;
                mutual[f * free + g] = params[e];
                mutual[g * free + f] = params[e];
            }
        }
        double[] biasCos = new double[free];
        double[] biasSin = new double[free];
        for (int f = 0; f < free; f++) {
            double h = params[biasOffset() + f];
            double psi = params[biasPhaseOffset() + f];
            biasCos[f] = h * Math.cos(psi);
            biasSin[f] = h * Math.sin(psi);
        }
        int[][] ranges = new int[free][];
        int[] inputReach = new int[free];
        for (int f = 0; f < free; f++) {
            ranges[f] = neighbourRanges(f);
            inputReach[f] = coupledToInputs(f) ? inputs : 0;
        }
        return new Couplings(input, mutual, biasCos, biasSin, ranges, inputReach, offsets.clone());
    }

    private boolean coupledToInputs(int f) {
        return allToAll || f < layers.get(1);
    }

    /** Pairs {@code [from, to)} of free-unit indices coupled to free unit {@code f}. */
    private int[] neighbourRanges(int f) {
        if (allToAll) {
            return new int[] {0, free};
        }
        List<Integer> bounds = new ArrayList<>();
        int start = 0;
        int layer = 1;
        for (; layer < layers.size(); layer++) {
            if (f < start + layers.get(layer)) {
                break;
            }
            start += layers.get(layer);
        }
        if (layer > 1) {
            bounds.add(start - layers.get(layer - 1));
            bounds.add(start);
        }
        if (layer + 1 < layers.size()) {
            bounds.add(start + layers.get(layer));
            bounds.add(start + layers.get(layer) + layers.get(layer + 1));
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The natural-frequency offsets of the free units' devices, {@code Δω_f = σ g_f} with g_f standard
     * normal drawn from {@code seed} alone, less their mean: in units of the mean angular frequency
     * (1 in the model's time), in the frame rotating at that mean, for a relative dispersion
     * {@code σ} (standard deviation over mean). All zero when {@code σ = 0}.
     */
    public double[] frequencyOffsets(long seed, double dispersion) {
        double[] offsets = new double[free];
        if (dispersion == 0) {
            return offsets;
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, DEVICE_STREAM, 0));
        double mean = 0;
        for (int f = 0; f < free; f++) {
            offsets[f] = dispersion * gaussian(random);
            mean += offsets[f] / free;
        }
        for (int f = 0; f < free; f++) {
            offsets[f] -= mean;
        }
        return offsets;
    }

    /** Seed stream of the devices' natural frequencies. */
    private static final long DEVICE_STREAM = 0x6465766963L;

    /**
     * Dense couplings of one parameter vector, read by the relaxation; {@code inputReach[f]} is the
     * number of inputs free unit f is coupled to (all or none); {@code offsets[f]} its natural
     * frequency's offset from the mean ({@link #frequencyOffsets}).
     */
    public record Couplings(double[] input, double[] mutual, double[] biasCos, double[] biasSin, int[][] ranges,
            int[] inputReach, double[] offsets) {
    }
}
