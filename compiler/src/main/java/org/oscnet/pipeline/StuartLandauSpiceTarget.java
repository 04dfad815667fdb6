package org.oscnet.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.emit.StuartLandauSpiceEmitter;
import org.oscnet.io.StuartLandauSpiceJson;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.sim.EquilibriumSimulator;
import org.oscnet.sim.Seeds;
import org.oscnet.sim.XyLayout;
import org.oscnet.train.EquilibriumTrainer;
import org.oscnet.train.TrainedEquilibrium;

/**
 * The ngspice netlists of a trained {@code stuart_landau} network, one per test row for the first
 * {@link #SAMPLES} rows, and {@code spice.json} with the simulator's reference: the same relaxation
 * from the same start with fine Euler steps, to the same end time.
 */
final class StuartLandauSpiceTarget {
    static final int SAMPLES = 20;
    /**
     * The reference is the adaptive Dormand-Prince solver: a relaxation still moving at the end of
     * the run is sensitive to how it is integrated, and Euler steps of 0.005 and 0.001 left 1.7e-2 and
     * 3.4e-3 rad against ngspice on such 8x8-digit samples, falling as the step; the adaptive
     * reference left 6.8e-5 rad.
     */
    static final double PHASE_TOLERANCE = 1e-3;
    static final double AMPLITUDE_TOLERANCE = 1e-3;
    /** Seed stream of the netlists' initial states. */
    private static final long START_STREAM = 0x73706963L;

    private StuartLandauSpiceTarget() {
    }

    static String compile(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained,
            CompileOptions options, Map<String, byte[]> files) {
        if (network.simulation().noiseLinewidth() > 0) {
            throw new NotImplementedYet("netlists of stuart_landau networks with phase noise (`noise`)");
        }
        XyLayout layout = XyLayout.of(network);
        XyLayout.Couplings k = EquilibriumTrainer.couplings(network, trained);
        double mu = network.amplitude() * network.amplitude();
        double duration = network.simulation().duration();
        EquilibriumSimulator reference = new EquilibriumSimulator(layout, network.simulation().step(), duration, 1e-12,
                EquilibriumNetwork.Solver.ADAPTIVE, network.targetPhase(), network.otherPhase())
                .withStuartLandauUnits(mu);
        int free = layout.free();
        int rows = Math.min(SAMPLES, dataset.test().size());
        double[] phases = EquilibriumTrainer.phases(network, dataset.test());
        List<Integer> rowList = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> netlists = new ArrayList<>();
        double[][] states = new double[rows][];
        int[] classes = new int[rows];
        for (int r = 0; r < rows; r++) {
            EquilibriumSimulator.Batch w = reference.batch(1);
            w.count(1);
            reference.clamp(w, 0, phases, r * layout.inputs(), dataset.test().label(r));
            reference.randomStart(w, 0, Seeds.derive(trained.seed(), START_STREAM, r));
            double[] startX = new double[free];
            double[] startY = new double[free];
            reference.save(w, startX, startY);
            reference.fields(w, k);
            reference.relax(w, k, 0);
            double[] endX = new double[free];
            double[] endY = new double[free];
            reference.save(w, endX, endY);
            states[r] = concat(endX, endY);
            classes[r] = w.prediction(0);
            String name = StuartLandauSpiceEmitter.fileName(network, r);
            files.put("spice/" + name, StuartLandauSpiceEmitter.netlist(network, layout, k,
                    field(layout, k, phases, r), concat(startX, startY), r,
                    dataset.classNames().get(dataset.test().label(r)), options.version(), options.source())
                    .getBytes(StandardCharsets.UTF_8));
            rowList.add(r);
            labels.add(dataset.test().label(r));
            netlists.add(name);
        }
        StuartLandauSpiceJson manifest = new StuartLandauSpiceJson(StuartLandauSpiceJson.SCHEMA, options.version(),
                options.source(), network.name(), rowList, labels, dataset.classNames(), netlists, free,
                layout.firstOutput(), duration, EquilibriumSimulator.adaptiveTolerances(layout), states, classes,
                PHASE_TOLERANCE, AMPLITUDE_TOLERANCE);
        try {
            files.put("spice/spice.json", manifest.render().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format(Locale.ROOT, "%s: %d ngspice netlists of %d Stuart-Landau oscillators (test rows 0..%d),"
                + " reference states by %s to t = %s; check with: oscnet verify DIR/%s/spice",
                network.name(), rows, free, rows - 1, EquilibriumSimulator.adaptiveTolerances(layout), duration,
                network.name());
    }

    /** Row {@code r}'s constant field on every free unit, {@code h e^{iψ} + Σ_in W e^{iφ_in}}: real parts, then imaginary. */
    private static double[] field(XyLayout layout, XyLayout.Couplings k, double[] phases, int r) {
        int free = layout.free();
        int inputs = layout.inputs();
        double[] field = new double[2 * free];
        for (int f = 0; f < free; f++) {
            double x = k.biasCos()[f];
            double y = k.biasSin()[f];
            for (int j = 0; j < k.inputReach()[f]; j++) {
                double weight = k.input()[f * inputs + j];
                x += weight * Math.cos(phases[r * inputs + j]);
                y += weight * Math.sin(phases[r * inputs + j]);
            }
            field[f] = x;
            field[free + f] = y;
        }
        return field;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
