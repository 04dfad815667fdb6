package org.oscnet.sim;

import java.util.SplittableRandom;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.oscnet.model.EquilibriumNetwork;

/**
 * Relaxes equilibrium networks (seed papers 3 and 4) with their inputs clamped. XY units follow the
 * gradient flow {@code dφ/dt = Δω − ∂(E + βC)/∂φ}; Stuart-Landau units the complex flow
 * {@code dz/dt = (μ + iΔω − |z|²) z + Σ_j W z_j + h e^{iψ} − 2β ∂C/∂z̄}, the gradient flow of their
 * energy in {@code (Re z, Im z)} when every {@code Δω} is 0. {@code Δω} are the natural-frequency
 * offsets from the mean in the frame rotating at that mean ({@link XyLayout.Couplings#offsets}); for XY
 * units they tilt the energy by {@code −Σ Δω φ}, so a locked state is still a stationary point.
 *
 * <p>A {@link Batch} holds many samples side by side (unit-major, sample-minor), so every inner loop
 * runs along the samples. Each unit is kept as the vector {@code z = (r cos φ, r sin φ)} (r = 1 for
 * XY units): an XY Euler step {@code φ += Δt·F} is the rotation by {@code Δt·F}, so no sine of a
 * phase is ever taken. Without noise a sample stops (and leaves the working set) once every free
 * unit moves slower than the tolerance; with phase noise every sample runs the whole duration. A
 * sample's result never depends on the other samples, so results are identical however samples are
 * grouped or threaded.
 */
public final class EquilibriumSimulator {
    /** Seed stream of a sample's phase noise, derived from its start seed. */
    private static final long NOISE_STREAM = 0x6e6f697365L;
    /** Keeps the cost finite when an output is exactly opposite its target, as the authors' code. */
    public static final double COST_GUARD = 1e-5;
    /** The adaptive solver's tolerances: the authors' for layered networks, and for all-to-all ones. */
    static final double LAYERED_TOLERANCE = 1e-8;
    static final double ALL_TO_ALL_RELATIVE = 1e-3;
    static final double ALL_TO_ALL_ABSOLUTE = 1e-6;
    /** Beyond this rotation per step the polynomial sine is not exact to double precision. */
    private static final double SMALL_ANGLE = 0.5;
    /**
     * FIRE's settings: the published defaults (Bitzek et al. 2006: five steps downhill before the
     * time step grows; FIRE 2.0's mixing 0.25), with the time steps in units of the network's
     * {@code step}: the first is {@code √step}, so the first move {@code Δt²·F} is one Euler step;
     * it grows by 10 % per step downhill up to ten steps and halves on every uphill one down to a
     * fiftieth. Measured on MNIST (docs/paper4.md): 20 downhill steps (FIRE 2.0) and a first step of
     * {@code step} took a fifth more steps for phase units and the same for Stuart-Landau units.
     */
    private static final int FIRE_DELAY = 5;
    private static final double FIRE_GROW = 1.1;
    private static final double FIRE_SHRINK = 0.5;
    private static final double FIRE_LONGEST = 10;
    private static final double FIRE_SHORTEST = 0.02;
    private static final double FIRE_MIXING = 0.25;
    private static final double FIRE_MIXING_DECAY = 0.99;
    /** Taylor coefficients of sin and cos: exact to double precision for |x| <= {@link #SMALL_ANGLE}. */
    private static final double S3 = -1.0 / 6;
    private static final double S5 = 1.0 / 120;
    private static final double S7 = -1.0 / 5040;
    private static final double S9 = 1.0 / 362880;
    private static final double S11 = -1.0 / 39916800;
    private static final double S13 = 1.0 / 6227020800.0;
    private static final double C2 = -1.0 / 2;
    private static final double C4 = 1.0 / 24;
    private static final double C6 = -1.0 / 720;
    private static final double C8 = 1.0 / 40320;
    private static final double C10 = -1.0 / 3628800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C14 = -1.0 / 87178291200.0;

    private final XyLayout layout;
    private final double step;
    private final int maxSteps;
    private final double duration;
    private final double tolerance;
    private final EquilibriumNetwork.Solver solver;
    private final double targetCos;
    private final double targetSin;
    private final double otherCos;
    private final double otherSin;
    /** Stuart-Landau units: {@code μ} of their own dynamics ({@code |z| → √μ} alone); NaN for XY units. */
    private final double mu;
    /** Phase diffusion D (rad² per unit time): each step adds a N(0, 2DΔt) turn; 0 without noise. */
    private final double diffusion;

    public EquilibriumSimulator(XyLayout layout, EquilibriumNetwork network) {
        this(layout, network.simulation().step(), network.simulation().duration(), network.relaxation().tolerance(),
                network.relaxation().solver(), network.targetPhase(), network.otherPhase(),
                network.kind() == EquilibriumNetwork.Kind.STUART_LANDAU ? network.amplitude() * network.amplitude()
                        : Double.NaN,
                phaseDiffusion(network.simulation().noiseLinewidth()));
    }

    /** XY units without noise. */
    public EquilibriumSimulator(XyLayout layout, double step, double duration, double tolerance,
            EquilibriumNetwork.Solver solver, double targetPhase, double otherPhase) {
        this(layout, step, duration, tolerance, solver, targetPhase, otherPhase, Double.NaN, 0);
    }

