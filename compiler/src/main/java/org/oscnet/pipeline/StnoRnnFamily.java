package org.oscnet.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oscnet.io.Provenance;
import org.oscnet.io.RecurrentJson;
import org.oscnet.model.Dataset;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.plot.RecurrentPlots;
import org.oscnet.plot.TrainingPlots;
import org.oscnet.quantize.RecurrentDac;
import org.oscnet.emit.RecurrentDacTables;
import org.oscnet.emit.RecurrentSpiceEmitter;
import org.oscnet.io.RecurrentSpiceJson;
import org.oscnet.sim.RecurrentLayout;
import org.oscnet.sim.RecurrentSimulator;
import org.oscnet.train.BpttTrainer;
import org.oscnet.train.TrainedRecurrent;
import org.oscnet.train.TrainingListener;

/**
 * Multilayer spintronic recurrent networks (seed paper 2) and their CTRNN baseline: trained by
 * BPTT ({@link BpttTrainer}); compiled to bias and synapse DAC tables ({@link RecurrentDac}).
 */
final class StnoRnnFamily implements Family<StnoRnnNetwork, TrainedRecurrent> {
    /** The paper's energy figures: per neuron and per synapse, for one image. */
    static final double NEURON_JOULES = 100e-15;
    static final double SYNAPSE_JOULES = 10e-15;
    /** Test rows that get a SPICE netlist. */
    static final int SPICE_SAMPLES = 20;
    /** Heun steps per input point of the simulator's reference for the netlists: the continuous model. */
    static final int REFERENCE_SUBSTEPS = 64;
    /** Largest allowed difference of a class probability between ngspice and the reference. */
    static final double SPICE_TOLERANCE = 1e-3;

    @Override
    public String keyword() {
        return "stno_rnn";
    }

    @Override
    public Class<StnoRnnNetwork> networkType() {
        return StnoRnnNetwork.class;
    }

    @Override
    public void requireTrainable(StnoRnnNetwork network, Training training) {
        if (!(training.method() instanceof TrainingMethod.Bptt)) {
            throw new BadInput("`" + network.name() + "` is a stno_rnn network; it trains with `method bptt`, not `"
                    + training.method().keyword() + "`");
        }
    }

    @Override
    public TrainedRecurrent train(StnoRnnNetwork network, Dataset dataset, Training training,
            TrainingListener listener, int threads) {
        return new BpttTrainer(network, dataset, training, listener, threads).train();
    }

