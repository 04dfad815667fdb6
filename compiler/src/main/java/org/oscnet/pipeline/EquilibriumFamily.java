package org.oscnet.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oscnet.io.EquilibriumJson;
import org.oscnet.io.Provenance;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Training;
import org.oscnet.model.TrainingMethod;
import org.oscnet.plot.EquilibriumPlots;
import org.oscnet.plot.TrainingPlots;
import org.oscnet.sim.XyLayout;
import org.oscnet.train.EquilibriumTrainer;
import org.oscnet.train.TrainedEquilibrium;
import org.oscnet.train.TrainingListener;

/**
 * Equilibrium networks trained by equilibrium propagation ({@link EquilibriumTrainer}), layered or
 * all-to-all: XY phase units (seed paper 3; also seed paper 4's phase networks with dispersion and
 * noise), with a digital array in Verilog, and Stuart-Landau amplitude-phase units (seed paper 4),
 * with ngspice netlists of their complex envelopes and the bias DAC tables of STNOs.
 */
final class EquilibriumFamily implements Family<EquilibriumNetwork, TrainedEquilibrium> {
    private final EquilibriumNetwork.Kind kind;

    EquilibriumFamily(EquilibriumNetwork.Kind kind) {
        this.kind = kind;
    }

    @Override
    public String keyword() {
        return kind.keyword();
    }

    private boolean digital() {
        return kind == EquilibriumNetwork.Kind.XY;
    }

    @Override
    public Class<EquilibriumNetwork> networkType() {
        return EquilibriumNetwork.class;
    }

    @Override
    public void requireTrainable(EquilibriumNetwork network, Training training) {
        if (!(training.method() instanceof TrainingMethod.EquilibriumPropagation)) {
            throw new BadInput("`" + network.name() + "` is an " + keyword() + " network; it trains with `method"
                    + " equilibrium propagation`, not `" + training.method().keyword() + "`");
        }
    }

    @Override
    public TrainedEquilibrium train(EquilibriumNetwork network, Dataset dataset, Training training,
            TrainingListener listener, int threads) {
        return new EquilibriumTrainer(network, dataset, training, listener, threads).train();
    }

    @Override
    public Map<String, byte[]> trainedFiles(EquilibriumNetwork network, Dataset dataset, Training training,
            TrainedEquilibrium trained, Provenance provenance, int threads) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("trained.json", EquilibriumJson.render(provenance, network, dataset, training, trained)
                .getBytes(StandardCharsets.UTF_8));
        double beta = ((TrainingMethod.EquilibriumPropagation) training.method()).beta();
        files.put("training.png", EquilibriumPlots.curves(trained));
        files.put("relaxation.png", EquilibriumPlots.relaxation(network, dataset, trained, beta));
        files.put("outputs.png", EquilibriumPlots.outputPhases(network, dataset, trained));
        files.put("confusion.png", TrainingPlots.confusion(network.name(), trained.confusion(), dataset.classNames()));
        return files;
    }

    @Override
    public String summary(EquilibriumNetwork network, Dataset dataset, Training training, TrainedEquilibrium trained) {
        XyLayout layout = XyLayout.of(network);
        String unlocked = Double.isNaN(trained.unlockedTestAccuracy()) ? ""
                : String.format(Locale.ROOT, ", %.1f %% correct among them", 100 * trained.unlockedTestAccuracy());
        return String.format(Locale.ROOT, "%s (%d %s units, %d couplings%s): test accuracy %.1f %% at the last step,"
                + " best %.1f %% (step %d, chosen on the test set), %.1f %% at the lowest training cost (step %d); train"
                + " accuracy %.1f %% (seed %d, %s; %.1f s, %.3f s per step; %.1f %% of test relaxations unsettled at"
                + " the end of the run, %.1f %% unlocked%s)",
                network.name(), layout.units(), keyword(), layout.edges(), conditions(network),
                100 * trained.testAccuracy(), 100 * trained.bestTestAccuracy(), trained.bestStep(),
                100 * trained.chosenTestAccuracy(), trained.chosenStep(), 100 * trained.trainAccuracy(),
                training.seed(), dataset.split(), trained.wallSeconds(), trained.stepSeconds(),
                100 * trained.unsettledFraction(), 100 * trained.unlockedFraction(), unlocked);
    }

    /** The device conditions the network was trained under, for the summary ("" when ideal). */
    private static String conditions(EquilibriumNetwork network) {
        StringBuilder text = new StringBuilder();
        if (network.frequencyDispersion() > 0) {
            text.append(String.format(Locale.ROOT, "; %.3g %% frequency dispersion", 100 * network.frequencyDispersion()));
        }
        if (network.simulation().noiseLinewidth() > 0) {
            text.append(String.format(Locale.ROOT, "; phase noise, linewidth %.3g %% of the mean frequency",
                    100 * network.simulation().noiseLinewidth()));
        }
        return text.toString();
    }

    @Override
    public TrainedEquilibrium readTrained(Path file, EquilibriumNetwork network) throws IOException {
        try {
            return EquilibriumJson.read(file, network);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    @Override
    public java.util.Optional<HardwareMetrics> measureHardware(EquilibriumNetwork network, Dataset dataset,
            TrainedEquilibrium trained, HardwareTarget target, int threads) {
        return digital() ? target.verilog().map(v -> XyVerilogTarget.measure(network, dataset, trained, v, threads))
                : java.util.Optional.empty();
    }

    @Override
    public Set<String> measuredTargets(EquilibriumNetwork network) {
        return digital() ? Set.of("verilog") : Set.of();
    }

    @Override
    public Set<String> targets() {
        return digital() ? Set.of("verilog") : Set.of("spice", "dac");
    }

    @Override
    public Compiled compile(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained,
            HardwareTarget target, Set<String> wanted, CompileOptions options) {
        if (!digital()) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            java.util.List<String> summaries = new java.util.ArrayList<>();
            try {
                if (target.dac().isPresent() && wanted.contains("dac")) {
                    summaries.add(StuartLandauDacTarget.compile(network, dataset, trained, target.dac().get(), options,
                            files));
                }
                if (target.spice().isPresent() && wanted.contains("spice")) {
                    summaries.add(StuartLandauSpiceTarget.compile(network, dataset, trained, options, files));
                }
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
            return new Compiled(files, summaries);
        }
        if (target.verilog().isEmpty() || !wanted.contains("verilog")) {
            return new Compiled(Map.of(), java.util.List.of());
        }
        XyVerilogTarget.Compiled compiled = XyVerilogTarget.compile(network, dataset, trained, target.verilog().get(),
                options.version(), options.source());
        Map<String, byte[]> files = new LinkedHashMap<>();
        compiled.files().forEach((path, bytes) -> files.put("verilog/" + path, bytes));
        return new Compiled(files, java.util.List.of(compiled.summary()));
    }
}