    private EquilibriumSimulator(XyLayout layout, double step, double duration, double tolerance,
            EquilibriumNetwork.Solver solver, double targetPhase, double otherPhase, double mu, double diffusion) {
        if (diffusion > 0 && solver != EquilibriumNetwork.Solver.EULER) {
            throw new IllegalArgumentException("only the Euler solver integrates phase noise");
        }
        this.mu = mu;
        this.diffusion = diffusion;
        this.layout = layout;
        this.step = step;
        this.duration = duration;
        this.maxSteps = (int) Math.round(duration / step);
        this.tolerance = tolerance;
        this.solver = solver;
        this.targetCos = Math.cos(targetPhase);
        this.targetSin = Math.sin(targetPhase);
        this.otherCos = Math.cos(otherPhase);
        this.otherSin = Math.sin(otherPhase);
    }

    public XyLayout layout() {
        return layout;
    }

    /** The same simulator with another solver (the adaptive reference, or the fast fixed step). */
    public EquilibriumSimulator withSolver(EquilibriumNetwork.Solver other) {
        return new EquilibriumSimulator(layout, step, duration, tolerance, other, Math.atan2(targetSin, targetCos),
                Math.atan2(otherSin, otherCos), mu, diffusion);
    }

    /** The same network made of Stuart-Landau units whose lone amplitude is {@code √μ}. */
    public EquilibriumSimulator withStuartLandauUnits(double mu) {
        return new EquilibriumSimulator(layout, step, duration, tolerance, solver, Math.atan2(targetSin, targetCos),
                Math.atan2(otherSin, otherCos), mu, diffusion);
    }

    /** The same simulator with phase noise of the given linewidth (a fraction of the mean frequency). */
    public EquilibriumSimulator withNoise(double linewidth) {
        return new EquilibriumSimulator(layout, step, duration, tolerance, solver, Math.atan2(targetSin, targetCos),
                Math.atan2(otherSin, otherCos), mu, phaseDiffusion(linewidth));
    }

    /**
     * The phase diffusion of a Lorentzian line of full width {@code linewidth} (angular, in units of
     * the mean angular frequency, which is 1 in the model's time): {@code D = Δω / 2}.
     */
    static double phaseDiffusion(double linewidth) {
        return linewidth / 2;
    }

    /** Whether the units have an amplitude (Stuart-Landau) or only a phase (XY). */
    public boolean amplitudes() {
        return !Double.isNaN(mu);
    }

    public boolean noisy() {
        return diffusion > 0;
    }

    /** Euler steps a relaxation may take before it is stopped unsettled. */
    public int maxSteps() {
        return maxSteps;
    }

    public Batch batch(int capacity) {
        return new Batch(capacity);
    }

    /**
     * Samples side by side. Fill with {@link #clamp}, {@link #randomStart} (or {@link #restore}) and
     * {@link #fields}, then {@link #relax}.
     */
    public final class Batch {
        final int capacity;
        int count;
        final double[] cos;
        final double[] sin;
        final double[] inputCos;
        final double[] inputSin;
        final double[] fieldCos;
        final double[] fieldSin;
        final double[] force;
        /** Stuart-Landau units: the force's imaginary part ({@code force} holds the real part). */
        final double[] forceY;
        /** Each free unit's net turn over the second half of the run (phase slips), while it runs. */
        final double[] drift;
        /** FIRE: each unit's velocity ({@code velocityY}: its imaginary part), each slot's time step, mixing and downhill run. */
        final double[] velocity;
        final double[] velocityY;
        final double[] fireStep;
        final double[] fireMixing;
        final int[] fireRising;
        /** With noise: each slot's SplitMix64 state, seeded per sample by its start. */
        final long[] noiseState;
        final boolean[] locked;
        final int[] label;
        final int[] sampleAt;
        final int[] steps;
        final double[] sumCos;
        final double[] sumSin;
        final double[] fastest;
        final double[] scratch;
        final int[] scratchLabels;
        /** When not null (a batch of one), the total energy after every step. */
        double[] energyTrace;
        int traced;

        Batch(int capacity) {
            this.capacity = capacity;
            int free = layout.free();
            cos = new double[free * capacity];
            sin = new double[free * capacity];
            inputCos = new double[layout.inputs() * capacity];
            inputSin = new double[layout.inputs() * capacity];
            fieldCos = new double[free * capacity];
            fieldSin = new double[free * capacity];
            force = new double[free * capacity];
            forceY = amplitudes() ? new double[free * capacity] : null;
            drift = new double[free * capacity];
            boolean inertial = solver == EquilibriumNetwork.Solver.FIRE;
            velocity = inertial ? new double[free * capacity] : null;
            velocityY = inertial && amplitudes() ? new double[free * capacity] : null;
            fireStep = new double[capacity];
            fireMixing = new double[capacity];
            fireRising = new int[capacity];
            noiseState = new long[capacity];
            locked = new boolean[capacity];
            label = new int[capacity];
            sampleAt = new int[capacity];
            steps = new int[capacity];
            sumCos = new double[capacity];
            sumSin = new double[capacity];
            fastest = new double[capacity];
            scratch = new double[free * capacity];
            scratchLabels = new int[capacity];
        }

        public int capacity() {
            return capacity;
        }

        /** Samples in use, from slot 0. */
        public void count(int samples) {
            if (samples > capacity) {
                throw new IllegalArgumentException(samples + " samples in a batch of " + capacity);
            }
            count = samples;
        }

        public int count() {
            return count;
        }

        /**
         * Euler steps sample {@code b} took in the last relaxation ({@link #maxSteps()}: did not settle);
         * with the adaptive solver, its derivative evaluations, below {@link #maxSteps()} when it settled.
         */
        public int steps(int b) {
            return steps[b];
        }

        public boolean settled(int b) {
            return steps[b] < maxSteps;
        }

