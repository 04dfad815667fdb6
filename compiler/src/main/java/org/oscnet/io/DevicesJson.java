package org.oscnet.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.oscnet.device.Stno;

/**
 * Measured (or Monte-Carlo) STNO parameters, one device per oscillator, for calibrated DAC
 * tables: {@code {"devices": [{"f0_hz": .., "nonlinearity_hz": .., "threshold_a": .., "q": ..,
 * "damping_hz": ..}, ...]}}, the form of the {@code devices} array of {@code dac.json}. Read as
 * the records below; a missing number is an error, never a zero.
 */
public final class DevicesJson {
    record Document(List<Device> devices) {
    }

    record Device(Double f0Hz, Double nonlinearityHz, Double thresholdA, Double q, Double dampingHz) {
        /** The JSON name of the first field the file left out, or null when all are there. */
        String firstMissing() {
            java.util.Map<String, Double> fields = new java.util.LinkedHashMap<>();
            fields.put("f0_hz", f0Hz);
            fields.put("nonlinearity_hz", nonlinearityHz);
            fields.put("threshold_a", thresholdA);
            fields.put("q", q);
            fields.put("damping_hz", dampingHz);
            return fields.entrySet().stream().filter(e -> e.getValue() == null).map(java.util.Map.Entry::getKey)
                    .findFirst().orElse(null);
        }
    }

    private DevicesJson() {
    }

    public static Stno[] read(Path file) throws IOException {
        Document document;
        try {
            document = JsonDocuments.readAs(file, Document.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + "; " + shape(), e);
        }
        if (document.devices() == null || document.devices().isEmpty()) {
            throw new IllegalArgumentException(file + ": " + shape());
        }
        Stno[] out = new Stno[document.devices().size()];
        for (int i = 0; i < out.length; i++) {
            Device d = document.devices().get(i);
            String missing = d == null ? "f0_hz" : d.firstMissing();
            if (missing != null) {
                throw new IllegalArgumentException(file + ": device " + i + " has no number `" + missing + "`");
            }
            try {
                out[i] = new Stno(d.f0Hz(), d.nonlinearityHz(), d.thresholdA(), d.q(), d.dampingHz());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": device " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String shape() {
        return "expected {\"devices\": [{\"f0_hz\": ..., ...}, ...]}, one object per oscillator (the form of"
                + " dac.json's \"devices\")";
    }
}
