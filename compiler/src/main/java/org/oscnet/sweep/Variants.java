package org.oscnet.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.Overrides;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.model.Design;
import org.oscnet.model.Training;
import org.oscnet.io.Provenance;
import org.oscnet.pipeline.HardwareMetrics;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.train.Trained;
import org.oscnet.train.TrainingListener;

/**
 * The variants of one {@code .osc} file that a sweep's tasks train: each is the file's text with
 * the task's overrides in place, parsed and checked like the file itself (relative data paths
 * resolve from the file's folder), then trained through {@link Pipeline}. Serializable state only
 * (a path and text), so any engine can ship it to a worker.
 */
public record Variants(String file, String shown, String text) implements java.io.Serializable {

    /** Reads {@code file} once; {@code shown} is how messages name it. */
    public static Variants of(Path file, String shown) throws IOException {
        return new Variants(file.toAbsolutePath().toString(), shown, Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * The swept paths that name hardware settings a sweep does not measure: it trains, tests the
     * float network and measures what the network's family can of its hardware block (a
     * {@code verilog} block's fixed-point array; a Kuramoto network's {@code dac} block), so a SPICE
     * setting, or a DAC setting of another family, would change nothing it records.
     */
    public List<String> unmeasuredHardwarePaths(SweepPlan plan) {
        SourceFile source = new SourceFile(Path.of(file), shown, text);
        Optional<Design> design = Frontend.check(source, new Diagnostics()).design();
        return plan.axes().stream().map(SweepPlan.Axis::path).filter(p -> !p.equals(SweepPlan.FILE_AXIS))
                .filter(p -> Overrides.blocksOf(source, p).stream()
                        .anyMatch(b -> b.get(0).equals("hardware") && (b.size() < 3 || design.isEmpty()
                                || !Pipeline.measuredTargets(design.get(), b.get(1)).contains(b.get(2)))))
                .toList();
    }

    /** The checked design of {@code task}'s variant, or what is wrong with it, rendered with file:line:col. */
    public Checked check(SweepPlan.Task task) {
        SourceFile source = new SourceFile(Path.of(file), shown, text);
        Diagnostics diagnostics = new Diagnostics();
        Optional<String> variant = Overrides.apply(source, task.settings(), diagnostics);
        if (variant.isEmpty()) {
            return new Checked(Optional.empty(), DiagnosticRenderer.render(diagnostics.all()));
        }
        Frontend.Result result = Frontend.check(new SourceFile(Path.of(file), shown, variant.get()),
                new Diagnostics());
        Optional<Design> design = result.design();
        if (design.isPresent() && design.get().trainings().isEmpty()) {
            return new Checked(Optional.empty(), shown + " has no train block: a sweep trains and evaluates every"
                    + " train block of each variant\n");
        }
        return new Checked(design, DiagnosticRenderer.render(result.diagnostics()));
    }

    /** A checked variant: the design when it has no errors, and every diagnostic as text. */
    public record Checked(Optional<Design> design, String diagnostics) {
    }

    /**
     * Trains every train block of {@code task}'s variant; a failure is a result, not an exception.
     * With {@code keep}, the files {@code oscnet train} writes come back too. The task uses at most
     * {@code threads} threads (its share of the cores when the engine runs several at once).
     */
    public TaskOutput run(SweepPlan.Task task, boolean keep, int threads) {
        long start = System.nanoTime();
        try {
            Checked checked = check(task);
            Design design = checked.design().orElseThrow(() -> new IllegalStateException(checked.diagnostics()));
            Pipeline.requireTrainable(design);
            Map<String, TaskResult.NetworkMetrics> metrics = new LinkedHashMap<>();
            Map<String, byte[]> files = new LinkedHashMap<>();
            Optional<Provenance> provenance = keep ? Optional.of(Pipeline.provenance(design, Pipeline.version(),
                    shown + " (" + task.id() + ")")) : Optional.empty();
            for (Training training : design.trainings()) {
                Pipeline.Measured measured = Pipeline.trainAndMeasure(design, training, TrainingListener.SILENT,
                        provenance, threads);
                files.putAll(measured.files());
                Trained trained = measured.trained();
                metrics.put(trained.network(), new TaskResult.NetworkMetrics(trained.trainAccuracy(),
                        trained.testAccuracy(), Math.round(trained.wallSeconds() * 100) / 100.0,
                        measured.hardware().map(HardwareMetrics::fixedTestAccuracy).orElse(null),
                        measured.hardware().map(HardwareMetrics::cyclesPerSample).orElse(null),
                        measured.hardware().map(HardwareMetrics::dacTestAccuracy).orElse(null),
                        measured.hardware().map(HardwareMetrics::spreadTestAccuracy).orElse(null)));
            }
            return new TaskOutput(new TaskResult(task.id(), task.parameters(), TaskResult.OK, metrics, seconds(start),
                    host(), now(), null), files);
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            return TaskOutput.of(new TaskResult(task.id(), task.parameters(), TaskResult.FAILED, Map.of(),
                    seconds(start), host(), now(), message));
        }
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
