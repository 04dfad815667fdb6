package org.oscnet.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an oscnet netlist in ngspice batch mode and collects its result lines: each
 * {@code echo}ed line that starts with the given tag, split into numbers.
 */
public final class Ngspice {
    private static final long TIMEOUT_SECONDS = 3600;

    private Ngspice() {
    }

    /** What one netlist printed: the tagged rows (numbers after the tag), the wall time, the raw output. */
    public record Result(String netlist, List<double[]> rows, double seconds, String output, int status) {
        /** Why the run cannot be trusted with {@code expected} rows of {@code width} numbers, or null. */
        public String problem(int expected, int width) {
            if (status != 0) {
                return "ngspice exited with status " + status + " on " + netlist + ": " + tail();
            }
            if (rows.size() != expected) {
                return netlist + " printed " + rows.size() + " result lines, expected " + expected + ": " + tail();
            }
            for (double[] row : rows) {
                if (row.length != width) {
                    return netlist + " printed a result line with " + row.length + " numbers, expected " + width
                            + ": " + tail();
                }
            }
            return null;
        }

        private String tail() {
            String[] lines = output.strip().split("\n");
            List<String> errors = new ArrayList<>();
            for (String line : lines) {
                if (line.toLowerCase(java.util.Locale.ROOT).contains("error")) {
                    errors.add(line.strip());
                }
            }
            List<String> shown = errors.isEmpty() ? List.of(lines) : errors;
            return String.join(" | ", shown.subList(Math.max(0, shown.size() - 3), shown.size()));
        }
    }

    /** Runs every netlist, {@code jobs} at a time; the results in the netlists' order. */
    public static List<Result> runAll(Path dir, List<String> netlists, String tag, int jobs) throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, jobs));
        List<java.util.concurrent.Future<Result>> futures = new ArrayList<>();
        for (String netlist : netlists) {
            futures.add(pool.submit(() -> run(dir, netlist, tag)));
        }
        List<Result> results = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<Result> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ngspice ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    public static Result run(Path dir, String netlist, String tag) throws IOException {
        Tools.require(Tools.Tool.NGSPICE);
        ExternalRun.Outcome outcome = ExternalRun.run(dir, TIMEOUT_SECONDS,
                List.of(Tools.Tool.NGSPICE.command(), "-b", netlist));
        List<double[]> rows = new ArrayList<>();
        for (String line : outcome.output().split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || !words[0].equals(tag)) {
                continue;
            }
            double[] numbers = new double[words.length - 1];
            try {
                for (int w = 1; w < words.length; w++) {
                    numbers[w - 1] = Double.parseDouble(words[w]);
                }
            } catch (NumberFormatException e) {
                numbers = new double[0];
            }
            rows.add(numbers);
        }
        return new Result(netlist, rows, outcome.seconds(), outcome.output(), outcome.status());
    }
}
