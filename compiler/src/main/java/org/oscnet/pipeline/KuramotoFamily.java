package org.oscnet.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscnet.io.Provenance;
import org.oscnet.io.TrainedJson;
import org.oscnet.model.Dataset;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.plot.TrainingPlots;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.train.KuramotoTrainer;
import org.oscnet.train.TrainedKuramoto;
import org.oscnet.train.TrainingListener;

/**
 * Kuramoto classifiers (seed paper 1): the offline gradient and online trainers, the fixed-point
 * Verilog target ({@link VerilogTarget}) and the spintronic targets ({@link SpintronicTarget}).
 */
final class KuramotoFamily implements Family<KuramotoNetwork, TrainedKuramoto> {

    @Override
    public String keyword() {
        return "kuramoto";
    }

    @Override
    public Class<KuramotoNetwork> networkType() {
        return KuramotoNetwork.class;
    }

    @Override
    public void requireTrainable(KuramotoNetwork network, Training training) {
        if (!(training.method() instanceof TrainingMethod.OfflineGradient
                || training.method() instanceof TrainingMethod.OnlineRule)) {
            throw new BadInput("`" + network.name() + "` is a kuramoto network; it trains with `method offline"
                    + " gradient` or `method online`, not `" + training.method().keyword() + "`");
        }
    }

    @Override
    public TrainedKuramoto train(KuramotoNetwork network, Dataset dataset, Training training,
            TrainingListener listener, int threads) {
        return new KuramotoTrainer(network, dataset, training, listener, threads).train();
    }

    /** trained.json, the loss curve, frequency traces, and the response map (2 features) or confusion matrix. */
    @Override
    public Map<String, byte[]> trainedFiles(KuramotoNetwork network, Dataset dataset, Training training,
            TrainedKuramoto trained, Provenance provenance, int threads) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("trained.json", TrainedJson.render(provenance, network, dataset, training, trained)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        KuramotoSimulator simulator = KuramotoSimulator.forNetwork(network, threads);
        long seed = training.seed();
        files.put("training.png", TrainingPlots.curves(trained));
        files.put("traces.png", TrainingPlots.traces(network, dataset, trained, simulator, seed));
        if (dataset.featureCount() == 2) {
            files.put("response.png", TrainingPlots.responseMap(network, dataset, trained, simulator, seed, 34));
        }
        if (network.outputs().size() > 1) {
            files.put("confusion.png", TrainingPlots.confusion(dataset, trained));
        }
        return files;
    }

    @Override
    public String summary(KuramotoNetwork network, Dataset dataset, Training training, TrainedKuramoto trained) {
        return String.format(Locale.ROOT, "%s: train accuracy %.1f %%, test accuracy %.1f %% (seed %d, %s; %.1f s)",
                network.name(), 100 * trained.trainAccuracy(), 100 * trained.testAccuracy(), training.seed(),
                dataset.split(), trained.wallSeconds());
    }

    @Override
    public TrainedKuramoto readTrained(Path file, KuramotoNetwork network) throws IOException {
        try {
            return TrainedJson.read(file, network);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    @Override
    public java.util.Optional<HardwareMetrics> measureHardware(KuramotoNetwork network, Dataset dataset,
            TrainedKuramoto trained, HardwareTarget target, int threads) {
        if (target.verilog().isEmpty() && target.dac().isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            HardwareMetrics verilog = target.verilog().map(v -> VerilogTarget.measure(network, dataset, trained, v,
                    threads)).orElse(HardwareMetrics.NONE);
            return java.util.Optional.of(verilog.and(target.dac().map(d -> SpintronicTarget.measure(network, dataset,
                    trained, d, threads)).orElse(HardwareMetrics.NONE)));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    @Override
    public Set<String> measuredTargets(KuramotoNetwork network) {
        return Set.of("verilog", "dac");
    }

    @Override
    public Set<String> targets() {
        return Set.of("verilog", "dac", "spice");
    }

    @Override
    public Compiled compile(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained, HardwareTarget target,
            Set<String> wanted, CompileOptions options) {
        boolean verilog = target.verilog().isPresent() && wanted.contains("verilog");
        boolean dac = target.dac().isPresent() && wanted.contains("dac");
        boolean spice = target.spice().isPresent() && wanted.contains("spice");
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> summaries = new ArrayList<>();
        try {
            if (verilog) {
                VerilogTarget.Compiled compiled = VerilogTarget.compile(network, dataset, trained,
                        target.verilog().get(), options.version(), options.source());
                compiled.files().forEach((path, bytes) -> files.put("verilog/" + path, bytes));
                summaries.add(compiled.summary());
            }
            if (dac || spice) {
                HardwareTarget asked = spice ? target : new HardwareTarget(target.network(), target.verilog(),
                        target.dac(), Optional.empty());
                SpintronicTarget.Compiled compiled = SpintronicTarget.compile(network, dataset, trained, asked,
                        options.calibration(), options.version(), options.source());
                compiled.files().forEach((path, bytes) -> {
                    if (dac || !path.startsWith("dac/")) {
                        files.put(path, bytes);
                    }
                });
                summaries.add(compiled.summary());
            }
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        return new Compiled(files, summaries);
    }
}
