package org.oscnet.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.diag.Diagnostic;
import org.oscnet.io.OutputFolder;
import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Training;
import org.oscnet.pipeline.BadInput;
import org.oscnet.pipeline.CompileOptions;
import org.oscnet.pipeline.Family;
import org.oscnet.pipeline.InputsHash;
import org.oscnet.pipeline.NotImplementedYet;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.pipeline.TrainedFile;
import org.oscnet.train.TrainingListener;

/**
 * What {@code oscnet:generate} does for one {@code .osc} file, through the same {@link Pipeline}
 * as the command line: check it, train the networks whose {@code trained.json} is missing or
 * stale (or all, on {@code retrain}), then compile every hardware block, unless nothing it
 * depends on changed since the last build.
 */
final class OscGeneration {
    /** Where a Java model lies among a network's compiled files: {@code verilog/model/<package path>}. */
    private static final String MODEL_FOLDER = "/verilog/model/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record of one generation: what it was made from and what it wrote (relative to the project). */
    record Stamp(String fingerprint, List<String> outputs) {
    }

    private final BuildLayout layout;
    private final Log log;
    private final boolean retrain;
    private final boolean mayTrain;

    OscGeneration(BuildLayout layout, Log log, boolean retrain, boolean mayTrain) {
        this.layout = layout;
        this.log = log;
        this.retrain = retrain;
        this.mayTrain = mayTrain;
    }

    /** Checks, trains and compiles {@code oscFile}; returns the names of its networks. */
    List<String> generate(Path oscFile) throws MojoFailureException, IOException {
        String shown = layout.shown(oscFile);
        Design design = load(oscFile, shown);
        Set<String> targets = Set.copyOf(Pipeline.TARGETS);
        try {
            Pipeline.requireTrainable(design);
            Pipeline.requireCompilable(design, targets);
            String inputs = InputsHash.of(design);
            Path trainedRoot = layout.trainedRoot(oscFile);
            Map<String, byte[]> trainingOutputs = trainWhereNeeded(design, shown, inputs, trainedRoot);
            requireCurrent(design, shown, inputs, trainedRoot);
            String fingerprint = fingerprint(design, inputs, trainedRoot);
            if (trainingOutputs.isEmpty() && upToDate(oscFile, fingerprint)) {
                log.info(shown + ": up to date");
            } else {
                write(oscFile, shown, design, trainedRoot, targets, trainingOutputs, fingerprint);
            }
        } catch (BadInput | NotImplementedYet e) {
            throw new MojoFailureException(shown + ": " + e.getMessage());
        }
        return design.networks().stream().map(n -> n.name()).toList();
    }

    /** The checked design; every diagnostic logged as {@code file:[line,col] message}, the form IDEs pick up. */
    private Design load(Path oscFile, String shown) throws MojoFailureException {
        Frontend.Result result = Frontend.load(oscFile, shown);
        for (Diagnostic d : result.diagnostics()) {
            String where = d.span() == null ? d.fileName()
                    : d.span().file().displayName() + ":[" + d.span().line() + "," + d.span().column() + "]";
            if (d.severity() == Diagnostic.Severity.ERROR) {
                log.error(where + " " + d.message());
            } else {
                log.warn(where + " " + d.message());
            }
        }
        return result.design().orElseThrow(() -> new MojoFailureException(shown + " has errors (listed above);"
                + " nothing was written"));
    }

    /** Trains what needs it, writes each trained.json back beside the source, and returns the plots to write. */
    private Map<String, byte[]> trainWhereNeeded(Design design, String shown, String inputs, Path trainedRoot)
            throws IOException, MojoFailureException {
        Map<String, byte[]> plots = new LinkedHashMap<>();
        OutputFolder lockFiles = new OutputFolder(trainedRoot);
        for (Training training : design.trainings()) {
            TrainedFile file = TrainedFile.of(trainedRoot, training.network(), inputs);
            if (file.status() == TrainedFile.Status.CURRENT && !retrain) {
                log.info(shown + ": " + layout.shown(file.path()) + " is current");
                continue;
            }
            String why = retrain ? "-Doscnet.retrain is set" : file.problem(layout.shown(file.path()));
            if (!mayTrain) {
                throw new MojoFailureException(shown + ": " + why + "; training is off (oscnet.train=false): train"
                        + " with `mvn generate-sources -Doscnet.train=true` and commit the file");
            }
            log.info(shown + ": " + why + "; training `" + training.network() + "`");
            Pipeline.TrainResult result = Pipeline.train(design, training, progress(training), Pipeline.version(),
                    shown);
            result.files().forEach((path, bytes) -> {
                if (path.endsWith("/trained.json")) {
                    lockFiles.put(path, bytes);
                } else {
                    plots.put(path, bytes);
                }
            });
            log.info(result.summary());
        }
        lockFiles.commit().forEach(p -> log.info("wrote " + layout.shown(p)));
        return plots;
    }

