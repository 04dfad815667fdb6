package org.oscnet.quantize;

import java.util.ArrayList;
import java.util.List;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Samples;
import org.oscnet.model.Simulation;
import org.oscnet.sim.XyLayout;

/**
 * Builds the fixed-point plan ({@link XyHw}) of a trained XY network and measures its accuracy
 * by running {@link XySemantics}. The user picks the phase, weight and coupling widths (or lets
 * {@link Quantizer#search} pick them); every other width follows from the range of its values.
 */
public final class XyQuantizer {
    /** The widths the automatic search narrows, in order. */
    public static final List<String> SEARCHED = List.of("phase", "coupling", "weight");

    private XyQuantizer() {
    }

    /**
     * The plan for the given widths among devices whose natural frequencies are offset by
     * {@code offsets} (per free unit, units of the mean angular frequency); {@link WidthTooSmall}
     * when a width cannot hold its values.
     */
    public static XyHw plan(EquilibriumNetwork network, double[] parameters, double[] offsets,
            HardwareTarget.Verilog target, Widths widths) {
        XyLayout layout = XyLayout.of(network);
        int phaseBits = widths.phase();
        if (phaseBits < 8 || phaseBits > 32) {
            throw new WidthTooSmall("the phase width must be 8..32 bits, not " + phaseBits);
        }
        if (target.sineEntries() < 8 || Integer.numberOfTrailingZeros(target.sineEntries()) > phaseBits) {
            throw new WidthTooSmall("the sine table needs 8 to 2^phase entries (" + (1L << phaseBits) + "), not "
                    + target.sineEntries());
        }
        int free = layout.free();
        int inputs = layout.inputs();
        List<List<long[]>> fieldRows = new ArrayList<>();
        List<List<long[]>> stepRows = new ArrayList<>();
        for (int f = 0; f < free; f++) {
            fieldRows.add(new ArrayList<>());
            stepRows.add(new ArrayList<>());
        }
        double largest = 0;
        for (int e = 0; e < layout.edges(); e++) {
            int f = layout.edgeHigh(e) - inputs;
            int low = layout.edgeLow(e);
            largest = Math.max(largest, Math.abs(parameters[e]));
            if (low < inputs) {
                fieldRows.get(f).add(new long[] {low, e});
            } else {
                stepRows.get(f).add(new long[] {low - inputs, e});
                stepRows.get(low - inputs).add(new long[] {f, e});
            }
        }
        long amplitude = (1L << (target.sineBits() - 1)) - 1;
        long ceiling = Math.max(1, (long) Math.ceil(largest));
        int weightInteger = QFormat.widthFor(-ceiling, ceiling, true);
        int weightFraction = widths.weight() - weightInteger;
        if (weightFraction < 0) {
            throw new WidthTooSmall("couplings up to " + ceiling + " need a weight of at least " + weightInteger
                    + " bits, not " + widths.weight());
        }
        QFormat weightFormat = QFormat.signed(widths.weight(), weightFraction);
        double accumulatorLsb = Math.scalb(1.0, -weightFraction) / amplitude;

        int edges = layout.edges() + (layout.edges() - inputEdges(layout));
        int[] columns = new int[edges];
        long[] weights = new long[edges];
        int[] fieldEnd = new int[free];
        int[] stepEnd = new int[free];
        long[] biasCos = new long[free];
        long[] biasSin = new long[free];
        long accumulatorMax = 0;
        long[] fieldBound = new long[free];
        int at = 0;
        for (int f = 0; f < free; f++) {
            double h = parameters[layout.biasOffset() + f];
            double psi = parameters[layout.biasPhaseOffset() + f];
            biasCos[f] = QFormat.roundHalfAway(h * Math.cos(psi) / accumulatorLsb);
            biasSin[f] = QFormat.roundHalfAway(h * Math.sin(psi) / accumulatorLsb);
            fieldBound[f] = Math.max(Math.abs(biasCos[f]), Math.abs(biasSin[f]));
            at = fill(fieldRows.get(f), parameters, weightFormat, columns, weights, at);
            for (int e = f == 0 ? 0 : fieldEnd[f - 1]; e < at; e++) {
                fieldBound[f] += Math.abs(weights[e]) * amplitude;
            }
            fieldEnd[f] = at;
        }
        for (int f = 0; f < free; f++) {
            int from = at;
            at = fill(stepRows.get(f), parameters, weightFormat, columns, weights, at);
            long bound = fieldBound[f];
            for (int e = from; e < at; e++) {
                bound += Math.abs(weights[e]) * amplitude;
            }
            accumulatorMax = Math.max(accumulatorMax, bound);
            stepEnd[f] = at;
        }
        // at least as wide as a weight or a table value, which it holds sign-extended
        int accumulatorBits = Math.max(QFormat.widthFor(-accumulatorMax, accumulatorMax, true),
                Math.max(widths.weight(), target.sineBits()));
        long forceMax = 2 * amplitude * accumulatorMax;
        int forceBits = QFormat.widthFor(-forceMax, forceMax, true);

        Simulation simulation = network.simulation();
        double turnsPerForceLsb = simulation.step() * Math.scalb(1.0, phaseBits) * accumulatorLsb
                / (2 * Math.PI * amplitude);
        Multiplier k = Multiplier.nearest(turnsPerForceLsb, widths.coupling(), "step constant Δt·2^phase/2π");
        if (forceBits + widths.coupling() > 62) {
            throw new WidthTooSmall("the step product needs " + (forceBits + widths.coupling())
                    + " bits; at most 62 are supported (use smaller weight, sine or coupling widths)");
        }
        long productMax = k.value() * forceMax;
        long half = k.shift() == 0 ? 0 : 1L << (k.shift() - 1);
        int productBits = QFormat.widthFor(-productMax, productMax + half, true);
        long turnHigh = HwSemantics.shiftRound(productMax, k.shift());
        long turnLow = HwSemantics.shiftRound(-productMax, k.shift());
        // The turn is only ever added to a phase modulo 2^phase, so its bits above the phase width
        // change nothing: a turn wider than the phase is kept to the phase's width, exactly.
        int incrementBits = Math.min(QFormat.widthFor(turnLow, turnHigh, true), phaseBits);
        SineTable table = new SineTable(target.sineEntries(), target.sineBits());
        QFormat turn = QFormat.unsigned(phaseBits, phaseBits);
        long[] drift = new long[free];
        for (int f = 0; f < free; f++) {
            drift[f] = turn.wrap(QFormat.roundHalfAway(simulation.step() * offsets[f] * Math.scalb(1.0, phaseBits)
                    / (2 * Math.PI)));
        }
        return new XyHw(network.name(), inputs, free, layout.outputs(), phaseBits, target.sineEntries(),
                target.sineBits(), table.quarter(), widths.weight(), weightFraction, columns, weights, fieldEnd,
                stepEnd, biasCos, biasSin, drift, accumulatorBits, forceBits, widths.coupling(), k.value(), k.shift(),
                productBits, incrementBits, simulation.steps(),
                simulation.initialPhases() == Simulation.InitialPhases.RANDOM, Quantizer.DEFAULT_LFSR_SEED,
                simulation.step(), network.inputPhaseLow(), network.inputPhaseHigh());
    }

