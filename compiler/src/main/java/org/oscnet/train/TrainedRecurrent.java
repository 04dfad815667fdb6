package org.oscnet.train;

import java.util.List;

/**
 * A trained {@code stno_rnn} network: the flat parameter vector (layout:
 * {@link org.oscnet.sim.RecurrentLayout}), the sparse masks drawn from {@code seed}, and per-epoch
 * learning curves.
 *
 * @param trainLossCurve mean loss of each epoch's batches, each measured before its update (so
 *     no extra pass over the training set); likewise {@code trainAccuracyCurve}. The test curves are
 *     full passes after each epoch
 * @param confusion test-set confusion matrix {@code [true class][predicted class]}
 * @param continuousTestAccuracy test accuracy of the same parameters integrated finely (Heun,
 *     {@link BpttTrainer#CONTINUOUS_SUBSTEPS} steps per input point): what a continuous-time circuit scores
 * @param stepSeconds wall time of the training steps alone (forward, BPTT, Adam), without the
 *     per-epoch evaluations
 */
public record TrainedRecurrent(String network, double[] parameters, double[] mask, long seed, double trainAccuracy,
        double testAccuracy, double continuousTestAccuracy, double trainLoss, double testLoss, List<Double> trainLossCurve,
        List<Double> trainAccuracyCurve, List<Double> testLossCurve, List<Double> testAccuracyCurve,
        int[][] confusion, double wallSeconds, double stepSeconds) implements Trained {

    public TrainedRecurrent {
        parameters = parameters.clone();
        mask = mask.clone();
        trainLossCurve = List.copyOf(trainLossCurve);
        trainAccuracyCurve = List.copyOf(trainAccuracyCurve);
        testLossCurve = List.copyOf(testLossCurve);
        testAccuracyCurve = List.copyOf(testAccuracyCurve);
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public double[] mask() {
        return mask.clone();
    }
}