    /** A network with hardware and no train block must come with a current trained.json. */
    private void requireCurrent(Design design, String shown, String inputs, Path trainedRoot)
            throws IOException, MojoFailureException {
        for (HardwareTarget target : design.hardware()) {
            TrainedFile file = TrainedFile.of(trainedRoot, target.network(), inputs);
            if (file.status() != TrainedFile.Status.CURRENT) {
                throw new MojoFailureException(shown + ": " + file.problem(layout.shown(file.path())) + ", and `"
                        + target.network() + "` has no train block to make it; add one, e.g. `train "
                        + target.network() + " on DATA { iterations 100; seed 1; }`");
            }
        }
    }

    private void write(Path oscFile, String shown, Design design, Path trainedRoot, Set<String> targets,
            Map<String, byte[]> trainingOutputs, String fingerprint) throws IOException {
        OutputFolder outputs = new OutputFolder(layout.outputs());
        OutputFolder javaSources = new OutputFolder(layout.javaSources());
        trainingOutputs.forEach(outputs::put);
        if (!design.hardware().isEmpty()) {
            Family.Compiled compiled = Pipeline.compile(design, trainedRoot, targets, new CompileOptions(
                    Optional.empty(), Pipeline.version(), shown), "mvn generate-sources -Doscnet.retrain");
            compiled.files().forEach((path, bytes) -> {
                outputs.put(path, bytes);
                int model = path.indexOf(MODEL_FOLDER);
                if (model > 0 && path.endsWith(".java")) {
                    javaSources.put(path.substring(model + MODEL_FOLDER.length()), bytes);
                }
            });
            compiled.summaries().forEach(line -> log.info(shown + ": " + line));
        }
        List<String> written = new ArrayList<>();
        for (Path path : outputs.commit()) {
            written.add(layout.shown(path));
        }
        for (Path path : javaSources.commit()) {
            written.add(layout.shown(path));
        }
        log.info(shown + ": wrote " + written.size() + " files under " + layout.shown(layout.outputs()) + " and "
                + layout.shown(layout.javaSources()));
        Path stamp = layout.stampOf(oscFile);
        Files.createDirectories(stamp.getParent());
        JSON.writeValue(stamp.toFile(), new Stamp(fingerprint, written));
    }

    /** True when the last generation was made from the same fingerprint and all it wrote is still there. */
    private boolean upToDate(Path oscFile, String fingerprint) {
        Path stamp = layout.stampOf(oscFile);
        if (!Files.isRegularFile(stamp)) {
            return false;
        }
        try {
            Stamp last = JSON.readValue(stamp.toFile(), Stamp.class);
            return fingerprint.equals(last.fingerprint())
                    && last.outputs().stream().allMatch(p -> Files.isRegularFile(layout.basedir().resolve(p)));
        } catch (IOException e) {
            log.debug("unreadable stamp " + stamp + ": " + e.getMessage());
            return false;
        }
    }

    /** What the outputs depend on: the oscnet version, the inputs' hash and the trained parameters. */
    private static String fingerprint(Design design, String inputs, Path trainedRoot) throws IOException {
        MessageDigest digest = InputsHash.sha256();
        digest.update((Pipeline.version() + "\n" + inputs + "\n").getBytes(StandardCharsets.UTF_8));
        Set<String> networks = new TreeSet<>();
        design.hardware().forEach(t -> networks.add(t.network()));
        for (String network : networks) {
            digest.update(("\n" + network + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(trainedRoot.resolve(network).resolve("trained.json")));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private TrainingListener progress(Training training) {
        return (restart, restarts, iteration, iterations, loss, accuracy) -> {
            int tenth = Math.max(1, iterations / 10);
            if (iteration % tenth == 0 || iteration == iterations) {
                log.info(String.format(java.util.Locale.ROOT, "%s: %s%d/%d, loss %.4f, train accuracy %.1f %%",
                        training.network(), restarts > 1 ? "restart " + (restart + 1) + "/" + restarts + ", " : "",
                        iteration, iterations, loss, 100 * accuracy));
            }
        };
    }
}