        /**
         * Whether sample {@code b} locked in the last relaxation: it settled, or (still moving at the
         * run's end, as every sample with noise is) no free unit slipped by half a turn or more over
         * the second half of the run.
         */
        public boolean locked(int b) {
            return locked[b];
        }

        /**
         * {@code r cos φ} of free unit {@code f} (outputs are the last ones) in sample {@code b}: the
         * real part of its state, {@code cos φ} for XY units.
         */
        public double cos(int f, int b) {
            return cos[f * capacity + b];
        }

        public double sin(int f, int b) {
            return sin[f * capacity + b];
        }

        public double phase(int f, int b) {
            return Math.atan2(sin(f, b), cos(f, b));
        }

        /** {@code sin φ} of free unit {@code f} in sample {@code b}, whatever its amplitude. */
        double sinPhase(int f, int b) {
            double s = sin(f, b);
            return amplitudes() ? s / Math.hypot(cos(f, b), s) : s;
        }

        /** The class predicted by sample {@code b}: the output with the largest sin φ. */
        public int prediction(int b) {
            int first = layout.firstOutput();
            int best = 0;
            double largest = sinPhase(first, b);
            for (int o = 1; o < layout.outputs(); o++) {
                double x = sinPhase(first + o, b);
                if (x > largest) {
                    largest = x;
                    best = o;
                }
            }
            return best;
        }

        /** The cost {@code C = −Σ_o log(1 + cos(φ_o − target_o))} of sample {@code b}. */
        public double cost(int b) {
            double total = 0;
            int first = layout.firstOutput();
            for (int o = 0; o < layout.outputs(); o++) {
                double tc = o == label[b] ? targetCos : otherCos;
                double ts = o == label[b] ? targetSin : otherSin;
                double c = cos(first + o, b);
                double s = sin(first + o, b);
                double r = amplitudes() ? Math.hypot(c, s) : 1;
                total -= Math.log(1 + COST_GUARD + (c * tc + s * ts) / r);
            }
            return total;
        }

        /**
         * The energy E of sample {@code b} (without the cost); needs {@link #fields} done. With
         * frequency offsets it is the tilted energy {@code E − Σ Δω φ}, φ taken in (−π, π].
         */
        public double energy(int b, XyLayout.Couplings k) {
            int free = layout.free();
            double total = 0;
            for (int f = 0; f < free; f++) {
                int at = f * capacity + b;
                double pair = 0;
                int[] r = k.ranges()[f];
                for (int q = 0; q < r.length; q += 2) {
                    for (int g = r[q]; g < r[q + 1]; g++) {
                        pair += k.mutual()[f * free + g] * (cos[at] * cos[g * capacity + b] + sin[at] * sin[g * capacity + b]);
                    }
                }
                total -= cos[at] * fieldCos[at] + sin[at] * fieldSin[at] + pair / 2;
                total -= k.offsets()[f] * Math.atan2(sin[at], cos[at]);
                if (amplitudes()) {
                    double r2 = cos[at] * cos[at] + sin[at] * sin[at];
                    total += r2 * r2 / 4 - mu * r2 / 2;
                }
            }
            return total;
        }

        /** Records the total energy {@code E + βC} after every step of the next relaxations (one sample). */
        public void traceEnergy(double[] trace) {
            energyTrace = trace;
            traced = 0;
        }

        public int tracedSteps() {
            return traced;
        }

        /**
         * Adds {@code weight · ∂E/∂θ} of samples {@code from .. to − 1} at their current states to
         * {@code gradient}, in sample order for every parameter (so the sums do not depend on the range).
         * The same expressions serve both kinds of unit: with {@code z = (x, y)} for {@code (cos φ,
         * sin φ)}, {@code ∂E/∂W = −Re(z_i z̄_j)}, {@code ∂E/∂h = −Re(z e^{−iψ})}, {@code ∂E/∂ψ =
         * −h Im(z e^{−iψ})}.
         */
        public void addEnergyGradient(int from, int to, double[] params, double weight, double[] gradient) {
            int inputs = layout.inputs();
            for (int e = 0; e < layout.edges(); e++) {
                int low = layout.edgeLow(e);
                int high = layout.edgeHigh(e);
                double[] lowCos = low < inputs ? inputCos : cos;
                double[] lowSin = low < inputs ? inputSin : sin;
                int lowRow = (low < inputs ? low : low - inputs) * capacity;
                double[] highCos = high < inputs ? inputCos : cos;
                double[] highSin = high < inputs ? inputSin : sin;
                int highRow = (high < inputs ? high : high - inputs) * capacity;
                double g = gradient[e];
                for (int b = from; b < to; b++) {
                    g -= weight * (lowCos[lowRow + b] * highCos[highRow + b] + lowSin[lowRow + b] * highSin[highRow + b]);
                }
                gradient[e] = g;
            }
            int h = layout.biasOffset();
            int psi = layout.biasPhaseOffset();
            for (int f = 0; f < layout.free(); f++) {
                double pc = Math.cos(params[psi + f]);
                double ps = Math.sin(params[psi + f]);
                int row = f * capacity;
                for (int b = from; b < to; b++) {
                    double c = cos[row + b];
                    double s = sin[row + b];
                    gradient[h + f] -= weight * (c * pc + s * ps);
                    gradient[psi + f] -= weight * params[h + f] * (s * pc - c * ps);
                }
            }
        }
    }

    /** Clamps sample {@code b}'s inputs to {@code phases[offset ..]} and sets its class. */
    public void clamp(Batch w, int b, double[] phases, int offset, int label) {
        for (int k = 0; k < layout.inputs(); k++) {
            w.inputCos[k * w.capacity + b] = Math.cos(phases[offset + k]);
            w.inputSin[k * w.capacity + b] = Math.sin(phases[offset + k]);
        }
        w.label[b] = label;
    }

