package org.oscnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.sim.XyLayout;
import org.oscnet.train.TrainedEquilibrium;

/**
 * {@code trained.json} of an {@code xy} network: the couplings as an edge list {@code [low, high,
 * W]} over units numbered inputs first, then hidden, then outputs; the bias strength {@code h} and
 * phase {@code ψ} (radians) of every free unit; the metrics and learning curves. Schema
 * {@link #SCHEMA}.
 */
public final class EquilibriumJson {
    public static final String SCHEMA = "oscnet.trained-xy/1";

    private EquilibriumJson() {
    }

    public static String render(Provenance provenance, EquilibriumNetwork network, Dataset dataset,
            Training training, TrainedEquilibrium trained) {
        XyLayout layout = XyLayout.of(network);
        double[] p = trained.parameters();
        ObjectNode root = JsonArrays.document(SCHEMA);
        provenance.writeTo(root);
        ObjectNode net = root.putObject("network");
        net.put("name", network.name());
        net.put("family", network.family());
        if (network.allToAll()) {
            net.put("units", layout.units());
            net.put("connect", "all to all");
        } else {
            ArrayNode sizes = net.putArray("layers");
            network.layers().forEach(sizes::add);
        }
        net.put("inputs", layout.inputs());
        net.put("outputs", layout.outputs());
        net.put("input_phase_low_rad", network.inputPhaseLow());
        net.put("input_phase_high_rad", network.inputPhaseHigh());
        net.put("target_phase_rad", network.targetPhase());
        net.put("other_phase_rad", network.otherPhase());
        net.put("step", network.simulation().step());
        net.put("duration", network.simulation().duration());
        net.put("integrator", network.relaxation().solver().word());
        net.put("tolerance", network.relaxation().tolerance());

        ObjectNode data = root.putObject("dataset");
        data.put("name", dataset.name());
        data.put("split", dataset.split());
        data.put("train_rows", dataset.train().size());
        data.put("test_rows", dataset.test().size());

        ObjectNode how = root.putObject("training");
        TrainingMethod.EquilibriumPropagation ep = (TrainingMethod.EquilibriumPropagation) training.method();
        how.put("method", training.method().keyword());
        how.put("beta", ep.beta());
        how.put("nudge", ep.symmetric() ? "symmetric" : "positive");
        how.put("optimizer", training.optimizer().kind().name().toLowerCase(java.util.Locale.ROOT));
        how.put("learning_rate", training.optimizer().learningRate());
        how.put("iterations", training.steps());
        how.put("batch", (training.batchSize() == 0 ? "all" : Integer.toString(training.batchSize()))
                + (training.batchPerClass() ? " per class" : ""));
        how.put("seed", trained.seed());

        ObjectNode params = root.putObject("parameters");
        params.put("energy", "E = -sum_edges W cos(phi_low - phi_high) - sum_free h cos(phi - psi)");
        ArrayNode edges = params.putArray("edges");
        for (int e = 0; e < layout.edges(); e++) {
            edges.addArray().add(layout.edgeLow(e)).add(layout.edgeHigh(e)).add(p[e]);
        }
        ArrayNode h = params.putArray("bias");
        ArrayNode psi = params.putArray("bias_phase_rad");
        for (int f = 0; f < layout.free(); f++) {
            h.add(p[layout.biasOffset() + f]);
            psi.add(p[layout.biasPhaseOffset() + f]);
        }

        ObjectNode metrics = root.putObject("metrics");
        metrics.put("train_accuracy", trained.trainAccuracy());
        metrics.put("test_accuracy", trained.testAccuracy());
        metrics.put("best_test_accuracy", trained.bestTestAccuracy());
        metrics.put("best_step", trained.bestStep());
        metrics.put("chosen_test_accuracy", trained.chosenTestAccuracy());
        metrics.put("chosen_step", trained.chosenStep());
        metrics.put("unsettled_fraction", trained.unsettledFraction());
        metrics.put("mean_free_steps", Math.round(trained.meanFreeSteps() * 10) / 10.0);
        metrics.put("mean_nudged_steps", Math.round(trained.meanNudgedSteps() * 10) / 10.0);
        metrics.put("wall_seconds", Math.round(trained.wallSeconds() * 100) / 100.0);
        metrics.put("training_step_seconds", Math.round(trained.stepSeconds() * 1000) / 1000.0);
        trained.checkpoints().forEach(metrics.putArray("checkpoints")::add);
        trained.trainCostCurve().forEach(metrics.putArray("train_cost_curve")::add);
        trained.trainAccuracyCurve().forEach(metrics.putArray("train_accuracy_curve")::add);
        trained.testAccuracyCurve().forEach(metrics.putArray("test_accuracy_curve")::add);
        JsonArrays.putMatrix(metrics.putArray("test_confusion"), trained.confusion());
        return JsonArrays.text(root);
    }

    /** Reads a file {@link #render} wrote for {@code network}; refuses another schema, network or shape. */
    public static TrainedEquilibrium read(Path file, EquilibriumNetwork network) throws IOException {
        JsonNode root = JsonArrays.read(file, SCHEMA);
        XyLayout layout = XyLayout.of(network);
        JsonNode net = root.path("network");
        JsonNode edges = root.path("parameters").path("edges");
        if (!network.name().equals(net.path("name").asText()) || edges.size() != layout.edges()
                || net.path("outputs").asInt() != layout.outputs()) {
            throw new IllegalArgumentException(file + " holds network `" + net.path("name").asText() + "` with "
                    + edges.size() + " couplings, not `" + network.name() + "` with " + layout.edges()
                    + "; train again with `oscnet train`");
        }
        double[] p = new double[layout.parameterCount()];
        for (int e = 0; e < layout.edges(); e++) {
            JsonNode edge = edges.get(e);
            if (edge.get(0).asInt() != layout.edgeLow(e) || edge.get(1).asInt() != layout.edgeHigh(e)) {
                throw new IllegalArgumentException(file + ": coupling " + e + " joins units " + edge.get(0) + " and "
                        + edge.get(1) + ", the network has " + layout.edgeLow(e) + " and " + layout.edgeHigh(e)
                        + " there; train again with `oscnet train`");
            }
            p[e] = edge.get(2).asDouble();
        }
        JsonNode h = root.path("parameters").path("bias");
        JsonNode psi = root.path("parameters").path("bias_phase_rad");
        for (int f = 0; f < layout.free(); f++) {
            p[layout.biasOffset() + f] = h.path(f).asDouble();
            p[layout.biasPhaseOffset() + f] = psi.path(f).asDouble();
        }
        JsonNode m = root.path("metrics");
        List<Integer> checkpoints = new ArrayList<>();
        m.path("checkpoints").forEach(v -> checkpoints.add(v.asInt()));
        return new TrainedEquilibrium(network.name(), p, root.path("training").path("seed").asLong(),
                m.path("train_accuracy").asDouble(), m.path("test_accuracy").asDouble(),
                m.path("best_test_accuracy").asDouble(), m.path("best_step").asInt(),
                m.path("chosen_test_accuracy").asDouble(), m.path("chosen_step").asInt(), checkpoints,
                JsonArrays.doubles(m.path("train_cost_curve")), JsonArrays.doubles(m.path("train_accuracy_curve")),
                JsonArrays.doubles(m.path("test_accuracy_curve")), JsonArrays.intMatrix(m.path("test_confusion")),
                m.path("unsettled_fraction").asDouble(), m.path("mean_free_steps").asDouble(),
                m.path("mean_nudged_steps").asDouble(), m.path("wall_seconds").asDouble(),
                m.path("training_step_seconds").asDouble());
    }
}
