package org.oscnet.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oscnet.model.Dataset;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.sim.RecurrentLayout;
import org.oscnet.train.TrainedRecurrent;

/**
 * {@code trained.json} of a {@code stno_rnn} network: per layer the external and internal weight
 * matrices ({@code [neuron][input]}, zero where the mask has no connection), the masks (0/1) and
 * the biases; the readout; and the learning curves. Schema {@link #SCHEMA}; written and read as the
 * records below.
 */
public final class RecurrentJson {
    public static final String SCHEMA = "oscnet.trained-stno_rnn/1";

    record Document(String schema, String oscnet, String source, String inputsSha256, Net network,
            DatasetInfo dataset, How training, Parameters parameters, Metrics metrics) {
    }

    /** {@code q} and {@code sigma} only for the paper's full STNO neuron. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Net(String name, String family, List<Integer> layers, int classes, String neuron, Double q, Double sigma,
            double densityInput, double densityInter, double densityIntra, double tauS, double gainHz,
            double highpassHz, double inputPeriodS, int substeps, String integrator, int synapses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record How(String method, double clipElement, String optimizer, double learningRate, double decayEpochs, int epochs,
            String batch, long seed, String init, double biasFloorThresholdUnits, double warmupEpochs,
            String initialBiases, double l2WeightPenalty, double decoupledWeightDecay, Double inputNoiseStd,
            Integer inputShiftPixels) {
    }

    /** Matrices are {@code [neuron][input]}; masks hold 0 or 1. */
    record Layer(double[][] externalWeights, double[][] externalMask, double[][] internalWeights,
            double[][] internalMask, double[] biases) {
    }

    record Readout(double[][] weights, double[] biases) {
    }

    record Parameters(String drive, List<Layer> layers, Readout readout) {
    }

    record Metrics(double trainAccuracy, double testAccuracy, double testAccuracyContinuous,
            int continuousHeunSubsteps, double trainLoss, double testLoss, double wallSeconds,
            double trainingStepSeconds, List<Double> trainLossCurve, List<Double> trainAccuracyCurve,
            List<Double> testLossCurve, List<Double> testAccuracyCurve, int[][] testConfusion) {
    }

    private RecurrentJson() {
    }

