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
                for (Metric metric : metricsOf(ok, network)) {
                    List<Double> means = new ArrayList<>();
                    List<Double> spreads = new ArrayList<>();
                    for (String value : values) {
                        double[] accuracies = ok.stream().filter(r -> value.equals(r.parameters().get(path))
                                && r.metrics().containsKey(network) && metric.of(r.metrics().get(network)) != null)
                                .mapToDouble(r -> 100 * metric.of(r.metrics().get(network))).toArray();
                        double mean = SeedSpread.mean(accuracies);
                        double std = SeedSpread.sampleStd(accuracies);
                        rows.add(Map.of("value", value, "network", network + metric.suffix(), "mean", format(mean),
                                "std", format(std), "count", accuracies.length));
                        means.add(accuracies.length == 0 ? 0 : mean);
                        spreads.add(accuracies.length < 2 ? 0 : std);
                    }
                    chart.addSeries(network + metric.suffix(), values, means, spreads);
                }
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
                    "fixed", percent(m.fixedTestAccuracy()),
                    "cycles", m.cyclesPerSample() == null ? "–" : Long.toString(m.cyclesPerSample()),
                    "dac", percent(m.dacTestAccuracy()), "spread", percent(m.spreadTestAccuracy()),
                    "wall", format(r.wallSeconds()), "host", r.host())));
        }
        String cyclesPlot = cyclesPlot(ok, networks, files);
        List<Map<String, Object>> settings = overSeeds(ok, paths, networks);
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
        model.put("hardware", ok.stream().anyMatch(r -> r.metrics().values().stream()
                .anyMatch(m -> m.fixedTestAccuracy() != null)));
        model.put("dac", ok.stream().anyMatch(r -> r.metrics().values().stream()
                .anyMatch(m -> m.dacTestAccuracy() != null)));
        model.put("cyclesPlot", cyclesPlot);
        model.put("settings", settings);
        Map<String, byte[]> withSummary = new LinkedHashMap<>();
        withSummary.put("summary.md", Templates.render("report/sweep.md.ftl", model)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        withSummary.putAll(files);
        return withSummary;
    }

    /** The accuracy a series plots: float test accuracy, or one measured on the hardware. */
    private record Metric(String suffix, java.util.function.Function<TaskResult.NetworkMetrics, Double> value) {
        Double of(TaskResult.NetworkMetrics metrics) {
            return value.apply(metrics);
        }
    }

    private static final Metric FLOAT = new Metric("", TaskResult.NetworkMetrics::testAccuracy);
    private static final Metric FIXED = new Metric(" (fixed point)", TaskResult.NetworkMetrics::fixedTestAccuracy);
    private static final Metric DAC = new Metric(" (DAC codes)", TaskResult.NetworkMetrics::dacTestAccuracy);
    private static final Metric SPREAD = new Metric(" (device spread)", TaskResult.NetworkMetrics::spreadTestAccuracy);

    /** Float, then each hardware figure some task of {@code network} measured. */
    private static List<Metric> metricsOf(List<TaskResult> ok, String network) {
        List<Metric> metrics = new ArrayList<>(List.of(FLOAT));
        for (Metric metric : List.of(FIXED, DAC, SPREAD)) {
            if (ok.stream().map(r -> r.metrics().get(network)).anyMatch(m -> m != null && metric.of(m) != null)) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    /**
     * When the tasks' hardware differs in clock cycles per sample, test accuracy (float and fixed
     * point, mean and spread over the tasks with the same cycles) against them; the plot's name, or
     * empty.
     */
    private static String cyclesPlot(List<TaskResult> ok, Set<String> networks, Map<String, byte[]> files) {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(800).height(500)
                .title("test accuracy against clock cycles per classification").xAxisTitle("cycles per sample")
                .yAxisTitle("test accuracy (%)").build();
        boolean any = false;
        double lowest = 100;
        for (String network : networks) {
            java.util.TreeSet<Long> cycles = new java.util.TreeSet<>();
            ok.forEach(r -> {
                TaskResult.NetworkMetrics m = r.metrics().get(network);
                if (m != null && m.cyclesPerSample() != null) {
                    cycles.add(m.cyclesPerSample());
                }
            });
            if (cycles.size() < 2) {
                continue;
            }
            any = true;
            for (Metric metric : List.of(FLOAT, FIXED)) {
                List<Double> x = new ArrayList<>();
                List<Double> means = new ArrayList<>();
                List<Double> spreads = new ArrayList<>();
                for (long c : cycles) {
                    double[] accuracies = ok.stream().map(r -> r.metrics().get(network))
                            .filter(m -> m != null && m.cyclesPerSample() != null && m.cyclesPerSample() == c)
                            .mapToDouble(m -> 100 * metric.of(m)).toArray();
                    double mean = SeedSpread.mean(accuracies);
                    x.add((double) c);
                    means.add(mean);
                    lowest = Math.min(lowest, java.util.Arrays.stream(accuracies).min().orElse(100));
                    spreads.add(accuracies.length < 2 ? 0 : SeedSpread.sampleStd(accuracies));
                }
                chart.addSeries(network + (metric == FLOAT ? " (float)" : metric.suffix()), x, means, spreads);
            }
        }
        if (!any) {
            return "";
        }
        // the interesting range is near the top: start 5 points below the worst task, in steps of 5
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(Math.max(0, 5 * Math.floor(lowest / 5) - 5))
                .setYAxisMax(100.0);
        files.put("accuracy_cycles.png", TrainingPlots.png(chart));
        return "accuracy_cycles.png";
    }

    /**
     * When {@code seed} is swept beside other settings: one row per combination of the others and
     * network, with mean, spread and worst over the seeds (float, and fixed point with cycles).
     */
    private static List<Map<String, Object>> overSeeds(List<TaskResult> ok, Set<String> paths, Set<String> networks) {
        if (!paths.contains("seed") || paths.size() < 2) {
            return List.of();
        }
        Map<String, List<TaskResult>> byCombination = new LinkedHashMap<>();
        for (TaskResult r : ok) {
            String combination = String.join(" ", paths.stream().filter(p -> !p.equals("seed"))
                    .map(p -> p + "=" + r.parameters().get(p)).toList());
            byCombination.computeIfAbsent(combination, c -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byCombination.forEach((combination, tasks) -> {
            for (String network : networks) {
                List<TaskResult.NetworkMetrics> metrics = tasks.stream().map(r -> r.metrics().get(network))
                        .filter(java.util.Objects::nonNull).toList();
                if (metrics.isEmpty()) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("combination", combination);
                row.put("network", network);
                row.put("seeds", metrics.size());
                row.put("float", meanStdMin(metrics.stream().mapToDouble(m -> 100 * m.testAccuracy()).toArray()));
                boolean fixed = metrics.stream().allMatch(m -> m.fixedTestAccuracy() != null);
                row.put("fixed", fixed ? meanStdMin(metrics.stream().mapToDouble(m -> 100 * m.fixedTestAccuracy())
                        .toArray()) : "–");
                row.put("cycles", fixed ? String.join(", ", metrics.stream().map(m -> Long.toString(
                        m.cyclesPerSample())).distinct().toList()) : "–");
                row.put("dac", overSeeds(metrics, TaskResult.NetworkMetrics::dacTestAccuracy));
                row.put("spread", overSeeds(metrics, TaskResult.NetworkMetrics::spreadTestAccuracy));
                rows.add(row);
            }
        });
        return rows;
    }

    /** Mean ± std (worst) of a hardware figure in %, or – when a seed lacks it. */
    private static String overSeeds(List<TaskResult.NetworkMetrics> metrics,
            java.util.function.Function<TaskResult.NetworkMetrics, Double> figure) {
        return metrics.stream().allMatch(m -> figure.apply(m) != null)
                ? meanStdMin(metrics.stream().mapToDouble(m -> 100 * figure.apply(m)).toArray()) : "–";
    }

    private static String percent(Double fraction) {
        return fraction == null ? "–" : format(100 * fraction);
    }

    private static String meanStdMin(double[] values) {
        return format(SeedSpread.mean(values)) + " ± " + format(SeedSpread.sampleStd(values)) + " (worst " + format(
                java.util.Arrays.stream(values).min().orElse(Double.NaN)) + ")";
    }

    private static String oneLine(String text) {
        String first = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + " ..." : first;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
