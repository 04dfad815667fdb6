package org.oscnet.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.oscnet.device.Stno;

/**
 * {@code spice.json}: everything {@code oscnet verify} needs to check a compiled spintronic network
 * without the .osc file: the network's dynamics, the DAC programme of every test sample, the
 * initial phases the netlists start from, and which netlists exist. Written by compile, read by verify.
 */
public final class SpiceJson {
    public static final String SCHEMA = "oscnet.spice/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SpiceJson() {
    }

    /** One output pair: oscillators and the class it signals by synchronising. */
    public record Pair(int first, int second, int syncClass) {
    }

    /**
     * @param targetHz trained natural frequencies {@code [sample × oscillator]}
     * @param realisedHz what the DAC codes give through the tuning curve (the netlists' frequencies)
     * @param initialTurns the phases every netlist and the simulator start from
     * @param phaseNetlist level 1 netlist of the test samples
     * @param stnoNetlist level 2 netlist of the test samples, or null (level phase)
     * @param tuningAmps currents of the level 2 tuning-curve netlist (empty without level 2)
     * @param pairDetuningHz detunings of the level 2 pair netlist (empty without level 2)
     */
    public record Manifest(String schema, String oscnet, String source, String network, int oscillators,
            double couplingHz, double centreHz, double stepSeconds, long steps, long readoutSteps,
            List<String> classNames, List<Pair> pairs, Stno device, int dacBits, double dacFullScaleAmps,
            double deviceSpread, int[] labels, double[] targetHz, int[] codes, double[] realisedHz,
            double[] initialTurns, long phaseSeed, String phaseNetlist, String stnoNetlist, String tuningNetlist,
            double[] tuningAmps, String pairNetlist, double pairBaseHz, double[] pairDetuningHz) {

        public int samples() {
            return labels.length;
        }

        /**
         * The same network on its first {@code n} test samples (every per-sample array cut to them),
         * its classifier netlists named {@code phase} and {@code stno} (null when it has none).
         */
        public Manifest firstSamples(int n, String phase, String stno) {
            if (n < 1 || n > samples()) {
                throw new IllegalArgumentException(n + " samples of " + samples());
            }
            int values = n * oscillators;
            return new Manifest(schema, oscnet, source, network, oscillators, couplingHz, centreHz, stepSeconds, steps,
                    readoutSteps, classNames, pairs, device, dacBits, dacFullScaleAmps, deviceSpread,
                    java.util.Arrays.copyOf(labels, n), java.util.Arrays.copyOf(targetHz, values),
                    java.util.Arrays.copyOf(codes, values), java.util.Arrays.copyOf(realisedHz, values),
                    java.util.Arrays.copyOf(initialTurns, values), phaseSeed, phase, stno, tuningNetlist, tuningAmps,
                    pairNetlist, pairBaseHz, pairDetuningHz);
        }
    }

    public static String render(Manifest manifest) throws IOException {
        return MAPPER.writeValueAsString(manifest) + "\n";
    }

    public static Manifest read(Path file) throws IOException {
        Manifest manifest = MAPPER.readValue(file.toFile(), Manifest.class);
        if (!SCHEMA.equals(manifest.schema())) {
            throw new IOException(file + " has schema " + manifest.schema() + ", this oscnet reads " + SCHEMA
                    + "; recompile");
        }
        return manifest;
    }
}
