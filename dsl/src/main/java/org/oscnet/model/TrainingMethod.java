package org.oscnet.model;

/** The learning rule. */
public sealed interface TrainingMethod {

    /** The name as written after {@code method}. */
    String keyword();

    /**
     * Gradient of the loss through the simulated dynamics (seed paper 1): the Jacobian of the
     * mean frequencies with respect to the natural frequencies, optionally squashed by tanh,
     * computed as {@code jacobian} says (see {@link Jacobian}). {@code init}
     * says where the parameters start (see {@link Init}); {@code balanceClasses}
     * weighs positive and negative examples of each output pair equally; {@code locked} says where
     * a synchronised pair's gradient comes from (the forward Jacobian of a locked pair's frequency
     * difference is zero, so a wrongly locked pair would never be pushed apart). The defaults
     * (tanh, data, classes, detuning) are engineering; {@code squash none, init random, balance
     * none, locked jacobian} is the paper's procedure as written.
     */
    record OfflineGradient(Jacobian jacobian, boolean squashTanh, Init init, boolean balanceClasses,
            LockedGradient locked) implements TrainingMethod {
        public String keyword() {
            return "offline gradient";
        }
    }

    /**
     * How the offline rule differentiates the simulation. Both differentiate the same Euler steps,
     * so they give the same gradient to rounding; they differ in cost.
     */
    enum Jacobian {
        /** Forward-mode sensitivities of every phase to every natural frequency: O(N²) per step. */
        FORWARD,
        /**
         * Reverse mode: the forward pass keeps each step's sines and cosines, then one backward
         * pass per output oscillator, O(N) per step each: cheaper when the outputs are few.
         */
        ADJOINT;

        /** The word used in the language and in {@code trained.json}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the offline gradient rule starts. */
    enum Init {
        /** Each output pair as the best slab of its class; the other oscillators parked. */
        DATA,
        /**
         * Several network shapes fitted to the training data (the slab of {@code DATA}, a hub
         * around the positives, a union of half-planes), the one with the lowest training loss.
         */
        SHAPES,
        /** Random weights at the coupling's scale (the paper gives no initialisation). */
        RANDOM;

        /** The word used in the language and in {@code trained.json}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the gradient of a synchronised output pair comes from. */
    enum LockedGradient {
        /** The Jacobian of the mean frequencies, as the paper: zero inside a lock. */
        JACOBIAN,
        /** The pair's own natural detuning relative to the two-oscillator locking range 2k. */
        DETUNING,
        /**
         * The locked phase difference ψ of the pair and its sensitivity through the whole
         * network; for two oscillators {@code sin ψ = ΔF / 2k}, so it generalises {@code DETUNING}
         * to pairs held together by other oscillators.
         */
        PHASE;

        /** The word used in the language and in {@code trained.json}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The online rule of Vassilieva et al. for the reference Kuramoto classifier. */
    record OnlineRule(double rateHz) implements TrainingMethod {
        public String keyword() {
            return "online";
        }
    }

    /**
     * Backpropagation through time (seed paper 2); every element of the batch-mean gradient is
     * clipped to {@code ±clip} (as the paper: element-wise, not the gradient's norm). Each weight
     * matrix starts uniform in {@code ±init / sqrt(columns)}, as a PyTorch linear layer. Biases start
     * where every STNO neuron at rest relaxes with time constant {@code memorySeconds} (NaN: biases
     * 0, the network's {@code tau}): a longer time holds inputs longer. With {@code floor > 0}, every
     * bias is raised after each update so that an STNO neuron's drive at rest stays at least
     * {@code floor} times its threshold: no oscillator is switched off for good (0: no floor). The
     * learning rate rises linearly from 0 over the first {@code warmup} epochs (0: none). With
     * {@code l2 > 0}, {@code l2 · w} is added to every weight's batch-mean gradient before clipping
     * (the L2 penalty {@code l2/2 · Σ w²}, as PyTorch's Adam {@code weight_decay}); with
     * {@code wd > 0}, every weight shrinks by {@code lr · wd · w} after each update (decoupled
     * weight decay, as AdamW). Biases are neither penalised nor decayed. With {@code noise > 0}, every
     * epoch trains on its own copy of the training sequences with Gaussian noise of that standard
     * deviation (in the scaled features' units) added to every input point; tests see clean inputs.
     * With {@code shift > 0}, an epoch is a pass over the training sequences and their copies moved
     * by 1 .. {@code shift} pixels down, up, right and left (their images square, scanned row by row;
     * uncovered pixels take the image's smallest value): {@code 1 + 4·shift} times the sequences.
     */
    record Bptt(double clip, double init, double memorySeconds, double floor, double warmup, double l2, double wd,
            double noise, int shift)
            implements TrainingMethod {
        public String keyword() {
            return "bptt";
        }

        /** The same method with {@code shift} shifted copies per distance (0: the sequences alone). */
        public Bptt withShift(int newShift) {
            return new Bptt(clip, init, memorySeconds, floor, warmup, l2, wd, noise, newShift);
        }
    }

    /**
     * Equilibrium propagation with nudging strength {@code beta} (seed papers 3, 4). One-sided: the
     * gradient is {@code (dE/dθ at +β − dE/dθ at 0) / β}; {@code symmetric}: {@code (dE/dθ at +β −
     * dE/dθ at −β) / 2β}, whose error falls as β² instead of β. {@code freshTestStarts}: every
     * checkpoint relaxes the test samples from new random phases (seeded by the step), as the
     * seed paper's code draws them, instead of the same phases at every checkpoint; the maximum over
     * checkpoints then also picks the luckiest starts.
     */
    record EquilibriumPropagation(double beta, boolean symmetric, boolean freshTestStarts) implements TrainingMethod {
        public EquilibriumPropagation(double beta, boolean symmetric) {
            this(beta, symmetric, false);
        }

        public String keyword() {
            return "equilibrium propagation";
        }
    }
}
