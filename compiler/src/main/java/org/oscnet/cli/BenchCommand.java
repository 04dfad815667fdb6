package org.oscnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oscnet.bench.Benchmarks;
import org.oscnet.model.Design;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.sim.RecurrentSimulator;
import org.oscnet.train.BpttTrainer;
import org.oscnet.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet bench}: measure the simulator and trainer. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Measure simulation throughput and training time; prints one JSON line per case.",
        description = {"Measure simulation throughput and training time; prints one JSON line per case: forward"
                + " simulation (N = 6 and 100) and forward with sensitivities (N = 6), batch 90, T = 1 us, dt = 10 ps,"
                + " in oscillator-steps per second (best of --repeats); then the wall time of one Iris versicolor"
                + " training (100 iterations, batch 90, with sensitivities). Then one training epoch of"
                + " examples/seqdigits.osc (898 sequences, forward, BPTT and Adam, one Euler step per input point)"
                + " with STNO neurons and with CTRNN ones,"
                + " and one equilibrium-propagation step of a 64-100-10 XY network (300 digits, free and nudged"
                + " relaxations) and one pass over the 8 000 MNIST training images of examples/mnist_xy.osc and of"
                + " examples/mnist_stuart_landau.osc (784-100-10), each relaxed by the example's solver and then by"
                + " Euler steps, side by side. Each group of cases (Kuramoto, recurrent, equilibrium, Iris training)"
                + " runs in a JVM of its own with this one's JVM options, as the commands they stand for run: in one"
                + " JVM the second group's Vector API code would fall back to scalar code.",
            "With --numpy, also the same cases in NumPy (scripts/kuramoto_numpy.py, scripts/stno_rnn_numpy.py,"
                    + " scripts/xy_ep_numpy.py, one BLAS thread), measured in the same run so the ratio is fair on a"
                    + " shared machine."},
        footer = {"", "Example:", "  oscnet bench --numpy > bench.jsonl"})
final class BenchCommand implements Callable<Integer> {
    /** The batch of the stno_rnn epoch case, the same in scripts/stno_rnn_numpy.py. */
    private static final int NUMPY_BATCH = 120;

