package org.oscnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * the biases; the readout; and the learning curves. Schema {@link #SCHEMA}.
 */
public final class RecurrentJson {
    public static final String SCHEMA = "oscnet.trained-stno_rnn/1";

    private RecurrentJson() {
    }

    public static String render(Provenance provenance, StnoRnnNetwork network, Dataset dataset,
            Training training, TrainedRecurrent trained) {
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        double[] p = trained.parameters();
        double[] mask = trained.mask();
        ObjectNode root = JsonArrays.document(SCHEMA);
        provenance.writeTo(root);
        ObjectNode net = root.putObject("network");
        net.put("name", network.name());
        net.put("family", network.family());
        ArrayNode sizes = net.putArray("layers");
        network.layers().forEach(sizes::add);
        net.put("classes", network.classCount());
        net.put("neuron", network.neuron().word());
        if (network.neuron().full()) {
            net.put("q", network.neuron().q());
            net.put("sigma", network.neuron().sigma());
        }
        net.put("density_input", network.density().input());
        net.put("density_inter", network.interDensity());
        net.put("density_intra", network.intraDensity());
        net.put("tau_s", network.tauSeconds());
        net.put("gain_hz", network.gainHz());
        net.put("highpass_hz", network.highpassHz());
        net.put("input_period_s", network.inputPeriodSeconds());
        net.put("substeps", network.substeps());
        net.put("integrator", network.integrator().word());
        net.put("synapses", layout.synapses(mask));

        ObjectNode data = root.putObject("dataset");
        data.put("name", dataset.name());
        data.put("split", dataset.split());
        data.put("train_rows", dataset.train().size());
        data.put("test_rows", dataset.test().size());
        data.put("sequence_length", dataset.featureCount());

        ObjectNode how = root.putObject("training");
        how.put("method", training.method().keyword());
        org.oscnet.model.TrainingMethod.Bptt bptt = (org.oscnet.model.TrainingMethod.Bptt) training.method();
        how.put("clip_element", bptt.clip());
        how.put("optimizer", training.optimizer().kind().name().toLowerCase(java.util.Locale.ROOT));
        how.put("learning_rate", training.optimizer().learningRate());
        how.put("decay_epochs", training.optimizer().decayEpochs());
        how.put("epochs", training.steps());
        how.put("batch", training.batchSize() == 0 ? "all" : Integer.toString(training.batchSize()));
        how.put("seed", trained.seed());
        how.put("init", "each weight matrix uniform in +-" + bptt.init() + "/sqrt(columns), masked");
        how.put("bias_floor_threshold_units", bptt.floor());
        how.put("warmup_epochs", bptt.warmup());
        how.put("initial_biases", Double.isNaN(bptt.memorySeconds()) ? "0 (rest relaxation time tau)"
                : "every neuron relaxes in " + bptt.memorySeconds() + " s at rest");

        ObjectNode params = root.putObject("parameters");
        params.put("drive", "I = gain (W_ext o_prev + W_int o_same + b) + rest drive; layer 0: o_prev = the input");
        ArrayNode layers = params.putArray("layers");
        for (int l = 0; l < network.layers().size(); l++) {
            int n = network.layers().get(l);
            ObjectNode layer = layers.addObject();
            matrix(layer.putArray("external_weights"), p, layout.externalOffset(l), n, layout.inputs(l));
            matrix(layer.putArray("external_mask"), mask, layout.externalOffset(l), n, layout.inputs(l));
            matrix(layer.putArray("internal_weights"), p, layout.internalOffset(l), n, n);
            matrix(layer.putArray("internal_mask"), mask, layout.internalOffset(l), n, n);
            ArrayNode biases = layer.putArray("biases");
            for (int i = 0; i < n; i++) {
                biases.add(p[layout.biasOffset(l) + i]);
            }
        }
        ObjectNode readout = params.putObject("readout");
        matrix(readout.putArray("weights"), p, layout.readoutOffset(), network.classCount(), layout.lastLayerSize());
        ArrayNode readoutBiases = readout.putArray("biases");
        for (int c = 0; c < network.classCount(); c++) {
            readoutBiases.add(p[layout.readoutBiasOffset() + c]);
        }

        ObjectNode metrics = root.putObject("metrics");
        metrics.put("train_accuracy", trained.trainAccuracy());
        metrics.put("test_accuracy", trained.testAccuracy());
        metrics.put("test_accuracy_continuous", trained.continuousTestAccuracy());
        metrics.put("continuous_heun_substeps", org.oscnet.train.BpttTrainer.CONTINUOUS_SUBSTEPS);
        metrics.put("train_loss", trained.trainLoss());
        metrics.put("test_loss", trained.testLoss());
        metrics.put("wall_seconds", Math.round(trained.wallSeconds() * 100) / 100.0);
        metrics.put("training_step_seconds", Math.round(trained.stepSeconds() * 100) / 100.0);
        trained.trainLossCurve().forEach(metrics.putArray("train_loss_curve")::add);
        trained.trainAccuracyCurve().forEach(metrics.putArray("train_accuracy_curve")::add);
        trained.testLossCurve().forEach(metrics.putArray("test_loss_curve")::add);
        trained.testAccuracyCurve().forEach(metrics.putArray("test_accuracy_curve")::add);
        JsonArrays.putMatrix(metrics.putArray("test_confusion"), trained.confusion());
        return JsonArrays.text(root);
    }

    /** Reads a file {@link #render} wrote for {@code network}; refuses another schema, network or shape. */
    public static TrainedRecurrent read(Path file, StnoRnnNetwork network) throws IOException {
        JsonNode root = JsonArrays.read(file, SCHEMA);
        JsonNode net = root.path("network");
        List<Integer> sizes = new ArrayList<>();
        net.path("layers").forEach(v -> sizes.add(v.asInt()));
        if (!network.name().equals(net.path("name").asText()) || !sizes.equals(network.layers())
                || net.path("classes").asInt() != network.classCount()) {
            throw new IllegalArgumentException(file + " holds network `" + net.path("name").asText() + "` with layers "
                    + sizes + ", not `" + network.name() + "` with layers " + network.layers()
                    + "; train again with `oscnet train`");
        }
        RecurrentLayout layout = new RecurrentLayout(network.layers(), network.classCount());
        double[] p = new double[layout.parameters()];
        double[] mask = new double[layout.parameters()];
        java.util.Arrays.fill(mask, 1);
        JsonNode layers = root.path("parameters").path("layers");
        for (int l = 0; l < sizes.size(); l++) {
            JsonNode layer = layers.path(l);
            unmatrix(layer.path("external_weights"), p, layout.externalOffset(l));
            unmatrix(layer.path("external_mask"), mask, layout.externalOffset(l));
            unmatrix(layer.path("internal_weights"), p, layout.internalOffset(l));
            unmatrix(layer.path("internal_mask"), mask, layout.internalOffset(l));
            JsonNode biases = layer.path("biases");
            for (int i = 0; i < biases.size(); i++) {
                p[layout.biasOffset(l) + i] = biases.get(i).asDouble();
            }
        }
        JsonNode readout = root.path("parameters").path("readout");
        unmatrix(readout.path("weights"), p, layout.readoutOffset());
        JsonNode readoutBiases = readout.path("biases");
        for (int c = 0; c < readoutBiases.size(); c++) {
            p[layout.readoutBiasOffset() + c] = readoutBiases.get(c).asDouble();
        }
        JsonNode metrics = root.path("metrics");
        int[][] confusion = JsonArrays.intMatrix(metrics.path("test_confusion"));
        return new TrainedRecurrent(network.name(), p, mask, root.path("training").path("seed").asLong(),
                metrics.path("train_accuracy").asDouble(), metrics.path("test_accuracy").asDouble(),
                metrics.path("test_accuracy_continuous").asDouble(),
                metrics.path("train_loss").asDouble(), metrics.path("test_loss").asDouble(),
                JsonArrays.doubles(metrics.path("train_loss_curve")),
                JsonArrays.doubles(metrics.path("train_accuracy_curve")),
                JsonArrays.doubles(metrics.path("test_loss_curve")),
                JsonArrays.doubles(metrics.path("test_accuracy_curve")), confusion,
                metrics.path("wall_seconds").asDouble(), metrics.path("training_step_seconds").asDouble());
    }

    private static void matrix(ArrayNode into, double[] values, int offset, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            ArrayNode row = into.addArray();
            for (int j = 0; j < columns; j++) {
                row.add(values[offset + i * columns + j]);
            }
        }
    }

    private static void unmatrix(JsonNode rows, double[] into, int offset) {
        int at = offset;
        for (JsonNode row : rows) {
            for (JsonNode v : row) {
                into[at++] = v.asDouble();
            }
        }
    }

}
