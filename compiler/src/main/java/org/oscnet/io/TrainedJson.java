package org.oscnet.io;

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

    private TrainedJson() {
    }

    public static String render(Provenance provenance, KuramotoNetwork network, Dataset dataset,
            Training training, TrainedKuramoto trained) {
        ObjectNode root = JsonArrays.document(SCHEMA);
        provenance.writeTo(root);

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
            how.put("init", g.init().word());
            how.put("balance", g.balanceClasses() ? "classes" : "none");
            how.put("locked", g.locked().word());
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
        how.put("start", trained.start());

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
        JsonArrays.putMatrix(metrics.putArray("test_confusion"), trained.confusion());
        return JsonArrays.text(root);
    }

    /**
     * Reads the parameters and metrics back for {@code network}; refuses a file of another schema
     * or another network with a message saying what to do.
     */
    public static TrainedKuramoto read(java.nio.file.Path file, KuramotoNetwork network) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode root = JsonArrays.read(file, SCHEMA);
        String name = root.path("network").path("name").asText("");
        int n = root.path("network").path("oscillators").asInt(-1);
        if (!network.name().equals(name) || n != network.oscillators()) {
            throw new IllegalArgumentException(file + " holds network `" + name + "` with " + n
                    + " oscillators, not `" + network.name() + "` with " + network.oscillators()
                    + "; train again with `oscnet train`");
        }
        com.fasterxml.jackson.databind.JsonNode params = root.path("parameters");
        double[][] weights = new double[0][];
        double[] tuned = new double[0];
        if (params.has("input_weights_hz")) {
            com.fasterxml.jackson.databind.JsonNode w = params.get("input_weights_hz");
            weights = new double[w.size()][];
            for (int i = 0; i < w.size(); i++) {
                weights[i] = new double[w.get(i).size()];
                for (int p = 0; p < weights[i].length; p++) {
                    weights[i][p] = w.get(i).get(p).asDouble();
                }
            }
        } else {
            com.fasterxml.jackson.databind.JsonNode f = params.path("tuned_frequencies_hz");
            tuned = new double[f.size()];
            for (int i = 0; i < tuned.length; i++) {
                tuned[i] = f.get(i).isNull() ? Double.NaN : f.get(i).asDouble();
            }
        }
        com.fasterxml.jackson.databind.JsonNode metrics = root.path("metrics");
        int[][] confusion = JsonArrays.intMatrix(metrics.path("test_confusion"));
        return new TrainedKuramoto(name, weights, tuned, metrics.path("train_accuracy").asDouble(),
                metrics.path("test_accuracy").asDouble(), metrics.path("training_loss").asDouble(),
                JsonArrays.doubles(metrics.path("loss_curve")),
                JsonArrays.doubles(metrics.path("train_accuracy_curve")),
                JsonArrays.doubles(metrics.path("restart_losses")),
                root.path("training").path("chosen_restart").asInt(),
                root.path("training").path("start").asText(""), confusion, metrics.path("wall_seconds").asDouble());
    }


    private static void addAll(ArrayNode array, List<Double> values) {
        values.forEach(array::add);
    }
}