    @Spec
    CommandSpec spec;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "timed runs per case")
    int repeats;

    @Option(names = "--numpy", description = "also run the NumPy baseline (needs python3 with numpy)")
    boolean numpy;

    @Option(names = "--no-training", description = "skip the Iris training case")
    boolean noTraining;

    @Option(names = "--no-equilibrium",
            description = "skip the xy equilibrium-propagation step (and its NumPy twin) and the MNIST pass")
    boolean noEquilibrium;

    @Option(names = "--no-recurrent", description = "skip the stno_rnn training epoch (and its NumPy twin)")
    boolean noRecurrent;

    /** Set in the JVMs {@link #eachGroupInItsOwnJvm} starts: which group of cases this one runs. */
    @Option(names = "--group", hidden = true, paramLabel = "NAME")
    String group;

    @Option(names = "--hardware", paramLabel = "DIR",
            description = "instead: emit, lint and synthesize random networks of N oscillators (--sizes, --lanes,"
                    + " --pipeline, --synthesis); print one JSON line per N and the fitted exponent of each resource,"
                    + " and plot them against N on log-log axes in DIR/hardware_scaling*.png")
    Path hardware;

    @Option(names = "--sizes", paramLabel = "N", split = ",", defaultValue = "6,64,256,1024",
            description = "oscillator counts for --hardware (default: ${DEFAULT-VALUE})")
    java.util.List<Integer> sizes;

    @Option(names = "--lanes", paramLabel = "L", defaultValue = "8",
            description = "lanes of the --hardware networks (N = 6 gets at most 6; default: ${DEFAULT-VALUE})")
    int lanes;

    @Option(names = "--pipeline", paramLabel = "P", defaultValue = "0",
            description = "pipeline stages of the --hardware networks, 0 to 6 (default: ${DEFAULT-VALUE})")
    int pipeline;

    @Option(names = "--sine-bits", paramLabel = "B", defaultValue = "12",
            description = "sine table width of the --hardware networks (256 entries; default: ${DEFAULT-VALUE})")
    int sineBits;

    @Option(names = "--synthesis", paramLabel = "KIND", split = ",", defaultValue = "generic",
            description = "what --hardware measures per N: generic, ice40 (synth_ice40 -dsp, nextpnr on the"
                    + " smallest part that holds it), xilinx (synth_xilinx); several with commas (default:"
                    + " ${DEFAULT-VALUE})")
    java.util.Set<String> synthesis;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var out = spec.commandLine().getOut();
        if (hardware != null) {
            return hardwareScaling(out);
        }
        if (group == null) {
            return eachGroupInItsOwnJvm(out);
        }
        Cases cases = groups().get(group);
        if (cases == null) {
            throw new UserError("--group takes " + String.join(", ", groups().keySet()) + ", not `" + group + "`");
        }
        cases.print(out);
        return 0;
    }

    /** One group of cases, printing its JSON lines. */
    @FunctionalInterface
    private interface Cases {
        void print(java.io.PrintWriter out) throws IOException, InterruptedException;
    }

    /** Every group of cases by its {@code --group} name, in the order they run. */
    private Map<String, Cases> groups() {
        Map<String, Cases> groups = new LinkedHashMap<>();
        groups.put("kuramoto", this::kuramotoCases);
        groups.put("recurrent", this::recurrentCases);
        groups.put("equilibrium", this::equilibriumCases);
        groups.put("training", this::trainingCases);
        return groups;
    }

    /**
     * Runs each wanted group of cases in a JVM of its own, as the commands they stand for run, and
     * copies its lines. HotSpot turns Vector API code into vector instructions only where it sees one
     * vector shape: the Kuramoto lanes (256-bit) and the recurrent kernels (the machine's widest) share
     * the API's generic code, so in one JVM whichever group ran second fell back to scalar code
     * (2026-12-05: the STNO epoch took 0.205 s after the Kuramoto cases and 0.041 s before them; the
     * forward-with-sensitivities case 0.25 s before the recurrent ones and 2.0 s after).
     */
    private int eachGroupInItsOwnJvm(java.io.PrintWriter out) throws IOException, InterruptedException {
        Map<String, Boolean> skipped = Map.of("kuramoto", false, "recurrent", noRecurrent, "equilibrium",
                noEquilibrium, "training", noTraining);
        List<String> groups = groups().keySet().stream().filter(name -> !skipped.get(name)).toList();
        String launcher = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String name : groups) {
            List<String> command = new java.util.ArrayList<>();
            command.add(launcher);
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench",
                    "--repeats", Integer.toString(repeats), "--group", name));
            if (numpy) {
                command.add("--numpy");
            }
            int status = copyingOutput(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT), out);
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    private void kuramotoCases(java.io.PrintWriter out) throws IOException, InterruptedException {
        Benchmarks.printJson(out, Benchmarks.forward(6, Benchmarks.Derivatives.NONE, repeats));
        Benchmarks.printJson(out, Benchmarks.forward(100, Benchmarks.Derivatives.NONE, repeats));
        Benchmarks.printJson(out, Benchmarks.forward(6, Benchmarks.Derivatives.FORWARD, repeats));
        Benchmarks.printJson(out, Benchmarks.forward(6, Benchmarks.Derivatives.ADJOINT, repeats));
        if (numpy) {
            runNumpy(out, "scripts/kuramoto_numpy.py", "6");
        }
    }

    private void recurrentCases(java.io.PrintWriter out) throws IOException, InterruptedException {
        Benchmarks.printJson(out, recurrentEpoch(StnoRnnNetwork.Neuron.Kind.STNO));
        Benchmarks.printJson(out, recurrentEpoch(StnoRnnNetwork.Neuron.Kind.CTRNN));
        if (numpy) {
            runNumpy(out, "scripts/stno_rnn_numpy.py", Integer.toString(repeats));
        }
    }

    private void equilibriumCases(java.io.PrintWriter out) throws IOException, InterruptedException {
        Benchmarks.printJson(out, equilibriumStep());
        mnistEpochs("examples/mnist_xy.osc", "xy-mnist-epoch").forEach(r -> Benchmarks.printJson(out, r));
        mnistEpochs("examples/mnist_stuart_landau.osc", "stuart_landau-mnist-epoch")
                .forEach(r -> Benchmarks.printJson(out, r));
        if (numpy) {
            runNumpy(out, "scripts/xy_ep_numpy.py", Integer.toString(repeats));
        }
    }

    private void trainingCases(java.io.PrintWriter out) {
        Path example = DemoCommand.home().resolve(DemoCommand.EXAMPLE);
        Design design = Inputs.load(example, spec.commandLine().getErr());
        Training written = design.trainings().get(0);
        // the example's own rule (forward sensitivities, as the paper), then the same rule by the adjoint
        for (TrainingMethod.Jacobian jacobian : TrainingMethod.Jacobian.values()) {
            Training training = written.method() instanceof TrainingMethod.OfflineGradient g
                    ? written.withMethod(new TrainingMethod.OfflineGradient(jacobian, g.squashTanh(), g.init(),
                            g.balanceClasses(), g.locked()))
                    : written;
            var trained = Pipeline.train(design, training, TrainingListener.SILENT, Main.version(),
                    example.toString()).trained();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("case", "iris-training");
            result.put("jacobian", jacobian.word());
            result.put("network", training.network());
            result.put("iterations", training.steps());
            result.put("batch", design.dataset(training.dataset()).orElseThrow().train().size());
            result.put("seconds", Math.round(trained.wallSeconds() * 100) / 100.0);
            result.put("test_accuracy", trained.testAccuracy());
            result.put("seed", training.seed());
            result.put("cores", Runtime.getRuntime().availableProcessors());
            Benchmarks.printJson(out, result);
        }
    }

    private int hardwareScaling(java.io.PrintWriter out) throws IOException {
        for (String kind : synthesis) {
            if (!org.oscnet.bench.HardwareScaling.TARGETS.contains(kind)) {
                throw new UserError("--synthesis takes generic, ice40 or xilinx, not `" + kind + "`");
            }
        }
        if (pipeline < 0 || pipeline > org.oscnet.model.HardwareTarget.Verilog.MAX_PIPELINE || lanes < 1) {
            throw new UserError("--pipeline takes 0 to " + org.oscnet.model.HardwareTarget.Verilog.MAX_PIPELINE
                    + " and --lanes at least 1");
        }
        Path scratch = Files.createTempDirectory("oscnet-scaling");
        java.util.List<org.oscnet.bench.HardwareScaling.Point> points = new java.util.ArrayList<>();
        for (int n : sizes) {
            org.oscnet.bench.HardwareScaling.Point point = org.oscnet.bench.HardwareScaling.measure(n, lanes,
                    pipeline, sineBits, synthesis, scratch);
            points.add(point);
            Map<String, Object> json = org.oscnet.bench.HardwareScaling.json(point);
            json.put("cores", Runtime.getRuntime().availableProcessors());
            Benchmarks.printJson(out, json);
        }
        double[] x = points.stream().mapToDouble(p -> p.oscillators()).toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        if (synthesis.contains("generic")) {
            series.put("generic gates", points.stream().mapToDouble(p -> p.generic().orElseThrow().gates()).toArray());
            series.put("generic flip-flops", points.stream().mapToDouble(p -> p.generic().orElseThrow().flipFlops())
                    .toArray());
        }
        if (synthesis.contains("ice40")) {
            series.put("iCE40 LUT4", points.stream().mapToDouble(p -> p.ice40().orElseThrow().cells().luts())
                    .toArray());
        }
        if (synthesis.contains("xilinx")) {
            series.put("7-series LUT", points.stream().mapToDouble(p -> p.xilinx().orElseThrow().luts()).toArray());
            series.put("7-series FF", points.stream().mapToDouble(p -> p.xilinx().orElseThrow().flipFlops())
                    .toArray());
        }
        Map<String, double[]> labelled = new LinkedHashMap<>();
        series.forEach((name, values) -> {
            double b = org.oscnet.bench.HardwareScaling.exponent(x, values);
            String label = String.format(java.util.Locale.ROOT, "%s (N^%.2f)", name, b);
            out.println(String.format(java.util.Locale.ROOT, "{\"case\":\"hardware-scaling-fit\",\"series\":\"%s\","
                    + "\"exponent\":%.3f}", name, b));
            labelled.put(label, values);
        });
        boolean defaults = synthesis.equals(java.util.Set.of("generic")) && lanes == 8 && pipeline == 0
                && sineBits == 12;
        String plot = defaults ? "hardware_scaling.png"
                : "hardware_scaling_lanes" + lanes + "_pipeline" + pipeline + "_sine" + sineBits + ".png";
        org.oscnet.io.OutputFolder folder = new org.oscnet.io.OutputFolder(hardware);
        folder.put(plot, org.oscnet.plot.HardwarePlots.resources("Resources against oscillator count (" + lanes
                + " lane" + (lanes == 1 ? "" : "s") + ", pipeline " + pipeline + ", " + sineBits
                + "-bit sines; fitted exponents)", x, labelled));
        folder.commit().forEach(p -> out.println("wrote " + p));
        return 0;
    }

    /**
     * One training epoch of examples/seqdigits.osc with {@code neuron} (forward, BPTT and Adam over the
     * 898 training sequences) at one Euler step per input point and batch 120, best of --repeats, on
     * every core.
     */
    private Map<String, Object> recurrentEpoch(StnoRnnNetwork.Neuron.Kind neuron) {
        Path example = DemoCommand.home().resolve("examples/seqdigits.osc");
        Design design = Inputs.load(example, spec.commandLine().getErr());
        StnoRnnNetwork declared = (StnoRnnNetwork) design.networks().get(0);
        StnoRnnNetwork network = declared.withIntegration(1, StnoRnnNetwork.Integrator.EULER).withNeuron(
                new StnoRnnNetwork.Neuron(neuron, false, 0, 1));
        Training training = design.trainings().get(0);
        // batch 120 and no shifted copies, as the paper and the NumPy script: the same 898 sequences
        // and number of updates
        Training oneEpoch = new Training(training.network(), training.dataset(),
                ((TrainingMethod.Bptt) training.method()).withShift(0),
                training.optimizer(), 1, true, NUMPY_BATCH, false, training.seed(), 1);
        var dataset = design.dataset(network.dataset()).orElseThrow();
        int cores = Runtime.getRuntime().availableProcessors();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < Math.max(1, repeats); r++) {
            best = Math.min(best, new BpttTrainer(network, dataset, oneEpoch,
                    TrainingListener.SILENT, cores).train().stepSeconds());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("case", neuron == StnoRnnNetwork.Neuron.Kind.STNO ? "stno_rnn-epoch" : "stno_rnn-ctrnn-epoch");
        result.put("sequences", dataset.train().size());
        result.put("layers", network.layers());
        result.put("substeps", 1);
        result.put("batch", NUMPY_BATCH);
        result.put("seconds", Math.round(best * 1000) / 1000.0);
        result.put("cores", cores);
        result.put("kernels", RecurrentSimulator.kernels());
        return result;
    }

    /**
     * One equilibrium-propagation step of a 64-100-10 XY network (examples/digits_layered.osc with
     * 100 hidden units): 300 samples relaxed freely from random phases and nudged, Euler steps of
     * 0.1 up to t = 100, each sample stopped when max |dphi/dt| < 1e-4; mean of --repeats steps from
     * the initial parameters, on every core.
     */
    private Map<String, Object> equilibriumStep() {
        Design design = Inputs.load(DemoCommand.home().resolve("examples/digits_layered.osc"),
                spec.commandLine().getErr());
        EquilibriumNetwork network = ((EquilibriumNetwork) design.networks().get(0))
                .withLayers(java.util.List.of(64, 100, 10));
        Training training = design.trainings().get(0);
        var dataset = design.dataset(network.dataset()).orElseThrow();
        int cores = Runtime.getRuntime().availableProcessors();
        double seconds = secondsPerStep(network, design);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("case", "xy-ep-step");
        result.put("layers", network.layers());
        result.put("samples", training.batchSize() * dataset.classCount());
        result.put("step", network.simulation().step());
        result.put("tolerance", network.relaxation().tolerance());
        result.put("seconds", Math.round(seconds * 1000) / 1000.0);
        result.put("cores", cores);
        return result;
    }

    /**
     * One pass of equilibrium propagation over the 8 000 MNIST training images on the 784-100-10
     * network of {@code example} (XY or Stuart-Landau units): as many steps of 300 images (30 per
     * class) as make 8 000, timed per step from the initial parameters and multiplied out, with its
     * own solver and then, side by side in the same run, with Euler steps (unless that is its own).
     */
    private List<Map<String, Object>> mnistEpochs(String example, String name) {
        Design design = Inputs.load(DemoCommand.home().resolve(example), spec.commandLine().getErr());
        EquilibriumNetwork declared = (EquilibriumNetwork) design.networks().get(0);
        Training training = design.trainings().get(0);
        var dataset = design.dataset(declared.dataset()).orElseThrow();
        int cores = Runtime.getRuntime().availableProcessors();
        int batch = training.batchSize() * dataset.classCount();
        int steps = (dataset.train().size() + batch - 1) / batch;
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (EquilibriumNetwork.Solver solver : new java.util.LinkedHashSet<>(
                List.of(declared.relaxation().solver(), EquilibriumNetwork.Solver.EULER))) {
            EquilibriumNetwork network = declared.withSolver(solver);
            double seconds = secondsPerStep(network, design);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("case", name);
            result.put("layers", network.layers());
            result.put("solver", solver.word());
            result.put("images", dataset.train().size());
            result.put("steps", steps);
            result.put("seconds_per_step", Math.round(seconds * 1000) / 1000.0);
            result.put("seconds", Math.round(seconds * steps * 10) / 10.0);
            result.put("cores", cores);
            results.add(result);
        }
        return results;
    }

    /** Mean seconds of --repeats EP steps of {@code network} with the design's first training, on every core. */
    private double secondsPerStep(EquilibriumNetwork network, Design design) {
        Training training = design.trainings().get(0);
        return new org.oscnet.train.EquilibriumTrainer(network, design.dataset(network.dataset()).orElseThrow(),
                training, TrainingListener.SILENT, Runtime.getRuntime().availableProcessors())
                .secondsPerStep(Math.max(1, repeats));
    }

    private void runNumpy(java.io.PrintWriter out, String path, String argument)
            throws IOException, InterruptedException {
        Path script = DemoCommand.home().resolve(path);
        if (!Files.exists(script)) {
            throw new UserError("cannot find " + script);
        }
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), argument).redirectErrorStream(true);
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        if (copyingOutput(builder, out) != 0) {
            throw new UserError("the NumPy baseline failed (python3 with numpy needed)");
        }
    }

    /** Runs {@code builder}'s process, copies its standard output to {@code out} line by line, returns its status. */
    private static int copyingOutput(ProcessBuilder builder, java.io.PrintWriter out)
            throws IOException, InterruptedException {
        Process process = builder.start();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
                out.flush();
            }
        }
        return process.waitFor();
    }
}
