package org.oscnet.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.oscnet.device.DeviceSpread;
import org.oscnet.device.Stno;
import org.oscnet.emit.DacTables;
import org.oscnet.emit.SpiceEmitter;
import org.oscnet.io.SpiceJson;
import org.oscnet.model.Dataset;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.quantize.DacPlan;
import org.oscnet.quantize.DacQuantizer;
import org.oscnet.quantize.Quantizer;
import org.oscnet.sim.KuramotoSimulator;
import org.oscnet.sim.Threads;
import org.oscnet.train.Readout;
import org.oscnet.train.TrainedKuramoto;

/**
 * The spintronic targets of one trained Kuramoto network: bias DAC tables through the STNOs'
 * inverse tuning curve ({@code dac/}) and ngspice netlists biased by those codes ({@code spice/}),
 * with {@code spice.json} for {@code oscnet verify}. Accuracy is measured with the simulator from
 * the same initial phases for the trained, the DAC-quantized and the linearised frequencies.
 */
public final class SpintronicTarget {
    /** Seed of the initial phases every netlist and the simulator's reference runs start from. */
    public static final long PHASE_SEED = 20261123L;
    /** Detunings of the level 2 pair check, in units of the locking range 2k. */
    private static final double[] PAIR_DETUNINGS = {0.25, 0.75, 1.5, 2.5};
    private static final int TUNING_POINTS = 6;

    private SpintronicTarget() {
    }

    /** What compiling produced: files relative to the network's folder, the DAC plan, a summary. */
    public record Compiled(Map<String, byte[]> files, DacPlan plan, String summary) {
    }

