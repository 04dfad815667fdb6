package org.oscnet.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.oscnet.emit.Templates;
import org.oscnet.plot.TrainingPlots;

/**
 * {@code summary.md} and one plot per swept setting, computed from the lines of
 * {@code results.jsonl} alone (the last line of a task wins): test accuracy against each setting,
 * mean and spread over all other settings (seeds included).
 */
public final class SweepSummary {
    private SweepSummary() {
    }

    /** The files to write into the sweep folder: {@code summary.md} and {@code accuracy_<path>.png}. */
    public static Map<String, byte[]> render(List<TaskResult> lines, String source, String command) {
        List<TaskResult> results = new ArrayList<>(ResultsFile.latestByTask(lines).values());
        List<TaskResult> ok = results.stream().filter(TaskResult::ok).toList();
        Set<String> paths = new LinkedHashSet<>();
        results.forEach(r -> paths.addAll(r.parameters().keySet()));
        Set<String> networks = new LinkedHashSet<>();
        ok.forEach(r -> networks.addAll(r.metrics().keySet()));

        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Map<String, Object>> axes = new ArrayList<>();
        for (String path : paths) {
            List<String> values = new ArrayList<>(new LinkedHashSet<>(results.stream()
                    .map(r -> r.parameters().getOrDefault(path, "")).toList()));
            List<Map<String, Object>> rows = new ArrayList<>();
            CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
                    .title("test accuracy against " + path).xAxisTitle(path).yAxisTitle("test accuracy (%)").build();
            for (String network : networks) {
                List<Double> means = new ArrayList<>();
                List<Double> spreads = new ArrayList<>();
                for (String value : values) {
                    double[] accuracies = ok.stream().filter(r -> value.equals(r.parameters().get(path))
                            && r.metrics().containsKey(network))
                            .mapToDouble(r -> 100 * r.metrics().get(network).testAccuracy()).toArray();
                    double mean = mean(accuracies);
                    double std = std(accuracies, mean);
                    rows.add(Map.of("value", value, "network", network, "mean", format(mean), "std",
                            format(std), "count", accuracies.length));
                    means.add(accuracies.length == 0 ? 0 : mean);
                    spreads.add(accuracies.length < 2 ? 0 : std);
                }
                chart.addSeries(network, values, means, spreads);
            }
            Map<String, Object> axis = new LinkedHashMap<>();
            axis.put("path", path);
            axis.put("others", String.join(", ", paths.stream().filter(p -> !p.equals(path))
                    .map(p -> "`" + p + "`").toList()));
            axis.put("rows", rows);
            String plot = "";
            if (values.size() > 1 && !networks.isEmpty()) {
                chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
                plot = "accuracy_" + path.replaceAll("[^A-Za-z0-9]+", "_") + ".png";
                files.put(plot, TrainingPlots.png(chart));
            }
            axis.put("plot", plot);
            axes.add(axis);
        }

        List<Map<String, Object>> taskRows = new ArrayList<>();
        for (TaskResult r : ok) {
            r.metrics().forEach((network, m) -> taskRows.add(Map.of("task", r.task(), "network", network,
                    "train", format(100 * m.trainAccuracy()), "test", format(100 * m.testAccuracy()),
                    "wall", format(r.wallSeconds()), "host", r.host())));
        }
        List<Map<String, Object>> failures = results.stream().filter(r -> !r.ok())
                .map(r -> Map.<String, Object>of("task", r.task(), "error", oneLine(r.error()))).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("source", source);
        model.put("command", command);
        model.put("tasks", results.size());
        model.put("ok", ok.size());
        model.put("failed", results.size() - ok.size());
        model.put("axes", axes);
        model.put("rows", taskRows);
        model.put("failures", failures);
        Map<String, byte[]> withSummary = new LinkedHashMap<>();
        withSummary.put("summary.md", Templates.render("report/sweep.md.ftl", model)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        withSummary.putAll(files);
        return withSummary;
    }

    private static String oneLine(String text) {
        String first = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + " ..." : first;
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double std(double[] values, double mean) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
