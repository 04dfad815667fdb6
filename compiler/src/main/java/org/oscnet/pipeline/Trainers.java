package org.oscnet.pipeline;

import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Network;
import org.oscnet.model.Training;
import org.oscnet.train.KuramotoTrainer;
import org.oscnet.train.TrainedKuramoto;
import org.oscnet.train.TrainingListener;

/** Picks the trainer for a network's family. */
public final class Trainers {
    private Trainers() {
    }

    /** Throws {@link NotImplementedYet} for a family without a trainer, before any work is done. */
    public static void requireTrainable(Design design) {
        for (Training training : design.trainings()) {
            Network network = design.network(training.network()).orElseThrow();
            if (!(network instanceof KuramotoNetwork)) {
                throw new NotImplementedYet("training " + network.family() + " networks (`" + network.name()
                        + "`, method `" + training.method().keyword() + "`)");
            }
        }
    }

    public static TrainedKuramoto train(Design design, Training training, TrainingListener listener) {
        Network network = design.network(training.network()).orElseThrow();
        Dataset dataset = design.dataset(training.dataset()).orElseThrow();
        if (network instanceof KuramotoNetwork kuramoto) {
            return new KuramotoTrainer(kuramoto, dataset, training, listener, true).train();
        }
        throw new NotImplementedYet("training " + network.family() + " networks");
    }
}