    private static int inputEdges(XyLayout layout) {
        int count = 0;
        for (int e = 0; e < layout.edges(); e++) {
            count += layout.edgeLow(e) < layout.inputs() ? 1 : 0;
        }
        return count;
    }

    /** Appends one row (column, parameter index pairs) in column order; returns the next free slot. */
    private static int fill(List<long[]> row, double[] parameters, QFormat format, int[] columns, long[] weights,
            int at) {
        row.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] entry : row) {
            columns[at] = (int) entry[0];
            weights[at] = format.quantizeSaturating(parameters[(int) entry[1]]);
            at++;
        }
        return at;
    }

    /** The fraction of {@code samples} the hardware classifies correctly. */
    public static double accuracy(XyHw hw, Samples samples) {
        return accuracy(hw, samples, org.oscnet.sim.Threads.allCores());
    }

    /** As {@link #accuracy(XyHw, Samples)}, on at most {@code threads} threads. */
    public static double accuracy(XyHw hw, Samples samples, int threads) {
        long[] inputs = XySemantics.encode(hw, samples.featuresRowMajor());
        XySemantics.Outcome[] outcomes = XySemantics.runAll(hw, inputs, samples.size(), threads);
        int correct = 0;
        for (int r = 0; r < outcomes.length; r++) {
            correct += outcomes[r].classIndex() == samples.label(r) ? 1 : 0;
        }
        return samples.size() == 0 ? Double.NaN : (double) correct / samples.size();
    }
}