    @Override
    public Map<String, byte[]> trainedFiles(StnoRnnNetwork network, Dataset dataset, Training training,
            TrainedRecurrent trained, Provenance provenance, int threads) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("trained.json", RecurrentJson.render(provenance, network, dataset, training, trained)
                .getBytes(StandardCharsets.UTF_8));
        RecurrentSimulator simulator = new RecurrentSimulator(network,
                new RecurrentLayout(network.layers(), network.classCount()), trained.mask());
        files.put("training.png", RecurrentPlots.curves(trained));
        files.put("traces.png", RecurrentPlots.traces(simulator, dataset, trained));
        files.put("confusion.png", TrainingPlots.confusion(network.name(), trained.confusion(), dataset.classNames()));
        return files;
    }

    @Override
    public String summary(StnoRnnNetwork network, Dataset dataset, Training training, TrainedRecurrent trained) {
        int synapses = new RecurrentLayout(network.layers(), network.classCount()).synapses(trained.mask());
        double joules = network.neurons() * NEURON_JOULES + synapses * SYNAPSE_JOULES;
        return String.format(Locale.ROOT, "%s (%s neurons): train accuracy %.1f %%, test accuracy %.1f %% (continuous"
                + " time, %d Heun steps per input point: %.1f %%) (seed %d, %s; %.1f s); energy estimate %.1f pJ per"
                + " sequence (%d neurons x 100 fJ + %d synapses x 10 fJ)",
                network.name(), network.neuron().word(), 100 * trained.trainAccuracy(), 100 * trained.testAccuracy(),
                BpttTrainer.CONTINUOUS_SUBSTEPS, 100 * trained.continuousTestAccuracy(), training.seed(),
                dataset.split(), trained.wallSeconds(), joules * 1e12, network.neurons(), synapses);
    }

    @Override
    public TrainedRecurrent readTrained(Path file, StnoRnnNetwork network) throws IOException {
        try {
            return RecurrentJson.read(file, network);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    @Override
    public Set<String> targets() {
        return Set.of("dac", "spice");
    }

    @Override
    public Compiled compile(StnoRnnNetwork network, Dataset dataset, TrainedRecurrent trained, HardwareTarget target,
            Set<String> wanted, CompileOptions options) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        java.util.List<String> summaries = new java.util.ArrayList<>();
        if (wanted.contains("dac") && target.dac().isPresent()) {
            summaries.add(compileDac(network, dataset, trained, target.dac().get(), options, files));
        }
        if (wanted.contains("spice") && target.spice().isPresent()) {
            summaries.add(compileSpice(network, dataset, trained, target.spice().get(), options, files));
        }
        return new Compiled(files, summaries);
    }

    private String compileDac(StnoRnnNetwork network, Dataset dataset, TrainedRecurrent trained,
            HardwareTarget.Dac dac, CompileOptions options, Map<String, byte[]> files) {
        RecurrentDac.Plan plan;
        try {
            plan = RecurrentDac.plan(network, trained.parameters(), trained.mask(), dac.bits(), dac.fullScaleAmps(),
                    dac.device().thresholdAmps());
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double floatAccuracy = BpttTrainer.evaluate(network, trained.parameters(), trained.mask(), dataset.test(), cores).accuracy();
        double dacAccuracy = BpttTrainer.evaluate(network, plan.quantised(), trained.mask(), dataset.test(), cores).accuracy();
        int synapses = new RecurrentLayout(network.layers(), network.classCount()).synapses(trained.mask());
        double joules = network.neurons() * NEURON_JOULES + synapses * SYNAPSE_JOULES;
        files.put("dac/biases.csv", RecurrentDacTables.biases(plan).getBytes(StandardCharsets.UTF_8));
        files.put("dac/synapses.csv", RecurrentDacTables.synapses(plan).getBytes(StandardCharsets.UTF_8));
        files.put("dac/dac.json", RecurrentDacTables.json(network, dac, plan, floatAccuracy, dacAccuracy,
                dataset.test().size(), synapses, joules, options.version(), options.source())
                .getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%s: %d STNO neurons, %d synapses, %d-bit DAC (LSB %.3f uA, %.4f"
                + " mA per unit drive); test accuracy float %.1f %%, DAC-coded biases and gains %.1f %% (%d test"
                + " rows); largest coding error %.3f uA (bias), %.3f uA (gain); energy estimate %.1f pJ per sequence",
                network.name(), network.neurons(), synapses, dac.bits(), plan.lsbAmps() * 1e6, plan.ampsPerDrive() * 1e3,
                100 * floatAccuracy, 100 * dacAccuracy, dataset.test().size(), plan.biasErrorMaxAmps() * 1e6,
                plan.gainErrorMaxAmps() * 1e6, joules * 1e12);
    }

    /**
     * One netlist per test row for the first {@link #SPICE_SAMPLES} rows, and {@code spice.json}
     * with the simulator's reference outputs at {@link #REFERENCE_SUBSTEPS} Heun steps per input
     * point (the continuous model the netlist integrates) and at the trained integration.
     */
    private String compileSpice(StnoRnnNetwork network, Dataset dataset, TrainedRecurrent trained,
            HardwareTarget.Spice spice, CompileOptions options, Map<String, byte[]> files) {
        if (network.neuron().kind() != StnoRnnNetwork.Neuron.Kind.STNO) {
            throw new BadInput("`" + network.name() + "` has ctrnn neurons; SPICE netlists are for spin-torque"
                    + " oscillators (`neuron stno;`)");
        }
        int rows = Math.min(SPICE_SAMPLES, dataset.test().size());
        int length = dataset.featureCount();
        double[] params = trained.parameters();
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        StnoRnnNetwork fine = network.withIntegration(REFERENCE_SUBSTEPS, StnoRnnNetwork.Integrator.HEUN);
        RecurrentSimulator reference = new RecurrentSimulator(fine, layout, trained.mask());
        RecurrentSimulator asTrained = new RecurrentSimulator(network, layout, trained.mask());
        RecurrentSimulator.Workspace w = reference.workspace(length);
        RecurrentSimulator.Workspace wt = asTrained.workspace(length);
        java.util.List<Integer> rowList = new java.util.ArrayList<>();
        java.util.List<Integer> labels = new java.util.ArrayList<>();
        java.util.List<String> netlists = new java.util.ArrayList<>();
        double[][] outputs = new double[rows][];
        double[][] probabilities = new double[rows][];
        double[][] trainedProbabilities = new double[rows][];
        double[] x = dataset.test().featuresRowMajor();
        for (int r = 0; r < rows; r++) {
            double[] sequence = java.util.Arrays.copyOfRange(x, r * length, (r + 1) * length);
            reference.forward(params, sequence, 0, length, w);
            outputs[r] = reference.lastLayerOutputs(w);
            probabilities[r] = w.probabilities().clone();
            asTrained.forward(params, sequence, 0, length, wt);
            trainedProbabilities[r] = wt.probabilities().clone();
            String name = RecurrentSpiceEmitter.fileName(network, r);
            files.put("spice/" + name, RecurrentSpiceEmitter.netlist(network, params, sequence, r,
                    dataset.classNames().get(dataset.test().label(r)), spice.stepSeconds(), options.version(),
                    options.source()).getBytes(StandardCharsets.UTF_8));
            rowList.add(r);
            labels.add(dataset.test().label(r));
            netlists.add(name);
        }
        int classes = network.classCount();
        int width = layout.lastLayerSize();
        double[][] readout = new double[classes][width];
        double[] readoutBiases = new double[classes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(params, layout.readoutOffset() + c * width, readout[c], 0, width);
            readoutBiases[c] = params[layout.readoutBiasOffset() + c];
        }
        RecurrentSpiceJson manifest = new RecurrentSpiceJson(RecurrentSpiceJson.SCHEMA, options.version(),
                options.source(), network.name(), rowList, labels, dataset.classNames(), netlists, readout,
                readoutBiases, REFERENCE_SUBSTEPS, outputs, probabilities, trainedProbabilities, SPICE_TOLERANCE);
        try {
            files.put("spice/spice.json", manifest.render().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return String.format(Locale.ROOT, "%s: %d ngspice netlists (test rows 0..%d), reference outputs at %d Heun"
                + " steps per input point; check with: oscnet verify DIR/%s/spice", network.name(), rows, rows - 1,
                REFERENCE_SUBSTEPS, network.name());
    }
}
