package org.oscnet.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oscnet.io.Provenance;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Network;
import org.oscnet.model.Training;
import org.oscnet.train.Trained;
import org.oscnet.train.TrainingListener;

/**
 * The stages after the front end, as one programmatic pipeline that every command calls: train,
 * compile, verify. Each stage finds the network's {@link Family} and checks everything it can
 * before any work starts; stages return files (relative to the output folder) instead of writing
 * them, so a command commits them together or not at all.
 */
public final class Pipeline {
    /** Every target a hardware block can ask for. */
    public static final List<String> TARGETS = List.of("verilog", "dac", "spice");

    private Pipeline() {
    }

    /** The oscnet version Maven wrote into the jar, as generated headers and trained files name it. */
    public static String version() {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = Pipeline.class.getResourceAsStream("/org/oscnet/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    /** A trained network: its files relative to the output folder, and one line to print. */
    public record TrainResult(String network, Trained trained, Map<String, byte[]> files, String summary) {
    }

    /** Throws {@link NotImplementedYet} or {@link BadInput} for a train block that cannot run, before any work. */
    public static void requireTrainable(Design design) {
        for (Training training : design.trainings()) {
            Network network = design.network(training.network()).orElseThrow();
            checkTrainable(family(network, "training " + network.family() + " networks (`" + network.name()
                    + "`, method `" + training.method().keyword() + "`)"), network, training);
        }
    }

    /** Trains one train block of {@code design} on every core. */
    public static TrainResult train(Design design, Training training, TrainingListener listener, String version,
            String source) {
        Network network = design.network(training.network()).orElseThrow();
        Dataset dataset = design.dataset(training.dataset()).orElseThrow();
        return trainWith(family(network, "training " + network.family() + " networks"), design, network, dataset,
                training, listener, version, source);
    }

    /**
     * Trains one train block of {@code design} on at most {@code threads} threads and measures what
     * its family can of the network's hardware block (the fixed-point array of a {@code verilog}
     * target, the DAC of a {@code dac} target; a sweep's task).
     * Nothing is written; the files {@link #train} would write (relative to the output folder) come
     * back when {@code keep} gives the provenance to record in them.
     */
    public static Measured trainAndMeasure(Design design, Training training, TrainingListener listener,
            java.util.Optional<Provenance> keep, int threads) {
        Network network = design.network(training.network()).orElseThrow();
        Dataset dataset = design.dataset(training.dataset()).orElseThrow();
        Family<?, ?> family = family(network, "training " + network.family() + " networks");
        java.util.Optional<HardwareTarget> hardware = design.hardware().stream()
                .filter(t -> t.network().equals(network.name())).findFirst();
        return measureWith(family, network, dataset, training, hardware, listener, keep, threads);
    }

    /**
     * The targets of the hardware block for {@code network} in {@code design} that a sweep's task
     * measures (see {@link Family#measuredTargets}); none when the network has no hardware block.
     */
    public static Set<String> measuredTargets(Design design, String network) {
        Network model = design.network(network).orElseThrow();
        return measuredWith(family(model, "sweeping " + model.family() + " networks"), model);
    }

    private static <N extends Network, T extends Trained> Set<String> measuredWith(Family<N, T> family,
            Network network) {
        return family.measuredTargets(family.networkType().cast(network));
    }

    /** The provenance {@code oscnet train} records for a design read from {@code source}. */
    public static Provenance provenance(Design design, String version, String source) {
        return new Provenance(version, source, InputsHash.of(design));
    }

    /**
     * A trained network, what its fixed-point array computes when it has a Verilog target, and
     * its trained files when they were asked for (else none).
     */
    public record Measured(Trained trained, java.util.Optional<HardwareMetrics> hardware, Map<String, byte[]> files) {
    }

    /**
     * Checks, before anything is written, that every requested target ({@code wanted}, a subset of
     * {@link #TARGETS}) of every hardware block can be emitted.
     */
    public static void requireCompilable(Design design, Set<String> wanted) {
        for (HardwareTarget target : design.hardware()) {
            Network network = design.network(target.network()).orElseThrow();
            for (String asked : asked(target, wanted)) {
                String what = "the " + asked + " target for " + network.family() + " networks (`" + network.name()
                        + "`)";
                if (!family(network, what).targets().contains(asked)) {
                    throw new NotImplementedYet(what);
                }
            }
        }
    }

    /** The targets of {@link #TARGETS} that {@code target} declares and {@code wanted} asks for. */
    public static List<String> asked(HardwareTarget target, Set<String> wanted) {
        return TARGETS.stream().filter(wanted::contains).filter(t -> switch (t) {
            case "verilog" -> target.verilog().isPresent();
            case "dac" -> target.dac().isPresent();
            default -> target.spice().isPresent();
        }).toList();
    }

    /**
     * Compiles every hardware block of {@code design} that asks for one of {@code wanted}, from the
     * {@code trained.json} files under {@code trainedRoot}: files relative to the output folder, and
     * summary lines.
     */
    public static Family.Compiled compile(Design design, Path trainedRoot, Set<String> wanted, CompileOptions options,
            String trainCommand) throws IOException {
        requireCompilable(design, wanted);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> summaries = new java.util.ArrayList<>();
        for (HardwareTarget target : design.hardware()) {
            if (asked(target, wanted).isEmpty()) {
                continue;
            }
            Network network = design.network(target.network()).orElseThrow();
            Dataset dataset = design.dataset(network.dataset()).orElseThrow();
            Family.Compiled compiled = compileWith(family(network, "compiling " + network.family() + " networks"),
                    network, dataset, target, wanted, options, trainedRoot, trainCommand);
            compiled.files().forEach((path, bytes) -> files.put(network.name() + "/" + path, bytes));
            summaries.addAll(compiled.summaries());
        }
        return new Family.Compiled(files, summaries);
    }

    /**
     * The trained files of networks with a hardware block, under {@code trainedRoot}, that were trained
     * from another version of the {@code .osc} file or its data.
     */
    public static List<TrainedFile> staleTrainedFiles(Design design, Path trainedRoot) throws IOException {
        String inputs = InputsHash.of(design);
        List<TrainedFile> stale = new java.util.ArrayList<>();
        for (HardwareTarget target : design.hardware()) {
            TrainedFile file = TrainedFile.of(trainedRoot, target.network(), inputs);
            if (file.status() == TrainedFile.Status.STALE) {
                stale.add(file);
            }
        }
        return stale;
    }

    private static Family<?, ?> family(Network network, String what) {
        return Families.of(network, what);
    }

    // The generic helpers below capture each family's type parameters once, so the cast from
    // Network to the family's own network type happens here and nowhere else.

    private static <N extends Network, T extends Trained> void checkTrainable(Family<N, T> family, Network network,
            Training training) {
        family.requireTrainable(family.networkType().cast(network), training);
    }

    private static <N extends Network, T extends Trained> TrainResult trainWith(Family<N, T> family, Design design,
            Network network, Dataset dataset, Training training, TrainingListener listener, String version, String source) {
        N typed = family.networkType().cast(network);
        family.requireTrainable(typed, training);
        int threads = org.oscnet.sim.Threads.allCores();
        T trained = family.train(typed, dataset, training, listener, threads);
        Map<String, byte[]> files = new LinkedHashMap<>();
        family.trainedFiles(typed, dataset, training, trained, provenance(design, version, source), threads)
                .forEach((path, bytes) -> files.put(network.name() + "/" + path, bytes));
        return new TrainResult(network.name(), trained, files, family.summary(typed, dataset, training, trained));
    }

    private static <N extends Network, T extends Trained> Measured measureWith(Family<N, T> family,
            Network network, Dataset dataset, Training training, java.util.Optional<HardwareTarget> hardware,
            TrainingListener listener, java.util.Optional<Provenance> keep, int threads) {
        N typed = family.networkType().cast(network);
        family.requireTrainable(typed, training);
        T trained = family.train(typed, dataset, training, listener, threads);
        Map<String, byte[]> files = new LinkedHashMap<>();
        keep.ifPresent(provenance -> family.trainedFiles(typed, dataset, training, trained, provenance, threads)
                .forEach((path, bytes) -> files.put(network.name() + "/" + path, bytes)));
        return new Measured(trained, hardware.flatMap(h -> family.measureHardware(typed, dataset, trained, h, threads)),
                files);
    }

    /** Reads the {@code trained.json} of {@code design}'s network {@code network} (a sweep's kept file, say). */
    public static Trained readTrained(Design design, String network, Path file) throws IOException {
        Network model = design.network(network).orElseThrow(() -> new BadInput(file + ": the design has no network `"
                + network + "`"));
        return readWith(family(model, "reading trained " + model.family() + " networks"), model, file);
    }

    private static <N extends Network, T extends Trained> T readWith(Family<N, T> family, Network network, Path file)
            throws IOException {
        return family.readTrained(file, family.networkType().cast(network));
    }

    private static <N extends Network, T extends Trained> Family.Compiled compileWith(Family<N, T> family,
            Network network, Dataset dataset, HardwareTarget target, Set<String> wanted, CompileOptions options,
            Path trainedRoot, String trainCommand) throws IOException {
        N typed = family.networkType().cast(network);
        Path file = trainedRoot.resolve(network.name()).resolve("trained.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + " does not exist; train first: " + trainCommand);
        }
        T trained = family.readTrained(file, typed);
        return family.compile(typed, dataset, trained, target, wanted, options);
    }
}
