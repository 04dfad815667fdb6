package org.oscnet.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code spice/spice.json} of a {@code stno_rnn} network: which netlists to run, the readout that
 * turns their outputs into class probabilities, and the simulator's reference outputs.
 *
 * @param referenceOutputs the simulator's last-layer outputs per sample with fine Heun steps
 *     ({@code referenceSubsteps} per input point): the continuous-time model the netlist integrates
 * @param trainedProbabilities class probabilities at the trained integration (what training and the
 *     accuracy figures use)
 * @param tolerance largest allowed difference of a class probability between ngspice and the reference
 */
public record RecurrentSpiceJson(String schema, String version, String source, String network, List<Integer> rows,
        List<Integer> labels, List<String> classNames, List<String> netlists, double[][] readoutWeights,
        double[] readoutBiases, int referenceSubsteps, double[][] referenceOutputs, double[][] referenceProbabilities,
        double[][] trainedProbabilities, double tolerance) {
    public static final String SCHEMA = "oscnet.spice-stno_rnn/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render() throws IOException {
        return MAPPER.writeValueAsString(this) + "\n";
    }

    public static RecurrentSpiceJson read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), RecurrentSpiceJson.class);
    }

    /** The schema a spice.json declares, to tell the families' manifests apart. */
    public static String schemaOf(Path file) throws IOException {
        return MAPPER.readTree(file.toFile()).path("schema").asText("");
    }

    /** Softmax of the readout applied to last-layer outputs {@code y}. */
    public double[] probabilities(double[] y) {
        int classes = readoutBiases.length;
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            z[c] = readoutBiases[c];
            for (int j = 0; j < y.length; j++) {
                z[c] += readoutWeights[c][j] * y[j];
            }
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < classes; c++) {
            z[c] /= sum;
        }
        return z;
    }
}