    public static String render(Provenance provenance, StnoRnnNetwork network, Dataset dataset,
            Training training, TrainedRecurrent trained) {
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        double[] p = trained.parameters();
        double[] mask = trained.mask();
        boolean full = network.neuron().full();
        Net net = new Net(network.name(), network.family(), network.layers(), network.classCount(),
                network.neuron().word(), full ? network.neuron().q() : null, full ? network.neuron().sigma() : null,
                network.density().input(), network.interDensity(), network.intraDensity(), network.tauSeconds(),
                network.gainHz(), network.highpassHz(), network.inputPeriodSeconds(), network.substeps(),
                network.integrator().word(), layout.synapses(mask));
        org.oscnet.model.TrainingMethod.Bptt bptt = (org.oscnet.model.TrainingMethod.Bptt) training.method();
        How how = new How(bptt.keyword(), bptt.clip(),
                training.optimizer().kind().name().toLowerCase(java.util.Locale.ROOT),
                training.optimizer().learningRate(), training.optimizer().decayEpochs(), training.steps(),
                training.batchSize() == 0 ? "all" : Integer.toString(training.batchSize()), trained.seed(),
                "each weight matrix uniform in +-" + bptt.init() + "/sqrt(columns), masked", bptt.floor(),
                bptt.warmup(), Double.isNaN(bptt.memorySeconds()) ? "0 (rest relaxation time tau)"
                        : "every neuron relaxes in " + bptt.memorySeconds() + " s at rest", bptt.l2(), bptt.wd(),
                bptt.noise() > 0 ? bptt.noise() : null, bptt.shift() > 0 ? bptt.shift() : null);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < network.layers().size(); l++) {
            int n = network.layers().get(l);
            layers.add(new Layer(matrix(p, layout.externalOffset(l), n, layout.inputs(l)),
                    matrix(mask, layout.externalOffset(l), n, layout.inputs(l)),
                    matrix(p, layout.internalOffset(l), n, n), matrix(mask, layout.internalOffset(l), n, n),
                    java.util.Arrays.copyOfRange(p, layout.biasOffset(l), layout.biasOffset(l) + n)));
        }
        Readout readout = new Readout(matrix(p, layout.readoutOffset(), network.classCount(),
                layout.lastLayerSize()), java.util.Arrays.copyOfRange(p, layout.readoutBiasOffset(),
                        layout.readoutBiasOffset() + network.classCount()));
        Parameters parameters = new Parameters("I = gain (W_ext o_prev + W_int o_same + b) + rest drive; layer 0:"
                + " o_prev = the input", layers, readout);
        Metrics metrics = new Metrics(trained.trainAccuracy(), trained.testAccuracy(),
                trained.continuousTestAccuracy(), org.oscnet.train.BpttTrainer.CONTINUOUS_SUBSTEPS,
                trained.trainLoss(), trained.testLoss(), Math.round(trained.wallSeconds() * 100) / 100.0,
                Math.round(trained.stepSeconds() * 100) / 100.0, trained.trainLossCurve(),
                trained.trainAccuracyCurve(), trained.testLossCurve(), trained.testAccuracyCurve(),
                trained.confusion());
        return JsonDocuments.write(new Document(SCHEMA, provenance.oscnet(), provenance.source(),
                provenance.inputsSha256(), net, DatasetInfo.of(dataset).withSequenceLength(dataset.featureCount()),
                how, parameters, metrics));
    }

    /** Reads a file {@link #render} wrote for {@code network}; refuses another schema, network or shape. */
    public static TrainedRecurrent read(Path file, StnoRnnNetwork network) throws IOException {
        Document d = JsonDocuments.read(file, SCHEMA, Document.class);
        List<Integer> sizes = d.network().layers() == null ? List.of() : d.network().layers();
        if (!network.name().equals(d.network().name()) || !sizes.equals(network.layers())
                || d.network().classes() != network.classCount()) {
            throw new IllegalArgumentException(file + " holds network `" + d.network().name() + "` with layers "
                    + sizes + ", not `" + network.name() + "` with layers " + network.layers()
                    + "; train again with `oscnet train`");
        }
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        double[] p = new double[layout.parameters()];
        double[] mask = new double[layout.parameters()];
        java.util.Arrays.fill(mask, 1);
        for (int l = 0; l < sizes.size(); l++) {
            Layer layer = d.parameters().layers().get(l);
            unmatrix(layer.externalWeights(), p, layout.externalOffset(l));
            unmatrix(layer.externalMask(), mask, layout.externalOffset(l));
            unmatrix(layer.internalWeights(), p, layout.internalOffset(l));
            unmatrix(layer.internalMask(), mask, layout.internalOffset(l));
            System.arraycopy(layer.biases(), 0, p, layout.biasOffset(l), layer.biases().length);
        }
        Readout readout = d.parameters().readout();
        unmatrix(readout.weights(), p, layout.readoutOffset());
        System.arraycopy(readout.biases(), 0, p, layout.readoutBiasOffset(), readout.biases().length);
        Metrics m = d.metrics();
        return new TrainedRecurrent(network.name(), p, mask, d.training().seed(), m.trainAccuracy(),
                m.testAccuracy(), m.testAccuracyContinuous(), m.trainLoss(), m.testLoss(), m.trainLossCurve(),
                m.trainAccuracyCurve(), m.testLossCurve(), m.testAccuracyCurve(), m.testConfusion(),
                m.wallSeconds(), m.trainingStepSeconds());
    }

    private static double[][] matrix(double[] values, int offset, int rows, int columns) {
        double[][] matrix = new double[rows][];
        for (int i = 0; i < rows; i++) {
            matrix[i] = java.util.Arrays.copyOfRange(values, offset + i * columns, offset + (i + 1) * columns);
        }
        return matrix;
    }

    private static void unmatrix(double[][] rows, double[] into, int offset) {
        int at = offset;
        for (double[] row : rows) {
            System.arraycopy(row, 0, into, at, row.length);
            at += row.length;
        }
    }
}
