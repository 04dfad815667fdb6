package org.oscnet.train;

import java.util.List;

/**
 * A trained equilibrium network (XY or Stuart-Landau units): the flat parameter vector (layout: {@link org.oscnet.sim.XyLayout}) after
 * the last step, and how it got there.
 *
 * @param testAccuracy test accuracy of the final parameters (the ones compiled to hardware)
 * @param bestTestAccuracy the highest test accuracy over all checkpoints, at {@code bestStep}: the
 *     authors' figure, chosen on the test set and so optimistic
 * @param chosenTestAccuracy test accuracy at {@code chosenStep}, the checkpoint with the lowest
 *     training cost (mean over the batches since the previous checkpoint): an honest pick
 * @param checkpoints steps at which the test set was evaluated; {@code trainCostCurve} and
 *     {@code trainAccuracyCurve} are batch means since the previous checkpoint (free equilibria,
 *     measured before each update), {@code testAccuracyCurve} the test accuracy there
 * @param unsettledFraction share of final test relaxations stopped at the run's end before every
 *     unit moved slower than the tolerance (every one, with noise)
 * @param unlockedFraction share of final test relaxations that did not lock: unsettled, and a unit
 *     slipped by half a turn or more over the run's second half
 * @param unlockedTestAccuracy test accuracy on those unlocked samples alone (NaN when there are none)
 * @param meanFreeSteps mean Euler steps of a free relaxation during training; likewise nudged
 * @param stepSeconds mean wall time of one training step (free + nudged phases, update) without
 *     the checkpoints' evaluations
 */
public record TrainedEquilibrium(String network, double[] parameters, long seed, double trainAccuracy,
        double testAccuracy, double bestTestAccuracy, int bestStep, double chosenTestAccuracy, int chosenStep,
        List<Integer> checkpoints, List<Double> trainCostCurve, List<Double> trainAccuracyCurve,
        List<Double> testAccuracyCurve, int[][] confusion, double unsettledFraction, double unlockedFraction, double unlockedTestAccuracy, double meanFreeSteps,
        double meanNudgedSteps, double wallSeconds, double stepSeconds) implements Trained {

    public TrainedEquilibrium {
        parameters = parameters.clone();
        checkpoints = List.copyOf(checkpoints);
        trainCostCurve = List.copyOf(trainCostCurve);
        trainAccuracyCurve = List.copyOf(trainAccuracyCurve);
        testAccuracyCurve = List.copyOf(testAccuracyCurve);
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }
}
