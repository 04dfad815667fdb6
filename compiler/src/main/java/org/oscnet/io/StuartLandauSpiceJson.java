package org.oscnet.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code spice/spice.json} of a {@code stuart_landau} network: which netlists to run (one per test
 * row) and the simulator's reference for each, the free units' complex states at the end of the
 * same relaxation.
 *
 * @param reference how the simulator integrated the reference (the solver and its tolerances)
 * @param referenceStates per sample, {@code Re z} of every free unit then {@code Im z}, from the
 *     simulator's relaxation from the netlist's initial condition to the same end time
 * @param referenceClasses the class the simulator predicts from those states
 * @param phaseTolerance largest allowed difference of a free unit's phase (radians) between ngspice
 *     and the reference; {@code amplitudeTolerance} likewise for |z|
 */
public record StuartLandauSpiceJson(String schema, String version, String source, String network, List<Integer> rows,
        List<Integer> labels, List<String> classNames, List<String> netlists, int free, int firstOutput,
        double duration, String reference, double[][] referenceStates, int[] referenceClasses,
        double phaseTolerance, double amplitudeTolerance) {
    public static final String SCHEMA = "oscnet.spice-stuart_landau/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render() throws IOException {
        return MAPPER.writeValueAsString(this) + "\n";
    }

    public static StuartLandauSpiceJson read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), StuartLandauSpiceJson.class);
    }

    /** The class of a state laid out as {@link #referenceStates}: the output with the largest sin φ. */
    public int prediction(double[] state) {
        int best = 0;
        double largest = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < classNames.size(); o++) {
            int f = firstOutput + o;
            double s = state[free + f] / Math.hypot(state[f], state[free + f]);
            if (s > largest) {
                largest = s;
                best = o;
            }
        }
        return best;
    }
}
