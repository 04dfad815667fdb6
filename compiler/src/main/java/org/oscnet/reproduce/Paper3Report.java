package org.oscnet.reproduce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.oscnet.emit.Templates;
import org.oscnet.train.TrainedEquilibrium;

/** The markdown report and the terminal table of a {@link Paper3} run. */
public final class Paper3Report {
    private Paper3Report() {
    }

    public static String markdown(Paper3.Report report, String command, String version, double minutes) {
        Map<String, Object> model = ReportHead.model(command, version, minutes, report.settings());
        model.put("rows", report.rows().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("network", r.spec().label());
            row.put("units", r.units());
            row.put("couplings", r.couplings());
            row.put("authors", String.format(Locale.ROOT, "%.1f", r.spec().authorsBest()));
            row.put("best", meanStd(r, TrainedEquilibrium::bestTestAccuracy));
            row.put("chosen", meanStd(r, TrainedEquilibrium::chosenTestAccuracy));
            row.put("final", meanStd(r, TrainedEquilibrium::testAccuracy));
            row.put("gap", String.format(Locale.ROOT, "%+.1f", 100 * r.mean(TrainedEquilibrium::bestTestAccuracy)
                    - r.spec().authorsBest()));
            row.put("seeds", r.runs().size());
            row.put("each", String.join(", ", r.runs().stream().map(t -> percent(t.bestTestAccuracy()) + " / "
                    + percent(t.chosenTestAccuracy()) + " / " + percent(t.testAccuracy())).toList()));
            row.put("stepSeconds", String.format(Locale.ROOT, "%.3f", r.mean(TrainedEquilibrium::stepSeconds)));
            row.put("unsettled", percent(r.mean(TrainedEquilibrium::unsettledFraction)));
            return row;
        }).toList());
        if (report.xor() != null) {
            Paper3.Multistability x = report.xor();
            model.put("xorStarts", x.starts());
            model.put("xorAccuracy", percent(x.testAccuracy()));
            model.put("xor", java.util.stream.IntStream.range(0, x.inputs().size()).mapToObj(i -> Map.of(
                    "input", x.inputs().get(i), "equilibria", x.equilibria().get(i), "right", x.right().get(i),
                    "untrained", x.untrainedEquilibria().get(i), "unsettled", x.unsettled().get(i),
                    "untrainedUnsettled", x.untrainedUnsettled().get(i)))
                    .toList());
        }
        if (report.solvers() != null) {
            Paper3.Solvers v = report.solvers();
            model.put("solvers", Map.of("network", v.network(), "steps", v.steps(),
                    "adaptive", percent(v.adaptiveAccuracy()),
                    "adaptiveSeconds", String.format(Locale.ROOT, "%.1f", v.adaptiveSeconds()),
                    "fast", v.fast().stream().map(f -> Map.of("name", f.name(), "accuracy", percent(f.accuracy()),
                            "seconds", String.format(Locale.ROOT, "%.1f", f.seconds()),
                            "largest", String.format(Locale.ROOT, "%.2g", f.largestDifference()),
                            "different", percent(f.differentBasins()))).toList()));
        }
        model.put("plots", List.copyOf(report.plots().keySet()));
        model.put("failed", report.failed());
        return Templates.render("report/paper3.md.ftl", model);
    }

    public static String table(Paper3.Report report) {
        StringBuilder out = new StringBuilder();
        for (Paper3.Row r : report.rows()) {
            out.append(String.format(Locale.ROOT, "%-15s best %s %%, at lowest training cost %s %%, final %s %%"
                    + "  (authors' best %.1f %%, %d seeds)%n", r.spec().label(),
                    meanStd(r, TrainedEquilibrium::bestTestAccuracy), meanStd(r, TrainedEquilibrium::chosenTestAccuracy),
                    meanStd(r, TrainedEquilibrium::testAccuracy), r.spec().authorsBest(), r.runs().size()));
        }
        if (report.xor() != null) {
            Paper3.Multistability x = report.xor();
            for (int i = 0; i < x.inputs().size(); i++) {
                out.append(String.format(Locale.ROOT, "xor %s: %d distinct equilibria, %d of %d starts right%n",
                        x.inputs().get(i), x.equilibria().get(i), x.right().get(i), x.starts()));
            }
        }
        if (report.solvers() != null) {
            Paper3.Solvers v = report.solvers();
            for (Paper3.FastSolver f : v.fast()) {
                out.append(String.format(Locale.ROOT, "solvers on %s: test accuracy %s %s %%, adaptive %s %%, %s %% of"
                        + " equilibria in another basin%n", v.network(), f.name(), percent(f.accuracy()),
                        percent(v.adaptiveAccuracy()), percent(f.differentBasins())));
            }
        }
        return out.toString();
    }

    private static String meanStd(Paper3.Row r, ToDoubleFunction<TrainedEquilibrium> metric) {
        return percent(r.mean(metric)) + " ± " + percent(r.std(metric));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