    /**
     * Free phases of sample {@code b} uniform in (−π, π) at the lone amplitude (1 for XY units), from
     * {@code seed} alone, which also seeds the sample's noise.
     */
    public void randomStart(Batch w, int b, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double r = startAmplitude();
        for (int f = 0; f < layout.free(); f++) {
            double phi = Math.PI * (2 * random.nextDouble() - 1);
            w.cos[f * w.capacity + b] = r * Math.cos(phi);
            w.sin[f * w.capacity + b] = r * Math.sin(phi);
        }
        w.noiseState[b] = Seeds.derive(seed, NOISE_STREAM, 0);
    }

    /** Free phases of sample {@code b} at 0; {@code seed} seeds its noise. */
    public void zeroStart(Batch w, int b, long seed) {
        double r = startAmplitude();
        for (int f = 0; f < layout.free(); f++) {
            w.cos[f * w.capacity + b] = r;
            w.sin[f * w.capacity + b] = 0;
        }
        w.noiseState[b] = Seeds.derive(seed, NOISE_STREAM, 0);
    }

    /** Where free units start: on the circle of their lone amplitude (√μ; a small μ still starts off 0). */
    private double startAmplitude() {
        return amplitudes() ? Math.sqrt(Math.max(mu, 1e-2)) : 1;
    }

    /** Copies the free state of the batch out ({@code free × capacity} each). */
    public void save(Batch w, double[] cosOut, double[] sinOut) {
        System.arraycopy(w.cos, 0, cosOut, 0, w.cos.length);
        System.arraycopy(w.sin, 0, sinOut, 0, w.sin.length);
    }

    public void restore(Batch w, double[] cosIn, double[] sinIn) {
        System.arraycopy(cosIn, 0, w.cos, 0, w.cos.length);
        System.arraycopy(sinIn, 0, w.sin, 0, w.sin.length);
    }

    /**
     * The fixed part of every free unit's field: its bias {@code h e^{iψ}} plus the pull of the
     * clamped inputs, computed once per sample and parameter set.
     */
    public void fields(Batch w, XyLayout.Couplings k) {
        int inputs = layout.inputs();
        int cap = w.capacity;
        for (int f = 0; f < layout.free(); f++) {
            int row = f * cap;
            java.util.Arrays.fill(w.fieldCos, row, row + w.count, k.biasCos()[f]);
            java.util.Arrays.fill(w.fieldSin, row, row + w.count, k.biasSin()[f]);
            for (int j = 0; j < k.inputReach()[f]; j++) {
                double weight = k.input()[f * inputs + j];
                if (weight == 0) {
                    continue;
                }
                int col = j * cap;
                for (int b = 0; b < w.count; b++) {
                    w.fieldCos[row + b] += weight * w.inputCos[col + b];
                    w.fieldSin[row + b] += weight * w.inputSin[col + b];
                }
            }
        }
    }

    /**
     * Relaxes every sample of the batch from its current state under {@code E + βC} (β = 0: free).
     * Returns the number of samples that did not settle within the run.
     */
    public int relax(Batch w, XyLayout.Couplings k, double beta) {
        return switch (solver) {
            case EULER -> relaxStepping(w, k, beta, false);
            case FIRE -> relaxStepping(w, k, beta, true);
            case ADAPTIVE -> relaxAdaptive(w, k, beta);
        };
    }

    /** Fixed Euler steps of the flow, or ({@code inertial}) FIRE steps; the same stopping rule. */
    private int relaxStepping(Batch w, XyLayout.Couplings k, double beta, boolean inertial) {
        double[] fastest = w.fastest;
        for (int b = 0; b < w.count; b++) {
            w.sampleAt[b] = b;
        }
        if (inertial) {
            startInertia(w);
        }
        int active = w.count;
        int unsettled = 0;
        for (int step = 0;; step++) {
            computeForces(w, k, beta, active);
            if (w.energyTrace != null && w.traced < w.energyTrace.length) {
                w.energyTrace[w.traced++] = w.energy(0, k) + (beta == 0 ? 0 : beta * w.cost(0));
            }
            for (int b = active - 1; b >= 0 && !noisy(); b--) {
                if (fastest[b] < tolerance) {
                    w.steps[w.sampleAt[b]] = step;
                    w.locked[w.sampleAt[b]] = true;
                    swap(w, b, --active);
                }
            }
            if (active == 0) {
                break;
            }
            if (step == maxSteps) {
                for (int b = 0; b < active; b++) {
                    w.steps[w.sampleAt[b]] = maxSteps;
                    w.locked[w.sampleAt[b]] = slippedLessThanHalfATurn(w, b);
                }
                unsettled = active;
                break;
            }
            boolean tracking = 2 * step >= maxSteps;
            if (2 * step == maxSteps) {
                java.util.Arrays.fill(w.drift, 0);
            }
            if (inertial) {
                inertialStep(w, active, tracking, step);
            } else if (amplitudes()) {
                advance(w, active, tracking);
            } else {
                rotate(w, active, tracking);
            }
        }
        unshuffle(w);
        return unsettled;
    }

    /** Every slot at rest, at the first FIRE time step and mixing. */
    private void startInertia(Batch w) {
        java.util.Arrays.fill(w.velocity, 0);
        if (w.velocityY != null) {
            java.util.Arrays.fill(w.velocityY, 0);
        }
        java.util.Arrays.fill(w.fireStep, 0, w.count, Math.min(Math.sqrt(step), FIRE_LONGEST * step));
        java.util.Arrays.fill(w.fireMixing, 0, w.count, FIRE_MIXING);
        java.util.Arrays.fill(w.fireRising, 0, w.count, 0);
    }

