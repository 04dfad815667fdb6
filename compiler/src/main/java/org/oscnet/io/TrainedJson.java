package org.oscnet.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oscnet.model.Dataset;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.train.TrainedKuramoto;

/**
 * {@code trained.json} of a Kuramoto network: its parameters in SI units and its training
 * metrics, written and read as the records below (Jackson, snake_case names).
 * {@link #SCHEMA} changes whenever a field changes meaning, so readers can refuse old files.
 */
public final class TrainedJson {
    public static final String SCHEMA = "oscnet.trained/1";

    /** The whole file. */
    record Document(String schema, String oscnet, String source, String inputsSha256, Net network,
            DatasetInfo dataset, How training, Parameters parameters, Metrics metrics) {
    }

    record Net(String name, String family, String classifier, int oscillators, double couplingHz, double[] tuningHz,
            List<Output> outputs, Simulation simulation) {
    }

    record Output(int[] pair, String syncClass) {
    }

    record Simulation(double stepS, double durationS, double readoutS, double noiseLinewidth) {
    }

    /** Method-specific fields are absent for the other method: jacobian..locked (offline), rate_hz (online). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record How(String method, String jacobian, String squash, String init, String balance, String locked, Double rateHz,
            String optimizer, double learningRate, int iterations, String batch, long seed, int restarts,
            int chosenRestart, String start) {
    }

    /** Either input weights (extended classifier) or tuned frequencies (reference; null for input oscillators). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameters(String naturalFrequency, double[][] inputWeightsHz, List<Double> tunedFrequenciesHz) {
    }

    record Metrics(double trainAccuracy, double testAccuracy, double trainingLoss, double wallSeconds,
            List<Double> lossCurve, List<Double> trainAccuracyCurve, List<Double> restartLosses,
            int[][] testConfusion) {
    }

    private TrainedJson() {
    }

    public static String render(Provenance provenance, KuramotoNetwork network, Dataset dataset,
            Training training, TrainedKuramoto trained) {
        List<Output> outputs = network.outputs().stream()
                .map(p -> new Output(new int[] {p.first(), p.second()}, dataset.classNames().get(p.syncClass())))
                .toList();
        Net net = new Net(network.name(), network.family(), network.isReference() ? "reference" : "extended",
                network.oscillators(), network.couplingHz(),
                new double[] {network.tuningLowHz(), network.tuningHighHz()}, outputs,
                new Simulation(network.simulation().step(), network.simulation().duration(),
                        network.simulation().readout(), network.simulation().noiseLinewidth()));

        TrainingMethod method = training.method();
        TrainingMethod.OfflineGradient offline = method instanceof TrainingMethod.OfflineGradient g ? g : null;
        Double rate = method instanceof TrainingMethod.OnlineRule o ? o.rateHz() : null;
        How how = new How(method.keyword(),
                offline == null ? null : offline.jacobian().word(),
                offline == null ? null : offline.squashTanh() ? "tanh" : "none",
                offline == null ? null : offline.init().word(),
                offline == null ? null : offline.balanceClasses() ? "classes" : "none",
                offline == null ? null : offline.locked().word(),
                rate, training.optimizer().kind().name().toLowerCase(), training.optimizer().learningRate(),
                training.steps(), training.batchSize() == 0 ? "all" : Integer.toString(training.batchSize()),
                training.seed(), training.restarts(), trained.chosenRestart(), trained.start());

        Parameters parameters;
        if (trained.inputWeightsHz().length > 0) {
            parameters = new Parameters("F_i = clip(sum_p W[i][p] * x_p + W[i][features], tuning_hz)",
                    trained.inputWeightsHz(), null);
        } else {
            List<Double> tuned = new ArrayList<>();
            for (double v : trained.tunedFrequenciesHz()) {
                tuned.add(Double.isNaN(v) ? null : v);
            }
            parameters = new Parameters("input oscillator p: F = tuning_low + x_p * (tuning_high - tuning_low); "
                    + "others: tuned_frequencies_hz", null, tuned);
        }

        Metrics metrics = new Metrics(trained.trainAccuracy(), trained.testAccuracy(), trained.trainingLoss(),
                Math.round(trained.wallSeconds() * 100) / 100.0, trained.lossCurve(), trained.accuracyCurve(),
                trained.restartLosses(), trained.confusion());
        return JsonDocuments.write(new Document(SCHEMA, provenance.oscnet(), provenance.source(),
                provenance.inputsSha256(), net, DatasetInfo.of(dataset), how, parameters, metrics));
    }

    /**
     * Reads the parameters and metrics back for {@code network}; refuses a file of another schema
     * or another network with a message saying what to do.
     */
    public static TrainedKuramoto read(Path file, KuramotoNetwork network) throws IOException {
        Document d = JsonDocuments.read(file, SCHEMA, Document.class);
        if (!network.name().equals(d.network().name()) || d.network().oscillators() != network.oscillators()) {
            throw new IllegalArgumentException(file + " holds network `" + d.network().name() + "` with "
                    + d.network().oscillators() + " oscillators, not `" + network.name() + "` with "
                    + network.oscillators() + "; train again with `oscnet train`");
        }
        double[][] weights = d.parameters().inputWeightsHz() == null ? new double[0][]
                : d.parameters().inputWeightsHz();
        double[] tuned = new double[0];
        if (d.parameters().inputWeightsHz() == null) {
            List<Double> f = d.parameters().tunedFrequenciesHz() == null ? List.of()
                    : d.parameters().tunedFrequenciesHz();
            tuned = new double[f.size()];
            for (int i = 0; i < tuned.length; i++) {
                tuned[i] = f.get(i) == null ? Double.NaN : f.get(i);
            }
        }
        Metrics m = d.metrics();
        return new TrainedKuramoto(d.network().name(), weights, tuned, m.trainAccuracy(), m.testAccuracy(),
                m.trainingLoss(), m.lossCurve(), m.trainAccuracyCurve(), m.restartLosses(),
                d.training().chosenRestart(), d.training().start() == null ? "" : d.training().start(),
                m.testConfusion(), m.wallSeconds());
    }
}
