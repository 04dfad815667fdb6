package org.oscnet.reproduce;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The fields every reproduction report starts with: the command that made it, the version, how long, the setting. */
final class ReportHead {
    private ReportHead() {
    }

    static Map<String, Object> model(String command, String version, double minutes, String settings) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("command", command);
        model.put("version", version);
        model.put("minutes", String.format(Locale.ROOT, "%.1f", minutes));
        model.put("settings", settings);
        return model;
    }
}
