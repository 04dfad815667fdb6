package org.oscnet.io;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 * {@code trained.json} of an {@code xy} or {@code stuart_landau} network: the couplings as an edge list {@code [low, high,
 * W]} over units numbered inputs first, then hidden, then outputs; the bias strength {@code h} and
 * phase {@code ψ} (radians) of every free unit; with dispersion, each free unit's natural-frequency
 * offset from the mean (units of the mean angular frequency); the metrics and learning curves. Schema
 * {@link #SCHEMA}; written and read as the records below.
 */
public final class EquilibriumJson {
    public static final String SCHEMA = "oscnet.trained-xy/1";

    record Document(String schema, String oscnet, String source, String inputsSha256, Net network,
            DatasetInfo dataset, How training, Parameters parameters, Metrics metrics) {
    }

    /** {@code layers} for a layered network, {@code units} and {@code connect} for an all-to-all one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Net(String name, String family, Integer units, String connect, List<Integer> layers, int inputs,
            int outputs, double inputPhaseLowRad, double inputPhaseHighRad, double targetPhaseRad,
            double otherPhaseRad, double step, double duration, String integrator, double tolerance, Double amplitude,
            Double dispersion, Double noiseLinewidth) {
    }

    /** {@code testStarts} only when each checkpoint drew its own ({@code starts fresh}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record How(String method, double beta, String nudge, String testStarts, String optimizer, double learningRate,
            int iterations, String batch, long seed) {
    }

    /** One coupling, written as the array {@code [low, high, W]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"low", "high", "weight"})
    record Edge(int low, int high, double weight) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameters(String energy, List<Edge> edges, double[] bias, double[] biasPhaseRad, double[] frequencyOffsets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metrics(double trainAccuracy, double testAccuracy, double bestTestAccuracy, int bestStep,
            double chosenTestAccuracy, int chosenStep, double unsettledFraction, Double unlockedFraction,
            Double unlockedTestAccuracy,
            double meanFreeSteps,
            double meanNudgedSteps, double wallSeconds, double trainingStepSeconds, List<Integer> checkpoints,
            List<Double> trainCostCurve, List<Double> trainAccuracyCurve, List<Double> testAccuracyCurve,
            int[][] testConfusion) {
    }

    private EquilibriumJson() {
    }

    public static String render(Provenance provenance, EquilibriumNetwork network, Dataset dataset,
            Training training, TrainedEquilibrium trained) {
        XyLayout layout = XyLayout.of(network);
        double[] p = trained.parameters();
        boolean stuartLandau = network.kind() == EquilibriumNetwork.Kind.STUART_LANDAU;
        Net net = new Net(network.name(), network.family(), network.allToAll() ? layout.units() : null,
                network.allToAll() ? "all to all" : null, network.allToAll() ? null : network.layers(),
                layout.inputs(), layout.outputs(), network.inputPhaseLow(), network.inputPhaseHigh(),
                network.targetPhase(), network.otherPhase(), network.simulation().step(),
                network.simulation().duration(), network.relaxation().solver().word(),
                network.relaxation().tolerance(), stuartLandau ? network.amplitude() : null,
                network.frequencyDispersion() == 0 ? null : network.frequencyDispersion(),
                network.simulation().noiseLinewidth() == 0 ? null : network.simulation().noiseLinewidth());
        TrainingMethod.EquilibriumPropagation ep = (TrainingMethod.EquilibriumPropagation) training.method();
        How how = new How(ep.keyword(), ep.beta(), ep.symmetric() ? "symmetric" : "positive",
                ep.freshTestStarts() ? "fresh at every checkpoint" : null,
                training.optimizer().kind().name().toLowerCase(java.util.Locale.ROOT),
                training.optimizer().learningRate(), training.steps(),
                (training.batchSize() == 0 ? "all" : Integer.toString(training.batchSize()))
                        + (training.batchPerClass() ? " per class" : ""), trained.seed());
        List<Edge> edges = new ArrayList<>();
        for (int e = 0; e < layout.edges(); e++) {
            edges.add(new Edge(layout.edgeLow(e), layout.edgeHigh(e), p[e]));
        }
        double[] h = new double[layout.free()];
        double[] psi = new double[layout.free()];
        for (int f = 0; f < layout.free(); f++) {
            h[f] = p[layout.biasOffset() + f];
            psi[f] = p[layout.biasPhaseOffset() + f];
        }
        String energy = stuartLandau
                ? "E = sum_free (|z|^4/4 - mu |z|^2/2) - sum_edges W Re(z_low conj(z_high)) - sum_free h Re(z e^(-i psi)),"
                        + " mu = amplitude^2"
                : "E = -sum_edges W cos(phi_low - phi_high) - sum_free h cos(phi - psi)";
        Parameters parameters = new Parameters(energy, edges, h, psi, network.frequencyDispersion() == 0 ? null
                : org.oscnet.train.EquilibriumTrainer.deviceOffsets(network, trained));
        Metrics metrics = new Metrics(trained.trainAccuracy(), trained.testAccuracy(), trained.bestTestAccuracy(),
                trained.bestStep(), trained.chosenTestAccuracy(), trained.chosenStep(), trained.unsettledFraction(), trained.unlockedFraction(),
                Double.isNaN(trained.unlockedTestAccuracy()) ? null : trained.unlockedTestAccuracy(),
                Math.round(trained.meanFreeSteps() * 10) / 10.0, Math.round(trained.meanNudgedSteps() * 10) / 10.0,
                Math.round(trained.wallSeconds() * 100) / 100.0, Math.round(trained.stepSeconds() * 1000) / 1000.0,
                trained.checkpoints(), trained.trainCostCurve(), trained.trainAccuracyCurve(),
                trained.testAccuracyCurve(), trained.confusion());
        return JsonDocuments.write(new Document(SCHEMA, provenance.oscnet(), provenance.source(),
                provenance.inputsSha256(), net, DatasetInfo.of(dataset), how, parameters, metrics));
    }

    /** Reads a file {@link #render} wrote for {@code network}; refuses another schema, network or shape. */
    public static TrainedEquilibrium read(Path file, EquilibriumNetwork network) throws IOException {
        Document d = JsonDocuments.read(file, SCHEMA, Document.class);
        XyLayout layout = XyLayout.of(network);
        List<Edge> edges = d.parameters().edges();
        if (!network.name().equals(d.network().name()) || edges.size() != layout.edges()
                || d.network().outputs() != layout.outputs()) {
            throw new IllegalArgumentException(file + " holds network `" + d.network().name() + "` with "
                    + edges.size() + " couplings, not `" + network.name() + "` with " + layout.edges()
                    + "; train again with `oscnet train`");
        }
        double[] p = new double[layout.parameterCount()];
        for (int e = 0; e < layout.edges(); e++) {
            Edge edge = edges.get(e);
            if (edge.low() != layout.edgeLow(e) || edge.high() != layout.edgeHigh(e)) {
                throw new IllegalArgumentException(file + ": coupling " + e + " joins units " + edge.low() + " and "
                        + edge.high() + ", the network has " + layout.edgeLow(e) + " and " + layout.edgeHigh(e)
                        + " there; train again with `oscnet train`");
            }
            p[e] = edge.weight();
        }
        for (int f = 0; f < layout.free(); f++) {
            p[layout.biasOffset() + f] = d.parameters().bias()[f];
            p[layout.biasPhaseOffset() + f] = d.parameters().biasPhaseRad()[f];
        }
        Metrics m = d.metrics();
        return new TrainedEquilibrium(network.name(), p, d.training().seed(), m.trainAccuracy(), m.testAccuracy(),
                m.bestTestAccuracy(), m.bestStep(), m.chosenTestAccuracy(), m.chosenStep(), m.checkpoints(),
                m.trainCostCurve(), m.trainAccuracyCurve(), m.testAccuracyCurve(), m.testConfusion(),
                m.unsettledFraction(), m.unlockedFraction() == null ? Double.NaN : m.unlockedFraction(),
                m.unlockedTestAccuracy() == null ? Double.NaN : m.unlockedTestAccuracy(),
                m.meanFreeSteps(), m.meanNudgedSteps(), m.wallSeconds(),
                m.trainingStepSeconds());
    }
}
