package org.oscnet.model;

/** The learning rule. */
public sealed interface TrainingMethod {

    /** The name as written after {@code method}. */
    String keyword();

    /**
     * Gradient of the loss through the simulated dynamics (seed paper 1): forward-mode
     * sensitivities of the mean frequencies, optionally squashed by tanh. {@code dataInit}
     * starts from a data-aware initialisation instead of random weights; {@code balanceClasses}
     * weighs positive and negative examples of each output pair equally. {@code lockedDetuning}
     * takes a synchronised pair's gradient from its natural detuning relative to the locking
     * range (the forward Jacobian of a locked pair's frequency difference is zero, so a wrongly
     * locked pair would never be pushed apart). All three default on; off gives the paper's
     * procedure as written.
     */
    record OfflineGradient(boolean squashTanh, boolean dataInit, boolean balanceClasses, boolean lockedDetuning)
            implements TrainingMethod {
        public String keyword() {
            return "offline gradient";
        }
    }

    /** The online rule of Vassilieva et al. for the reference Kuramoto classifier. */
    record OnlineRule(double rateHz) implements TrainingMethod {
        public String keyword() {
            return "online";
        }
    }

    /** Backpropagation through time with gradient-norm clipping (seed paper 2). */
    record Bptt(double clipNorm) implements TrainingMethod {
        public String keyword() {
            return "bptt";
        }
    }

    /** Equilibrium propagation with nudging strength {@code beta} (seed papers 3, 4). */
    record EquilibriumPropagation(double beta) implements TrainingMethod {
        public String keyword() {
            return "equilibrium propagation";
        }
    }
}