    /**
     * One FIRE step (Bitzek et al. 2006, with the half step back and the initial delay of FIRE 2.0,
     * Guénolé et al. 2020: no shortening during the first {@link #FIRE_DELAY} steps): unit-mass
     * motion under the force, steered towards the force by the mixing, stopped dead (and the time
     * step halved) whenever it runs uphill ({@code F·v ≤ 0}), lengthened while it keeps going
     * downhill. Every decision is per sample, from that sample's own sums, so grouping and threading
     * do not change a result. XY units turn by {@code Δt·v}, Stuart-Landau units move by it.
     */
    private void inertialStep(Batch w, int active, boolean tracking, int index) {
        int cap = w.capacity;
        int free = layout.free();
        double[] power = w.sumCos;
        double[] speed2 = w.sumSin;
        double[] force2 = w.fastest;
        java.util.Arrays.fill(power, 0, active, 0);
        java.util.Arrays.fill(speed2, 0, active, 0);
        java.util.Arrays.fill(force2, 0, active, 0);
        for (int f = 0; f < free; f++) {
            addPowers(w.velocity, w.force, f * cap, active, power, speed2, force2);
            if (amplitudes()) {
                addPowers(w.velocityY, w.forceY, f * cap, active, power, speed2, force2);
            }
        }
        // per slot: v' = keep·v + pull·F, move = Δt·v' − back·v
        double[] keep = power;
        double[] pull = speed2;
        double[] back = force2;
        for (int b = 0; b < active; b++) {
            double dt = w.fireStep[b];
            if (power[b] > 0) {
                if (++w.fireRising[b] > FIRE_DELAY) {
                    dt = Math.min(dt * FIRE_GROW, FIRE_LONGEST * step);
                    w.fireMixing[b] *= FIRE_MIXING_DECAY;
                }
                double a = w.fireMixing[b];
                double norm = Math.sqrt(force2[b]);
                keep[b] = 1 - a;
                pull[b] = dt + (norm > 0 ? a * Math.sqrt(speed2[b]) / norm : 0);
                back[b] = 0;
            } else {
                w.fireRising[b] = 0;
                if (index >= FIRE_DELAY) {
                    dt = Math.max(dt * FIRE_SHRINK, FIRE_SHORTEST * step);
                    w.fireMixing[b] = FIRE_MIXING;
                }
                keep[b] = 0;
                pull[b] = dt;
                back[b] = dt / 2;
            }
            w.fireStep[b] = dt;
        }
        for (int f = 0; f < free; f++) {
            int row = f * cap;
            for (int b = 0; b < active; b++) {
                double v = w.velocity[row + b];
                double next = keep[b] * v + pull[b] * w.force[row + b];
                w.velocity[row + b] = next;
                double d = w.fireStep[b] * next - back[b] * v;
                if (amplitudes()) {
                    double vy = w.velocityY[row + b];
                    double nextY = keep[b] * vy + pull[b] * w.forceY[row + b];
                    w.velocityY[row + b] = nextY;
                    double x = w.cos[row + b];
                    double y = w.sin[row + b];
                    double nx = x + d;
                    double ny = y + w.fireStep[b] * nextY - back[b] * vy;
                    if (tracking) {
                        w.drift[row + b] += Math.atan2(x * ny - y * nx, x * nx + y * ny);
                    }
                    w.cos[row + b] = nx;
                    w.sin[row + b] = ny;
                    continue;
                }
                if (tracking) {
                    w.drift[row + b] += d;
                }
                w.scratch[row + b] = d;
            }
        }
        if (!amplitudes()) {
            turnAll(w, active, w.scratch);
        }
    }

    /**
     * The force on every free unit of the first {@code active} slots at their current state (into
     * {@code force}, and {@code forceY} for Stuart-Landau units), and each slot's fastest unit.
     */
    private void computeForces(Batch w, XyLayout.Couplings k, double beta, int active) {
        int free = layout.free();
        int cap = w.capacity;
        int firstOutput = layout.firstOutput();
        double[] cos = w.cos;
        double[] sin = w.sin;
        double[] force = w.force;
        double[] sumCos = w.sumCos;
        double[] sumSin = w.sumSin;
        double[] fastest = w.fastest;
        double[] mutual = k.mutual();
        java.util.Arrays.fill(fastest, 0, active, 0);
        for (int f = 0; f < free; f++) {
            int row = f * cap;
            System.arraycopy(w.fieldCos, row, sumCos, 0, active);
            System.arraycopy(w.fieldSin, row, sumSin, 0, active);
            int[] r = k.ranges()[f];
            for (int q = 0; q < r.length; q += 2) {
                int g = r[q];
                // four neighbours per pass: the sums are loaded and stored a quarter as often
                for (; g + 3 < r[q + 1]; g += 4) {
                    double w0 = mutual[f * free + g];
                    double w1 = mutual[f * free + g + 1];
                    double w2 = mutual[f * free + g + 2];
                    double w3 = mutual[f * free + g + 3];
                    int c0 = g * cap;
                    int c1 = c0 + cap;
                    int c2 = c1 + cap;
                    int c3 = c2 + cap;
                    for (int b = 0; b < active; b++) {
                        sumCos[b] += w0 * cos[c0 + b] + w1 * cos[c1 + b] + w2 * cos[c2 + b] + w3 * cos[c3 + b];
                        sumSin[b] += w0 * sin[c0 + b] + w1 * sin[c1 + b] + w2 * sin[c2 + b] + w3 * sin[c3 + b];
                    }
                }
                for (; g < r[q + 1]; g++) {
                    double weight = mutual[f * free + g];
                    int col = g * cap;
                    for (int b = 0; b < active; b++) {
                        sumCos[b] += weight * cos[col + b];
                        sumSin[b] += weight * sin[col + b];
                    }
                }
            }
            double offset = k.offsets()[f];
            if (amplitudes()) {
                stuartLandauForces(w, row, f >= firstOutput ? f - firstOutput : -1, offset, beta, active);
                continue;
            }
            for (int b = 0; b < active; b++) {
                force[row + b] = cos[row + b] * sumSin[b] - sin[row + b] * sumCos[b] + offset;
            }
            if (beta != 0 && f >= firstOutput) {
                int o = f - firstOutput;
                for (int b = 0; b < active; b++) {
                    double tc = w.label[b] == o ? targetCos : otherCos;
                    double ts = w.label[b] == o ? targetSin : otherSin;
                    double c = cos[row + b];
                    double s = sin[row + b];
                    force[row + b] -= beta * (s * tc - c * ts) / (1 + COST_GUARD + c * tc + s * ts);
                }
            }
            for (int b = 0; b < active; b++) {
                fastest[b] = Math.max(fastest[b], Math.abs(force[row + b]));
            }
        }
    }

