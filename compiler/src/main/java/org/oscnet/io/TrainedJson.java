package org.oscnet.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.oscnet.model.Dataset;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.train.TrainedKuramoto;

/**
 * {@code trained.json}: a trained network's parameters in SI units and its training metrics.
 * {@link #SCHEMA} changes whenever a field changes meaning, so readers can refuse old files.
 */
public final class TrainedJson {
    public static final String SCHEMA = "oscnet.trained/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainedJson() {
    }

    public static String render(String oscnetVersion, String source, KuramotoNetwork network, Dataset dataset,
            Training training, TrainedKuramoto trained) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("oscnet", oscnetVersion);
        root.put("source", source);

        ObjectNode net = root.putObject("network");
        net.put("name", network.name());
        net.put("family", network.family());
        net.put("classifier", network.isReference() ? "reference" : "extended");
        net.put("oscillators", network.oscillators());
        net.put("coupling_hz", network.couplingHz());
        net.putArray("tuning_hz").add(network.tuningLowHz()).add(network.tuningHighHz());
        ArrayNode outputs = net.putArray("outputs");
        for (KuramotoNetwork.OutputPair pair : network.outputs()) {
            ObjectNode o = outputs.addObject();
            o.putArray("pair").add(pair.first()).add(pair.second());
            o.put("sync_class", dataset.classNames().get(pair.syncClass()));
        }
        ObjectNode sim = net.putObject("simulation");
        sim.put("step_s", network.simulation().step());
        sim.put("duration_s", network.simulation().duration());
        sim.put("readout_s", network.simulation().readout());
        sim.put("noise_linewidth_hz", network.simulation().noiseLinewidthHz());

        ObjectNode data = root.putObject("dataset");
        data.put("name", dataset.name());
        data.put("split", dataset.split());
        data.put("train_rows", dataset.train().size());
        data.put("test_rows", dataset.test().size());
        ArrayNode classes = data.putArray("classes");
        dataset.classNames().forEach(classes::add);

        ObjectNode how = root.putObject("training");
        how.put("method", training.method().keyword());
        if (training.method() instanceof TrainingMethod.OfflineGradient g) {
            how.put("squash", g.squashTanh() ? "tanh" : "none");
            how.put("init", g.dataInit() ? "data" : "random");
            how.put("balance", g.balanceClasses() ? "classes" : "none");
            how.put("locked", g.lockedDetuning() ? "detuning" : "jacobian");
        } else if (training.method() instanceof TrainingMethod.OnlineRule o) {
            how.put("rate_hz", o.rateHz());
        }
        how.put("optimizer", training.optimizer().kind().name().toLowerCase());
        how.put("learning_rate", training.optimizer().learningRate());
        how.put("iterations", training.steps());
        how.put("batch", training.batchSize() == 0 ? "all" : Integer.toString(training.batchSize()));
        how.put("seed", training.seed());
        how.put("restarts", training.restarts());
        how.put("chosen_restart", trained.chosenRestart());

        ObjectNode params = root.putObject("parameters");
        if (trained.inputWeightsHz().length > 0) {
            params.put("natural_frequency", "F_i = clip(sum_p W[i][p] * x_p + W[i][features], tuning_hz)");
            ArrayNode w = params.putArray("input_weights_hz");
            for (double[] row : trained.inputWeightsHz()) {
                ArrayNode r = w.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
        } else {
            params.put("natural_frequency", "input oscillator p: F = tuning_low + x_p * (tuning_high - tuning_low); "
                    + "others: tuned_frequencies_hz");
            ArrayNode f = params.putArray("tuned_frequencies_hz");
            for (double v : trained.tunedFrequenciesHz()) {
                if (Double.isNaN(v)) {
                    f.addNull();
                } else {
                    f.add(v);
                }
            }
        }

        ObjectNode metrics = root.putObject("metrics");
        metrics.put("train_accuracy", trained.trainAccuracy());
        metrics.put("test_accuracy", trained.testAccuracy());
        metrics.put("training_loss", trained.trainingLoss());
        metrics.put("wall_seconds", Math.round(trained.wallSeconds() * 100) / 100.0);
        addAll(metrics.putArray("loss_curve"), trained.lossCurve());
        addAll(metrics.putArray("train_accuracy_curve"), trained.accuracyCurve());
        addAll(metrics.putArray("restart_losses"), trained.restartLosses());
        ArrayNode confusion = metrics.putArray("test_confusion");
        for (int[] row : trained.confusion()) {
            ArrayNode r = confusion.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addAll(ArrayNode array, List<Double> values) {
        values.forEach(array::add);
    }
}
