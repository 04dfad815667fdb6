package org.oscnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oscnet.bench.Benchmarks;
import org.oscnet.model.Design;
import org.oscnet.model.Training;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet bench}: measure the simulator and trainer. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Measure simulation throughput and training time; prints one JSON line per case:",
            "forward simulation (N = 6 and 100) and forward with sensitivities (N = 6), batch 90,",
            "T = 1 us, dt = 10 ps, in oscillator-steps per second (best of --repeats); then the wall",
            "time of one Iris versicolor training (100 iterations, batch 90, with sensitivities).",
            "With --numpy, also the same forward simulation in NumPy (scripts/kuramoto_numpy.py),",
            "measured in the same run so the ratio is fair on a shared machine."},
        footer = {"", "Example:", "  oscnet bench --numpy > bench.jsonl"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "timed runs per case")
    int repeats;

    @Option(names = "--numpy", description = "also run the NumPy baseline (needs python3 with numpy)")
    boolean numpy;

    @Option(names = "--no-training", description = "skip the Iris training case")
    boolean noTraining;

    @Option(names = "--hardware", paramLabel = "DIR",
            description = "instead: emit, lint and synthesize (generic Yosys) random networks of N = 6, 64, 256 and"
                    + " 1024 oscillators with 8 lanes; print one JSON line per N and plot DIR/hardware_scaling.png")
    Path hardware;

    @Option(names = "--sizes", paramLabel = "N", split = ",", defaultValue = "6,64,256,1024",
            description = "oscillator counts for --hardware (default: ${DEFAULT-VALUE})")
    java.util.List<Integer> sizes;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var out = spec.commandLine().getOut();
        if (hardware != null) {
            return hardwareScaling(out);
        }
        Benchmarks.printJson(out, Benchmarks.forward(6, false, repeats));
        Benchmarks.printJson(out, Benchmarks.forward(100, false, repeats));
        Benchmarks.printJson(out, Benchmarks.forward(6, true, repeats));
        if (numpy) {
            runNumpy(out);
        }
        if (!noTraining) {
            Path example = DemoCommand.home().resolve(DemoCommand.EXAMPLE);
            Design design = Inputs.load(example, spec.commandLine().getErr());
            Training training = design.trainings().get(0);
            var trained = Pipeline.train(design, training, TrainingListener.SILENT, Main.version(), example.toString()).trained();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("case", "iris-training");
            result.put("network", training.network());
            result.put("iterations", training.steps());
            result.put("batch", design.dataset(training.dataset()).orElseThrow().train().size());
            result.put("seconds", Math.round(trained.wallSeconds() * 100) / 100.0);
            result.put("test_accuracy", trained.testAccuracy());
            result.put("seed", training.seed());
            result.put("cores", Runtime.getRuntime().availableProcessors());
            Benchmarks.printJson(out, result);
        }
        return 0;
    }

    private int hardwareScaling(java.io.PrintWriter out) throws IOException {
        Path scratch = Files.createTempDirectory("oscnet-scaling");
        java.util.List<org.oscnet.bench.HardwareScaling.Point> points = new java.util.ArrayList<>();
        for (int n : sizes) {
            org.oscnet.bench.HardwareScaling.Point point = org.oscnet.bench.HardwareScaling.measure(n, 8, scratch);
            points.add(point);
            Map<String, Object> json = org.oscnet.bench.HardwareScaling.json(point);
            json.put("cores", Runtime.getRuntime().availableProcessors());
            Benchmarks.printJson(out, json);
        }
        double[] x = points.stream().mapToDouble(p -> p.oscillators()).toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("gates", points.stream().mapToDouble(p -> p.gates()).toArray());
        series.put("flip-flops", points.stream().mapToDouble(p -> p.flipFlops()).toArray());
        org.oscnet.io.OutputFolder folder = new org.oscnet.io.OutputFolder(hardware);
        folder.put("hardware_scaling.png", org.oscnet.plot.HardwarePlots.resources(
                "Generic Yosys synthesis against oscillator count (8 lanes)", x, series));
        folder.commit().forEach(p -> out.println("wrote " + p));
        return 0;
    }

    private void runNumpy(java.io.PrintWriter out) throws IOException, InterruptedException {
        Path script = DemoCommand.home().resolve("scripts/kuramoto_numpy.py");
        if (!Files.exists(script)) {
            throw new UserError("cannot find " + script);
        }
        Process process = new ProcessBuilder("python3", script.toString(), "6").redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(out::println);
        }
        if (process.waitFor() != 0) {
            throw new UserError("the NumPy baseline failed (python3 with numpy needed)");
        }
    }
}