    /**
     * The Stuart-Landau forces of free unit {@code f} (row {@code row}) once {@code sumCos, sumSin}
     * hold its field {@code Σ_j W z_j + h e^{iψ}}: {@code (μ − |z|²) z + iΔω z + field}, plus on an
     * output {@code o} (−1: not one) the nudge {@code −β ∇C}, where {@code C = −log(1 + cos(φ − t))}
     * depends on z through its phase alone.
     */
    private void stuartLandauForces(Batch w, int row, int o, double offset, double beta, int active) {
        double[] cos = w.cos;
        double[] sin = w.sin;
        for (int b = 0; b < active; b++) {
            double x = cos[row + b];
            double y = sin[row + b];
            double gain = mu - (x * x + y * y);
            w.force[row + b] = gain * x - offset * y + w.sumCos[b];
            w.forceY[row + b] = gain * y + offset * x + w.sumSin[b];
        }
        if (beta != 0 && o >= 0) {
            for (int b = 0; b < active; b++) {
                double tc = w.label[b] == o ? targetCos : otherCos;
                double ts = w.label[b] == o ? targetSin : otherSin;
                double x = cos[row + b];
                double y = sin[row + b];
                double r2 = x * x + y * y;
                double r = Math.sqrt(r2);
                double pull = beta * (tc * y - ts * x) / (r2 * r * (1 + COST_GUARD + (x * tc + y * ts) / r));
                w.force[row + b] += pull * y;
                w.forceY[row + b] -= pull * x;
            }
        }
        for (int b = 0; b < active; b++) {
            w.fastest[b] = Math.max(w.fastest[b], Math.max(Math.abs(w.force[row + b]), Math.abs(w.forceY[row + b])));
        }
    }

    /**
     * One Euler step of Stuart-Landau units, {@code z += Δt·F}, then with noise a random turn; while
     * {@code tracking}, each unit's turn is added to its drift.
     */
    private void advance(Batch w, int active, boolean tracking) {
        int cap = w.capacity;
        for (int f = 0; f < layout.free(); f++) {
            int row = f * cap;
            for (int b = 0; b < active; b++) {
                double x = w.cos[row + b];
                double y = w.sin[row + b];
                double nx = x + step * w.force[row + b];
                double ny = y + step * w.forceY[row + b];
                if (noisy()) {
                    double kick = noiseTurn(w, b);
                    double c = Math.cos(kick);
                    double sn = Math.sin(kick);
                    double rx = nx * c - ny * sn;
                    ny = ny * c + nx * sn;
                    nx = rx;
                }
                if (tracking) {
                    w.drift[row + b] += Math.atan2(x * ny - y * nx, x * nx + y * ny);
                }
                w.cos[row + b] = nx;
                w.sin[row + b] = ny;
            }
        }
    }

