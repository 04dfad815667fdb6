package org.oscnet.model;

/**
 * How to train one network on one dataset. {@code steps} counts iterations, or epochs when
 * {@code countsEpochs}; {@code batchSize} 0 means the whole training set; {@code restarts}
 * independent runs of which the one with the lowest training loss is kept; {@code testEvery} steps
 * between test-set checkpoints (equilibrium propagation), 0 for the trainer's own choice.
 */
public record Training(String network, String dataset, TrainingMethod method, Optimizer optimizer, int steps,
        boolean countsEpochs, int batchSize, boolean batchPerClass, long seed, int restarts, int testEvery) {

    /** A training whose trainer chooses when to test. */
    public Training(String network, String dataset, TrainingMethod method, Optimizer optimizer, int steps,
            boolean countsEpochs, int batchSize, boolean batchPerClass, long seed, int restarts) {
        this(network, dataset, method, optimizer, steps, countsEpochs, batchSize, batchPerClass, seed, restarts, 0);
    }

    /** The same training with another learning rule (benchmarks compare ways of computing one rule). */
    public Training withMethod(TrainingMethod newMethod) {
        return new Training(network, dataset, newMethod, optimizer, steps, countsEpochs, batchSize, batchPerClass, seed,
                restarts, testEvery);
    }

    /** The same training with another seed (the command line's {@code --seed}). */
    public Training withSeed(long newSeed) {
        return new Training(network, dataset, method, optimizer, steps, countsEpochs, batchSize, batchPerClass, newSeed,
                restarts, testEvery);
    }

    /** The same training for another number of steps (studies). */
    public Training withSteps(int count) {
        return new Training(network, dataset, method, optimizer, count, countsEpochs, batchSize, batchPerClass, seed,
                restarts, testEvery);
    }
}
