package org.oscnet.reproduce;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.oscnet.emit.Templates;

/** Renders a {@link Paper1.Report} as Markdown through {@code templates/report/paper1.md.ftl}. */
public final class Paper1Report {
    private Paper1Report() {
    }

    public static String markdown(Paper1.Report report, String command, String version, double minutes) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("command", command);
        model.put("version", version);
        model.put("seeds", report.seeds());
        model.put("rows", report.rows().stream().map(Paper1Report::row).toList());
        model.put("robustness", report.robustness().stream().map(r -> Map.of(
                "linewidth", format("%.2f", r.linewidthHz() / 1e6),
                "mean", format("%.1f", r.meanPercent()),
                "worst", format("%.1f", r.worstPercent()))).toList());
        model.put("trials", report.robustness().isEmpty() ? 0 : report.robustness().get(0).trials());
        model.put("robustnessModel", report.robustnessModel());
        model.put("responseMaps", report.plots().keySet().stream().filter(k -> k.startsWith("response-")).toList());
        model.put("minutes", Math.max(1, Math.round(minutes)));
        model.put("failed", report.failed());
        return Templates.render("report/paper1.md.ftl", model);
    }

    /** The table, as plain text for the terminal. */
    public static String table(Paper1.Report report) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %-18s %-26s %7s %5s %12s %7s%n", "task",
                "classifier", "training", "mean %", "std", "worst (seed)", "paper %"));
        for (Paper1.Row row : report.rows()) {
            out.append(String.format(Locale.ROOT, "%-22s %-18s %-26s %7.1f %5.1f %7.1f (%2d) %7.1f%n", row.task(),
                    row.classifier(), row.training(), row.meanPercent(), row.stdPercent(), row.worstPercent(),
                    row.worstSeed(), row.paperPercent()));
        }
        for (Paper1.NoiseRow r : report.robustness()) {
            out.append(String.format(Locale.ROOT, "noise %.2f MHz: mean %.1f %%, worst %.1f %% (%d trials)%n",
                    r.linewidthHz() / 1e6, r.meanPercent(), r.worstPercent(), r.trials()));
        }
        return out.toString();
    }

    private static Map<String, Object> row(Paper1.Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", row.task());
        m.put("classifier", row.classifier());
        m.put("training", row.training());
        m.put("mean", format("%.1f", row.meanPercent()));
        m.put("std", format("%.1f", row.stdPercent()));
        m.put("worst", format("%.1f", row.worstPercent()));
        m.put("worstSeed", row.worstSeed());
        m.put("paper", format("%.1f", row.paperPercent()));
        m.put("example", row.example());
        return m;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