    /** A N(0, 2DΔt) turn from sample {@code b}'s own noise stream (Box-Muller on two SplitMix64 draws). */
    private double noiseTurn(Batch w, int b) {
        long first = w.noiseState[b] += 0x9e3779b97f4a7c15L;
        long second = w.noiseState[b] += 0x9e3779b97f4a7c15L;
        double u = 1.0 - (Seeds.mix(first) >>> 11) * 0x1.0p-53;
        double v = (Seeds.mix(second) >>> 11) * 0x1.0p-53;
        return Math.sqrt(2 * diffusion * step) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private boolean slippedLessThanHalfATurn(Batch w, int b) {
        for (int f = 0; f < layout.free(); f++) {
            if (Math.abs(w.drift[f * w.capacity + b]) >= Math.PI) {
                return false;
            }
        }
        return true;
    }

    /**
     * One Euler step: every active unit vector turned by {@code Δt·F} (plus, with noise, a random
     * turn); while {@code tracking}, each turn is added to the unit's drift.
     */
    private void rotate(Batch w, int active, boolean tracking) {
        int cap = w.capacity;
        if (noisy()) {
            for (int f = 0; f < layout.free(); f++) {
                int row = f * cap;
                for (int b = 0; b < active; b++) {
                    double d = step * w.force[row + b] + noiseTurn(w, b);
                    turn(w, row + b, Math.sin(d), Math.cos(d));
                    if (tracking) {
                        w.drift[row + b] += d;
                    }
                }
            }
            return;
        }
        for (int f = 0; f < layout.free(); f++) {
            int row = f * cap;
            for (int b = 0; b < active; b++) {
                w.scratch[row + b] = step * w.force[row + b];
            }
            for (int b = 0; b < active && tracking; b++) {
                w.drift[row + b] += w.scratch[row + b];
            }
        }
        turnAll(w, active, w.scratch);
    }

    /** Adds one row's {@code F·v}, {@code v·v} and {@code F·F} to each slot's sums. */
    private static void addPowers(double[] velocity, double[] force, int row, int active, double[] power,
            double[] speed2, double[] force2) {
        for (int b = 0; b < active; b++) {
            double v = velocity[row + b];
            double g = force[row + b];
            power[b] += g * v;
            speed2[b] += v * v;
            force2[b] += g * g;
        }
    }

    /**
     * Turns every active unit vector by its angle in {@code turns}. Each turn's sine and cosine come
     * from a polynomial when the turn is small and from {@link Math} otherwise, decided per element
     * so a sample's result never depends on its neighbours; the first loop only finds out whether
     * the branch-free (vectorisable) loop may be used, which gives the same numbers.
     */
    private void turnAll(Batch w, int active, double[] turns) {
        int cap = w.capacity;
        double largest = 0;
        for (int f = 0; f < layout.free(); f++) {
            int row = f * cap;
            for (int b = 0; b < active; b++) {
                largest = Math.max(largest, Math.abs(turns[row + b]));
            }
        }
        boolean allSmall = largest <= SMALL_ANGLE;
        for (int f = 0; f < layout.free(); f++) {
            int row = f * cap;
            if (allSmall) {
                for (int b = 0; b < active; b++) {
                    double d = turns[row + b];
                    double d2 = d * d;
                    turn(w, row + b, d + d * d2 * (S3 + d2 * (S5 + d2 * (S7 + d2 * (S9 + d2 * (S11 + d2 * S13))))),
                            1 + d2 * (C2 + d2 * (C4 + d2 * (C6 + d2 * (C8 + d2 * (C10 + d2 * (C12 + d2 * C14)))))));
                }
                continue;
            }
            for (int b = 0; b < active; b++) {
                turnBy(w, row + b, turns[row + b]);
            }
        }
    }

    /** Turns a unit vector by {@code d}: the polynomial for a small turn, {@link Math} otherwise. */
    private static void turnBy(Batch w, int at, double d) {
        if (Math.abs(d) <= SMALL_ANGLE) {
            double d2 = d * d;
            turn(w, at, d + d * d2 * (S3 + d2 * (S5 + d2 * (S7 + d2 * (S9 + d2 * (S11 + d2 * S13))))),
                    1 + d2 * (C2 + d2 * (C4 + d2 * (C6 + d2 * (C8 + d2 * (C10 + d2 * (C12 + d2 * C14)))))));
        } else {
            turn(w, at, Math.sin(d), Math.cos(d));
        }
    }

    private static void turn(Batch w, int at, double sin, double cos) {
        double c = w.cos[at];
        double s = w.sin[at];
        w.cos[at] = c * cos - s * sin;
        w.sin[at] = s * cos + c * sin;
    }

    /** Swaps two slots of the working set (state, fields, forces, class, and which sample it is). */
    private void swap(Batch w, int a, int b) {
        if (a == b) {
            return;
        }
        int cap = w.capacity;
        for (int f = 0; f < layout.free(); f++) {
            swap(w.cos, f * cap + a, f * cap + b);
            swap(w.sin, f * cap + a, f * cap + b);
            swap(w.fieldCos, f * cap + a, f * cap + b);
            swap(w.fieldSin, f * cap + a, f * cap + b);
            swap(w.force, f * cap + a, f * cap + b);
            swap(w.drift, f * cap + a, f * cap + b);
            if (w.forceY != null) {
                swap(w.forceY, f * cap + a, f * cap + b);
            }
            if (w.velocity != null) {
                swap(w.velocity, f * cap + a, f * cap + b);
            }
            if (w.velocityY != null) {
                swap(w.velocityY, f * cap + a, f * cap + b);
            }
        }
        swap(w.fireStep, a, b);
        swap(w.fireMixing, a, b);
        int rising = w.fireRising[a];
        w.fireRising[a] = w.fireRising[b];
        w.fireRising[b] = rising;
        long n = w.noiseState[a];
        w.noiseState[a] = w.noiseState[b];
        w.noiseState[b] = n;
        int t = w.label[a];
        w.label[a] = w.label[b];
        w.label[b] = t;
        t = w.sampleAt[a];
        w.sampleAt[a] = w.sampleAt[b];
        w.sampleAt[b] = t;
    }

    private static void swap(double[] x, int a, int b) {
        double t = x[a];
        x[a] = x[b];
        x[b] = t;
    }

    /** Puts every sample back in its own slot after a relaxation moved them. */
    private void unshuffle(Batch w) {
        int cap = w.capacity;
        double[][] arrays = {w.cos, w.sin, w.fieldCos, w.fieldSin};
        for (double[] x : arrays) {
            for (int f = 0; f < layout.free(); f++) {
                int row = f * cap;
                for (int b = 0; b < w.count; b++) {
                    w.scratch[row + w.sampleAt[b]] = x[row + b];
                }
            }
            System.arraycopy(w.scratch, 0, x, 0, layout.free() * cap);
        }
        for (int b = 0; b < w.count; b++) {
            w.scratchLabels[w.sampleAt[b]] = w.label[b];
        }
        System.arraycopy(w.scratchLabels, 0, w.label, 0, w.count);
    }

    /**
     * The reference: Dormand-Prince 5(4) with adaptive steps (Hipparchus), one sample at a time,
     * checked against the same stopping rule after every unit of time. The state is the free phases
     * (XY units) or the free units' real parts, then imaginary parts (Stuart-Landau units).
     */
    private int relaxAdaptive(Batch w, XyLayout.Couplings k, double beta) {
        int free = layout.free();
        int cap = w.capacity;
        boolean layered = !layout.allToAll();
        double relative = layered ? LAYERED_TOLERANCE : ALL_TO_ALL_RELATIVE;
        double absolute = layered ? LAYERED_TOLERANCE : ALL_TO_ALL_ABSOLUTE;
        int dimension = amplitudes() ? 2 * free : free;
        int unsettled = 0;
        for (int b = 0; b < w.count; b++) {
            final int sample = b;
            double[] state = state(w, b);
            OrdinaryDifferentialEquation flow = new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return dimension;
                }

                @Override
                public double[] computeDerivatives(double t, double[] y) {
                    return forces(w, sample, k, beta, y);
                }
            };
            DormandPrince54Integrator integrator = new DormandPrince54Integrator(1e-12, duration, absolute, relative);
            double t = 0;
            int evaluations = 0;
            boolean settled = max(forces(w, sample, k, beta, state)) < tolerance;
            while (!settled && t < duration) {
                double until = Math.min(duration, t + 1);
                ODEStateAndDerivative end = integrator.integrate(flow, new ODEState(t, state), until);
                state = end.getPrimaryState();
                t = until;
                evaluations += integrator.getEvaluations();
                settled = max(forces(w, sample, k, beta, state)) < tolerance;
            }
            for (int f = 0; f < free; f++) {
                w.cos[f * cap + b] = amplitudes() ? state[f] : Math.cos(state[f]);
                w.sin[f * cap + b] = amplitudes() ? state[free + f] : Math.sin(state[f]);
            }
            w.steps[b] = settled ? Math.min(evaluations, maxSteps - 1) : maxSteps;
            w.locked[b] = settled;
            unsettled += settled ? 0 : 1;
        }
        return unsettled;
    }

    /** The adaptive solver and its tolerances for a network of this layout, in words. */
    public static String adaptiveTolerances(XyLayout layout) {
        return layout.allToAll() ? "Dormand-Prince 5(4), rtol " + power(ALL_TO_ALL_RELATIVE) + ", atol "
                + power(ALL_TO_ALL_ABSOLUTE) : "Dormand-Prince 5(4), rtol = atol = " + power(LAYERED_TOLERANCE);
    }

    /** A power of ten as written in the reports: {@code 1e-8}. */
    private static String power(double x) {
        return String.format(java.util.Locale.ROOT, "%.0e", x).replace("e-0", "e-");
    }

    /** Sample {@code b}'s free state as the adaptive solver holds it: phases, or real then imaginary parts. */
    double[] state(Batch w, int b) {
        int free = layout.free();
        double[] state = new double[amplitudes() ? 2 * free : free];
        for (int f = 0; f < free; f++) {
            double c = w.cos[f * w.capacity + b];
            double s = w.sin[f * w.capacity + b];
            if (amplitudes()) {
                state[f] = c;
                state[free + f] = s;
            } else {
                state[f] = Math.atan2(s, c);
            }
        }
        return state;
    }

    /** The flow of sample {@code b} at its current state, laid out as {@link #state}; {@link #fields} done. */
    double[] flow(Batch w, int b, XyLayout.Couplings k, double beta) {
        return forces(w, b, k, beta, state(w, b));
    }

    /** The flow at {@code state} (laid out as in {@link #relaxAdaptive}) of sample {@code b}. */
    private double[] forces(Batch w, int b, XyLayout.Couplings k, double beta, double[] state) {
        int free = layout.free();
        int cap = w.capacity;
        double[] c = new double[free];
        double[] s = new double[free];
        for (int f = 0; f < free; f++) {
            c[f] = amplitudes() ? state[f] : Math.cos(state[f]);
            s[f] = amplitudes() ? state[free + f] : Math.sin(state[f]);
        }
        double[] out = new double[state.length];
        for (int f = 0; f < free; f++) {
            double sc = w.fieldCos[f * cap + b];
            double ss = w.fieldSin[f * cap + b];
            int[] r = k.ranges()[f];
            for (int q = 0; q < r.length; q += 2) {
                for (int g = r[q]; g < r[q + 1]; g++) {
                    sc += k.mutual()[f * free + g] * c[g];
                    ss += k.mutual()[f * free + g] * s[g];
                }
            }
            double offset = k.offsets()[f];
            boolean output = beta != 0 && f >= layout.firstOutput();
            int o = f - layout.firstOutput();
            double tc = output && w.label[b] == o ? targetCos : otherCos;
            double ts = output && w.label[b] == o ? targetSin : otherSin;
            if (amplitudes()) {
                double r2 = c[f] * c[f] + s[f] * s[f];
                double gain = mu - r2;
                out[f] = gain * c[f] - offset * s[f] + sc;
                out[free + f] = gain * s[f] + offset * c[f] + ss;
                if (output) {
                    double rr = Math.sqrt(r2);
                    double pull = beta * (tc * s[f] - ts * c[f])
                            / (r2 * rr * (1 + COST_GUARD + (c[f] * tc + s[f] * ts) / rr));
                    out[f] += pull * s[f];
                    out[free + f] -= pull * c[f];
                }
            } else {
                out[f] = c[f] * ss - s[f] * sc + offset;
                if (output) {
                    out[f] -= beta * (s[f] * tc - c[f] * ts) / (1 + COST_GUARD + c[f] * tc + s[f] * ts);
                }
            }
        }
        return out;
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
