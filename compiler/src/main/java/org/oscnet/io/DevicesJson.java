package org.oscnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.oscnet.device.Stno;

/**
 * Measured (or Monte-Carlo) STNO parameters, one device per oscillator, for calibrated DAC
 * tables: {@code {"devices": [{"f0_hz": .., "nonlinearity_hz": .., "threshold_a": .., "q": ..,
 * "damping_hz": ..}, ...]}}, the form of the {@code devices} array of {@code dac.json}.
 */
public final class DevicesJson {
    private static final String[] FIELDS = {"f0_hz", "nonlinearity_hz", "threshold_a", "q", "damping_hz"};

    private DevicesJson() {
    }

    public static Stno[] read(Path file) throws IOException {
        JsonNode devices = new ObjectMapper().readTree(file.toFile()).path("devices");
        if (!devices.isArray() || devices.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected {\"devices\": [{\"f0_hz\": ..., ...}, ...]}, one"
                    + " object per oscillator (the form of dac.json's \"devices\")");
        }
        Stno[] out = new Stno[devices.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode d = devices.get(i);
            for (String field : FIELDS) {
                if (!d.path(field).isNumber()) {
                    throw new IllegalArgumentException(file + ": device " + i + " has no number `" + field + "`");
                }
            }
            try {
                out[i] = new Stno(d.get("f0_hz").asDouble(), d.get("nonlinearity_hz").asDouble(),
                        d.get("threshold_a").asDouble(), d.get("q").asDouble(), d.get("damping_hz").asDouble());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": device " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