    /**
     * @param calibrated measured devices, one per oscillator, or empty for the nominal device of the dac block
     */
    public static Compiled compile(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            HardwareTarget target, Optional<Stno[]> calibrated, String version, String source) {
        HardwareTarget.Dac dac = target.dac().orElseThrow();
        int n = network.oscillators();
        Stno nominal = Stno.of(dac.device());
        Stno[] devices = calibrated.orElseGet(() -> nominalDevices(nominal, n));
        if (devices.length != n) {
            throw new IllegalArgumentException("the calibration lists " + devices.length + " devices; `"
                    + network.name() + "` has " + n + " oscillators");
        }
        DacPlan plan = plan(network, dataset, trained, dac, devices);

        int rows = dataset.test().size();
        int[] labels = dataset.test().labels();
        KuramotoSimulator simulator = KuramotoSimulator.forNetwork(network, 0.0, Threads.allCores());
        double[] phases = simulator.initialPhases(rows, PHASE_SEED, 0);
        Readout readout = new Readout(network);
        Map<String, Double> accuracy = new LinkedHashMap<>();
        accuracy.put("trained", readout.accuracy(simulator.meanFrequencies(plan.targetHz(), rows, phases, 0, 0), labels));
        accuracy.put("dac_codes", readout.accuracy(simulator.meanFrequencies(plan.realisedHz(), rows, phases, 0, 0), labels));
        accuracy.put("linearised", readout.accuracy(simulator.meanFrequencies(plan.linearisedHz(), rows, phases, 0,
                0), labels));

        Map<String, byte[]> files = new LinkedHashMap<>();
        String calibration = calibrated.isPresent() ? "per-oscillator devices (--calibration)" : "nominal device";
        put(files, "dac/bias.csv", DacTables.biasCsv(plan, labels, dataset.classNames()));
        put(files, "dac/bias.mem", DacTables.mem(plan, version, source));
        put(files, "dac/weights.csv", DacTables.weightsCsv(plan));
        put(files, "dac/dac.json", DacTables.json(plan, version, source, calibration, labels, dataset.classNames(),
                accuracy));

        String spiceNote = "";
        if (target.spice().isPresent()) {
            HardwareTarget.Spice spice = target.spice().get();
            boolean level2 = spice.level() == HardwareTarget.Spice.Level.OSCILLATOR;
            SpiceJson.Manifest manifest = manifest(network, dataset, plan, nominal, dac, phases, level2, version,
                    source);
            put(files, "spice/" + manifest.phaseNetlist(), SpiceEmitter.phaseNetwork(manifest, spice.stepSeconds(),
                    version));
            if (level2) {
                put(files, "spice/" + manifest.stnoNetlist(), SpiceEmitter.stnoNetwork(manifest, spice.stepSeconds(),
                        version));
                put(files, "spice/" + manifest.tuningNetlist(), SpiceEmitter.tuning(manifest, spice.stepSeconds(),
                        version));
                put(files, "spice/" + manifest.pairNetlist(), SpiceEmitter.pair(manifest, spice.stepSeconds(),
                        version));
            }
            try {
                put(files, "spice/spice.json", SpiceJson.render(manifest));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            spiceNote = level2 ? "; SPICE levels 1 and 2" : "; SPICE level 1";
        }
        String summary = String.format(Locale.ROOT,
                "%s: %d STNOs, %d-bit DAC (LSB %.3f uA); test accuracy trained %.1f %%, DAC codes %.1f %%,"
                        + " linearised weights %.1f %% (%d test rows, phase seed %d); DAC error max %.3f MHz,"
                        + " linearisation error max %.3f MHz%s",
                network.name(), n, dac.bits(), plan.lsbAmps() * 1e6, 100 * accuracy.get("trained"),
                100 * accuracy.get("dac_codes"), 100 * accuracy.get("linearised"), rows, PHASE_SEED,
                plan.quantizationMaxHz() / 1e6, plan.linearisationMaxHz() / 1e6, spiceNote);
        return new Compiled(files, plan, summary);
    }

    /** Chips a sweep draws per task to measure the accuracy at the device spread. */
    static final int SPREAD_TRIALS = 10;

    /**
     * Test accuracy through the DAC on the nominal device and, when the device gives a spread, the
     * mean over {@link #SPREAD_TRIALS} uncalibrated chips (seeded, the same draws for every task):
     * what a sweep records for a {@code dac} block, nothing emitted.
     */
    static HardwareMetrics measure(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            HardwareTarget.Dac dac, int threads) {
        int n = network.oscillators();
        Stno nominal = Stno.of(dac.device());
        DacPlan plan = plan(network, dataset, trained, dac, nominalDevices(nominal, n));
        int rows = dataset.test().size();
        int[] labels = dataset.test().labels();
        KuramotoSimulator simulator = KuramotoSimulator.forNetwork(network, 0.0, threads);
        double[] phases = simulator.initialPhases(rows, PHASE_SEED, 0);
        Readout readout = new Readout(network);
        java.util.function.ToDoubleFunction<double[]> accuracy = hz -> readout.accuracy(
                simulator.meanFrequencies(hz, rows, phases, 0, 0), labels);
        Double spread = null;
        if (dac.device().spread() > 0) {
            spread = DeviceSpread.run(nominal, n, new DeviceSpread.Dac(dac.bits(), dac.fullScaleAmps()),
                    plan.targetHz(), plan.codes(), accuracy, new double[] {dac.device().spread()}, SPREAD_TRIALS,
                    SPREAD_SEED).get(0).uncalibratedMean();
        }
        return new HardwareMetrics(null, null, accuracy.applyAsDouble(plan.realisedHz()), spread);
    }

    private static final long SPREAD_SEED = 20261202L;

    private static Stno[] nominalDevices(Stno nominal, int n) {
        Stno[] all = new Stno[n];
        Arrays.fill(all, nominal);
        return all;
    }

    private static DacPlan plan(KuramotoNetwork network, Dataset dataset, TrainedKuramoto trained,
            HardwareTarget.Dac dac, Stno[] devices) {
        double[][] frequencyHz = Quantizer.frequencyMatrix(network, trained, dataset.featureCount());
        return DacQuantizer.plan(network.name(), dac.bits(), dac.fullScaleAmps(), frequencyHz, network.tuningLowHz(),
                network.tuningHighHz(), dataset.test().featuresRowMajor(), meanInput(dataset), devices);
    }

    private static SpiceJson.Manifest manifest(KuramotoNetwork network, Dataset dataset, DacPlan plan, Stno nominal,
            HardwareTarget.Dac dac, double[] phases, boolean level2, String version, String source) {
        var sim = network.simulation();
        double centre = (network.tuningLowHz() + network.tuningHighHz()) / 2;
        double[] tuning = new double[level2 ? TUNING_POINTS : 0];
        double low = nominal.current(network.tuningLowHz());
        double high = nominal.current(network.tuningHighHz());
        for (int t = 0; t < tuning.length; t++) {
            tuning[t] = low + (high - low) * t / (TUNING_POINTS - 1);
        }
        double[] detunings = new double[level2 ? PAIR_DETUNINGS.length : 0];
        for (int c = 0; c < detunings.length; c++) {
            detunings[c] = PAIR_DETUNINGS[c] * 2 * network.couplingHz();
        }
        List<SpiceJson.Pair> pairs = network.outputs().stream()
                .map(p -> new SpiceJson.Pair(p.first(), p.second(), p.syncClass())).toList();
        String name = network.name();
        return new SpiceJson.Manifest(SpiceJson.SCHEMA, version, source, name, network.oscillators(),
                network.couplingHz(), centre, sim.step(), sim.steps(), sim.readoutSteps(), dataset.classNames(), pairs,
                nominal, dac.bits(), dac.fullScaleAmps(), dac.device().spread(), dataset.test().labels(),
                plan.targetHz(), plan.codes(), plan.realisedHz(), phases, PHASE_SEED, name + "_phase.cir",
                level2 ? name + "_stno.cir" : null, level2 ? "stno_tuning.cir" : null, tuning,
                level2 ? "stno_pair.cir" : null, centre - network.couplingHz(), detunings);
    }

    /** The mean scaled training input: where the linearised (analog) weights are exact. */
    static double[] meanInput(Dataset dataset) {
        int features = dataset.featureCount();
        double[] mean = new double[features];
        for (int r = 0; r < dataset.train().size(); r++) {
            for (int p = 0; p < features; p++) {
                mean[p] += dataset.train().feature(r, p) / dataset.train().size();
            }
        }
        return mean;
    }

    static void put(Map<String, byte[]> files, String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
