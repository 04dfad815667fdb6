package org.oscnet.quantize;

import java.util.ArrayList;
import java.util.List;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Samples;
import org.oscnet.train.TrainedKuramoto;

/**
 * Builds the fixed-point plan ({@link HwNetwork}) of a trained Kuramoto classifier, and measures
 * its accuracy by running {@link HwSemantics}. Every derived width comes from the range of the
 * values the signal can take, so the hardware cannot overflow (as hls4ml's "auto" precision).
 */
public final class Quantizer {
    /** Reset state of the LFSR that draws initial phases; a Verilog parameter can change it. */
    public static final long DEFAULT_LFSR_SEED = 0x1D872B41L;

    private static final List<String> SEARCHED = List.of("phase", "coupling", "weight", "input");
    private static final int MIN_SEARCH_WIDTH = 4;

    private Quantizer() {
    }

    /**
     * The network's natural-frequency map as one matrix {@code [oscillator][feature + bias]} in
     * Hz per unit of scaled feature, for both classifiers: the reference classifier's input
     * oscillators map [0, 1] onto the tuning range, its tuned oscillators are bias only.
     */
    public static double[][] frequencyMatrix(KuramotoNetwork network, TrainedKuramoto trained, int features) {
        int n = network.oscillators();
        if (trained.inputWeightsHz().length > 0) {
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[i] = trained.inputWeightsHz()[i].clone();
            }
            return copy;
        }
        List<Integer> inputs = ((KuramotoNetwork.KuramotoInput.Direct) network.input()).oscillators();
        double span = network.tuningHighHz() - network.tuningLowHz();
        double[][] matrix = new double[n][features + 1];
        for (int i = 0; i < n; i++) {
            int feature = inputs.indexOf(i);
            if (feature >= 0) {
                matrix[i][feature] = span;
                matrix[i][features] = network.tuningLowHz();
            } else {
                matrix[i][features] = trained.tunedFrequenciesHz()[i];
            }
        }
        return matrix;
    }

    /** Integer bits of the input format for features scaled to 0..1. */
    public static final int UNIT_INPUT_INTEGER_BITS = 2;

    /** The plan for inputs scaled to 0..1 ({@link #UNIT_INPUT_INTEGER_BITS}). */
    public static HwNetwork plan(KuramotoNetwork network, List<String> classNames, double[][] frequencyHz,
            HardwareTarget.Verilog target, Widths widths) {
        return plan(network, classNames, frequencyHz, target, widths, UNIT_INPUT_INTEGER_BITS);
    }

    /**
     * The plan for the given widths, with inputs of {@code inputInteger} integer bits (sign
     * included; {@link InputEncoding#integerBits}); throws {@link WidthTooSmall} when a width
     * cannot hold its values.
     */
    public static HwNetwork plan(KuramotoNetwork network, List<String> classNames, double[][] frequencyHz,
            HardwareTarget.Verilog target, Widths widths, int inputInteger) {
        int n = network.oscillators();
        int features = frequencyHz[0].length - 1;
        int phaseBits = widths.phase();
        if (phaseBits < 8 || phaseBits > 32) {
            throw new WidthTooSmall("the phase width must be 8..32 bits, not " + phaseBits);
        }
        int indexBits = Integer.numberOfTrailingZeros(target.sineEntries());
        if (target.sineEntries() < 8 || indexBits > phaseBits) {
            throw new WidthTooSmall("the sine table needs 8 to 2^phase entries (" + (1L << phaseBits) + "), not "
                    + target.sineEntries());
        }
        double dt = network.simulation().step();
        double lsbPerHz = dt * Math.scalb(1.0, phaseBits);
        double centre = (network.tuningLowHz() + network.tuningHighHz()) / 2;

        int inputBits = widths.input();
        if (inputBits <= inputInteger || inputBits > 24) {
            throw new WidthTooSmall("the input width must be " + (inputInteger + 1) + "..24 bits (" + inputInteger
                    + " of them integer bits, for the inputs' range), not " + inputBits);
        }
        int inputFraction = inputBits - inputInteger;

        double largestWeight = 0;
        for (double[] row : frequencyHz) {
            for (int p = 0; p < features; p++) {
                largestWeight = Math.max(largestWeight, Math.abs(row[p] * lsbPerHz));
            }
        }
        long weightCeiling = (long) Math.ceil(largestWeight);
        int weightInteger = QFormat.widthFor(-weightCeiling, weightCeiling, true);
        int weightFraction = widths.weight() - weightInteger;
        if (weightFraction < 0) {
            throw new WidthTooSmall("weights up to " + weightCeiling + " frequency LSBs per unit input need at least "
                    + weightInteger + " bits, not " + widths.weight());
        }
        QFormat weightFormat = QFormat.signed(widths.weight(), weightFraction);
        int sumFraction = weightFraction + inputFraction;
        long[][] weights = new long[n][features];
        long[] biases = new long[n];
        long sumMax = 0;
        long inputMagnitude = 1L << (inputBits - 1);
        for (int i = 0; i < n; i++) {
            long bound = 0;
            for (int p = 0; p < features; p++) {
                weights[i][p] = weightFormat.quantizeSaturating(frequencyHz[i][p] * lsbPerHz);
                bound += Math.abs(weights[i][p]) * inputMagnitude;
            }
            biases[i] = QFormat.roundHalfAway(Math.scalb((frequencyHz[i][features] - centre) * lsbPerHz, sumFraction));
            sumMax = Math.max(sumMax, bound + Math.abs(biases[i]));
        }
        long wordMin = Math.round((network.tuningLowHz() - centre) * lsbPerHz);
        long wordMax = Math.round((network.tuningHighHz() - centre) * lsbPerHz);
        int frequencyBits = atLeast("frequency", QFormat.widthFor(wordMin, wordMax, true), widths.frequency());
        int sumBits = Math.max(frequencyBits, QFormat.widthFor(-sumMax, sumMax + (1L << (sumFraction - 1)), true));

        long amplitude = (1L << (target.sineBits() - 1)) - 1;
        double couplingLsb = network.couplingHz() * lsbPerHz / ((double) amplitude * amplitude);
        Multiplier coupling = Multiplier.nearest(couplingLsb, widths.coupling(), "coupling constant");
        long multiplier = coupling.value();
        int shift = coupling.shift();
        long mixBound = 2L * n * amplitude * amplitude;
        int mixBits = QFormat.widthFor(-mixBound, mixBound, true);
        if (mixBits + widths.coupling() > 62) {
            throw new WidthTooSmall("the coupling product needs " + (mixBits + widths.coupling())
                    + " bits; at most 62 are supported (use a smaller sine width or coupling width)");
        }
        long productBound = multiplier * mixBound;
        long half = shift == 0 ? 0 : 1L << (shift - 1);
        int productBits = QFormat.widthFor(-productBound, productBound + half, true);
        long couplingHigh = HwSemantics.shiftRound(productBound, shift);
        long couplingLow = HwSemantics.shiftRound(-productBound, shift);
        long incrementHigh = wordMax + couplingHigh;
        long incrementLow = wordMin + couplingLow;
        // A step of more than half a turn is fine: the phase keeps it modulo a turn, exactly as the
        // float simulator's sine does, and the accumulator (frequency for the decision) keeps all of it.
        int incrementBits = QFormat.widthFor(incrementLow, incrementHigh, true);
        long readout = network.simulation().readoutSteps();
        long accumulatorBound = readout * Math.max(incrementHigh, -incrementLow);
        int accumulatorBits = atLeast("accumulator", QFormat.widthFor(-accumulatorBound, accumulatorBound, true),
                widths.accumulator());
        long steps = network.simulation().steps();
        int counterBits = QFormat.widthFor(0, steps, false);
        long threshold = (long) Math.floor(network.couplingHz() * lsbPerHz * readout / 2);

        List<HwNetwork.Pair> pairs = new ArrayList<>();
        for (KuramotoNetwork.OutputPair pair : network.outputs()) {
            pairs.add(new HwNetwork.Pair(pair.first(), pair.second(), pair.syncClass(),
                    classNames.get(pair.syncClass())));
        }
        SineTable table = new SineTable(target.sineEntries(), target.sineBits());
        return new HwNetwork(network.name(), n, features, Math.min(target.lanes(), n), target.pipeline(), phaseBits,
                target.sineEntries(), target.sineBits(), table.quarter(), inputBits, inputFraction, widths.weight(), weightFraction,
                weights, biases, sumBits, frequencyBits, wordMin, wordMax, widths.coupling(), multiplier, shift,
                mixBits, productBits, incrementBits, accumulatorBits, steps, readout, counterBits, pairs, threshold,
                network.simulation().initialPhases() == org.oscnet.model.Simulation.InitialPhases.RANDOM,
                DEFAULT_LFSR_SEED, centre, dt, network.couplingHz());
    }

    private static int atLeast(String signal, int needed, int given) {
        if (given != 0 && given < needed) {
            throw new WidthTooSmall("the " + signal + " width " + given + " is too small: its values need " + needed
                    + " bits");
        }
        return Math.max(needed, given);
    }

    /** The fraction of {@code samples} (as the core is fed them: {@code encoding}) the hardware classifies correctly. */
    public static double accuracy(HwNetwork hw, InputEncoding encoding, Samples samples, int threads) {
        long[] x = HwSemantics.quantizeInputs(hw, encoding.rows(samples));
        HwSemantics.Outcome[] outcomes = HwSemantics.runAll(hw, x, samples.size(), threads);
        int correct = 0;
        for (int r = 0; r < outcomes.length; r++) {
            if (HwSemantics.correct(hw, outcomes[r], samples.label(r))) {
                correct++;
            }
        }
        return samples.size() == 0 ? Double.NaN : (double) correct / samples.size();
    }

    /** One point of the automatic width search, for the report. */
    public record Trial(Widths widths, double accuracy, String note) {
    }

    /** The result of the automatic search: the chosen widths and every trial made. */
    public record Search(Widths chosen, double target, List<Trial> trials) {
    }

    /** The smallest Kuramoto widths whose test accuracy stays at or above {@code goal} ({@link #search}). */
    public static Search chooseWidths(java.util.function.Function<Widths, HwNetwork> planner, InputEncoding encoding,
            Samples test, Widths start, double goal, int threads) {
        return search(SEARCHED, start, goal, widths -> accuracy(planner.apply(widths), encoding, test, threads));
    }

    /**
     * The smallest widths whose test accuracy stays at or above {@code goal}: starting from
     * {@code start}, each of {@code signals} in turn is bisected down to the smallest that still
     * meets the goal. Accuracy need not be monotone in a width, so this is a greedy search; every
     * trial is recorded. {@code accuracy} throws {@link WidthTooSmall} for widths that cannot work.
     */
    public static Search search(List<String> signals, Widths start, double goal,
            java.util.function.ToDoubleFunction<Widths> accuracy) {
        List<Trial> trials = new ArrayList<>();
        Widths current = start;
        for (String signal : signals) {
            int low = MIN_SEARCH_WIDTH;
            int high = current.get(signal);
            while (low < high) {
                int middle = (low + high) / 2;
                Widths candidate = current.with(signal, middle);
                double measured;
                try {
                    measured = accuracy.applyAsDouble(candidate);
                } catch (WidthTooSmall e) {
                    trials.add(new Trial(candidate, Double.NaN, e.getMessage()));
                    low = middle + 1;
                    continue;
                }
                trials.add(new Trial(candidate, measured, ""));
                if (measured >= goal) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            current = current.with(signal, high);
        }
        return new Search(current, goal, trials);
    }
}
