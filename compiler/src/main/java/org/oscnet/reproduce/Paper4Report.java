package org.oscnet.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.oscnet.emit.Templates;
import org.oscnet.sweep.SeedSpread;
import org.oscnet.train.TrainedEquilibrium;

/** The markdown report and the terminal table of a {@link Paper4} run. */
public final class Paper4Report {
    private Paper4Report() {
    }

    public static String markdown(Paper4.Report report, String command, String version, double minutes) {
        Map<String, Object> model = ReportHead.model(command, version, minutes, report.settings());
        model.put("dataset", report.dataset());
        model.put("rows", report.rows().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("network", r.label());
            row.put("file", r.file());
            row.put("units", r.units());
            row.put("couplings", r.couplings());
            row.put("published", String.format(Locale.ROOT, "%.2f", r.published()));
            row.put("final", meanStd(r.runs(), TrainedEquilibrium::testAccuracy));
            row.put("best", meanStd(r.runs(), TrainedEquilibrium::bestTestAccuracy));
            row.put("chosen", meanStd(r.runs(), TrainedEquilibrium::chosenTestAccuracy));
            row.put("seeds", r.runs().size());
            row.put("each", String.join(", ", r.runs().stream().map(t -> percent(t.testAccuracy())).toList()));
            row.put("stepSeconds", String.format(Locale.ROOT, "%.2f", r.mean(TrainedEquilibrium::stepSeconds)));
            row.put("minutes", String.format(Locale.ROOT, "%.1f", r.mean(TrainedEquilibrium::wallSeconds) / 60));
            row.put("unlocked", percent(r.mean(TrainedEquilibrium::unlockedFraction)));
            return row;
        }).toList());
        if (report.baseline() != null) {
            List<Double> a = report.baseline().accuracies();
            model.put("baseline", Map.of("final", meanStd(a), "seeds", a.size(), "each", String.join(", ",
                    a.stream().map(Paper4Report::percent).toList()), "seconds",
                    String.format(Locale.ROOT, "%.0f", report.baseline().seconds()),
                    "hidden", Paper4.BASELINE_HIDDEN, "epochs", Paper4.BASELINE_EPOCHS, "batch", Paper4.BASELINE_BATCH,
                    "lr", Paper4.BASELINE_LEARNING_RATE));
        }
        List<Map<String, Object>> curves = new ArrayList<>();
        for (Paper4.Curve c : report.curves()) {
            List<Map<String, String>> points = new ArrayList<>();
            for (int i = 0; i < c.levels().length; i++) {
                points.add(Map.of("level", String.format(Locale.ROOT, "%.3g", 100 * c.levels()[i]),
                        "accuracy", percent(c.accuracy()[i]), "unlocked", percent(c.unlocked()[i]),
                        "unlockedAccuracy", Double.isNaN(c.unlockedAccuracy()[i]) ? "-"
                                : percent(c.unlockedAccuracy()[i])));
            }
            curves.add(Map.of("network", c.network(), "axis", c.axis(), "points", points));
        }
        model.put("curves", curves);
        model.put("trainedDispersion", String.format(Locale.ROOT, "%.0f", 100 * Paper4.TRAINED_DISPERSION));
        model.put("plots", List.copyOf(report.plots().keySet()));
        model.put("failed", report.failed());
        return Templates.render("report/paper4.md.ftl", model);
    }

    public static String table(Paper4.Report report) {
        StringBuilder out = new StringBuilder();
        for (Paper4.Row r : report.rows()) {
            out.append(String.format(Locale.ROOT, "%-32s final %s %%, best %s %%  (published %.2f %% with 60 000"
                    + " training images; %d seeds)%n", r.label(), meanStd(r.runs(), TrainedEquilibrium::testAccuracy),
                    meanStd(r.runs(), TrainedEquilibrium::bestTestAccuracy), r.published(), r.runs().size()));
        }
        if (report.baseline() != null) {
            out.append(String.format(Locale.ROOT, "%-32s final %s %%  (%d seeds)%n", "tanh perceptron (backprop)",
                    meanStd(report.baseline().accuracies()), report.baseline().accuracies().size()));
        }
        for (Paper4.Curve c : report.curves()) {
            out.append(c.network()).append(", against ").append(c.axis()).append(':');
            for (int i = 0; i < c.levels().length; i++) {
                out.append(String.format(Locale.ROOT, "  %.3g %% -> %s %% (%s %% unlocked)", 100 * c.levels()[i],
                        percent(c.accuracy()[i]), percent(c.unlocked()[i])));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String meanStd(List<TrainedEquilibrium> runs, ToDoubleFunction<TrainedEquilibrium> metric) {
        return meanStd(runs.stream().map(metric::applyAsDouble).toList());
    }

    private static String meanStd(List<Double> values) {
        double mean = SeedSpread.mean(values);
        return values.size() > 1 ? String.format(Locale.ROOT, "%.2f ± %.2f", 100 * mean, 100 * SeedSpread.std(values))
                : String.format(Locale.ROOT, "%.2f", 100 * mean);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }
}
