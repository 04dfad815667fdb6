package org.oscnet.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oscnet.device.DeviceSpread;
import org.oscnet.device.Stno;
import org.oscnet.emit.DacTables;
import org.oscnet.model.Dataset;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.HardwareTarget;
import org.oscnet.plot.HardwarePlots;
import org.oscnet.quantize.DacPlan;
import org.oscnet.quantize.DacQuantizer;
import org.oscnet.sim.EquilibriumSimulator;
import org.oscnet.sim.XyLayout;
import org.oscnet.train.EquilibriumTrainer;
import org.oscnet.train.TrainedEquilibrium;

/**
 * The bias DAC of a trained {@code stuart_landau} network built from STNOs.
 *
 * <p>The model measures frequency in units of the mean angular frequency ω̄; the dac block's
 * {@code frequency} says what ω̄/2π is in hertz (by default the nominal device's frequency at half
 * the DAC's full scale). Free unit f was trained with natural frequency {@code ω̄ (1 + Δω_f)} (its
 * offset from the training seed's device draw, zero without {@code dispersion}); its bias is the
 * current that gives that frequency on its device's tuning curve, coded by the DAC. With
 * {@code --calibration} the curve is each measured device's own, so the devices' spread is
 * calibrated out up to one DAC step. The test accuracy is measured with the simulator for the
 * trained offsets and for the offsets the codes really give ({@code f(code)/f̄ − 1}, not recentred:
 * the inputs' sources run at f̄), and against device spread with and without calibration.
 *
 * <p>What the mapping leaves out, reported rather than modelled: an STNO's amplitude is set by the
 * same current as its frequency (each unit's amplitude ratio to the nominal device's is listed),
 * and its frequency depends on its power (strong nonisochronicity), which the Stuart-Landau model
 * of the network does not have.
 */
final class StuartLandauDacTarget {
    static final String SCHEMA = "oscnet.dac-stuart_landau/1";
    /** Trials per spread of the device-spread study. */
    static final int SPREAD_TRIALS = 3;
    /** Seed of the device-spread study's device draws. */
    static final long SPREAD_SEED = 20261201L;

    private StuartLandauDacTarget() {
    }

    static String compile(EquilibriumNetwork network, Dataset dataset, TrainedEquilibrium trained,
            HardwareTarget.Dac dac, CompileOptions options, Map<String, byte[]> files) {
        XyLayout layout = XyLayout.of(network);
        int free = layout.free();
        Stno nominal = Stno.of(dac.device());
        double meanHz = dac.meanFrequencyHz().orElse(nominal.frequency(dac.fullScaleAmps() / 2));
        Stno[] devices = devices(network, nominal, free, options);
        double[] trainedOffsets = EquilibriumTrainer.deviceOffsets(network, trained);
        double[] targetHz = new double[free];
        for (int f = 0; f < free; f++) {
            targetHz[f] = meanHz * (1 + trainedOffsets[f]);
        }
        DacPlan plan = DacQuantizer.fixed(network.name(), dac.bits(), dac.fullScaleAmps(), targetHz, devices);

        EquilibriumSimulator simulator = new EquilibriumSimulator(layout, network);
        int threads = Runtime.getRuntime().availableProcessors();
        java.util.function.ToDoubleFunction<double[]> accuracy = hz -> EquilibriumTrainer.evaluate(network, simulator,
                trained.parameters(), offsets(hz, meanHz), dataset.test(), trained.seed(), threads).accuracy();
        Map<String, Double> accuracies = new LinkedHashMap<>();
        accuracies.put("trained", accuracy.applyAsDouble(targetHz));
        accuracies.put("dac_codes", accuracy.applyAsDouble(plan.realisedHz()));
        // the study perturbs the nominal device, whose codes an uncalibrated chip would use
        DacPlan nominalPlan = options.calibration().isPresent() ? DacQuantizer.fixed(network.name(), dac.bits(),
                dac.fullScaleAmps(), targetHz, uniform(nominal, free)) : plan;
        List<DeviceSpread.Row> spread = DeviceSpread.run(nominal, free, new DeviceSpread.Dac(dac.bits(),
                dac.fullScaleAmps()), targetHz, nominalPlan.codes(), accuracy,
                DeviceSpread.spreads(dac.device().spread()), SPREAD_TRIALS, SPREAD_SEED);

        double nominalPower = nominal.power(nominal.current(meanHz));
        double[] powers = new double[free];
        double[] amplitudeRatios = new double[free];
        for (int f = 0; f < free; f++) {
            powers[f] = devices[f].power(plan.codeAmps(plan.codes()[f]));
            amplitudeRatios[f] = Math.sqrt(powers[f] / nominalPower);
        }
        double strongest = strongestCoupling(EquilibriumTrainer.couplings(network, trained));
        String calibration = options.calibration().isPresent() ? "per-oscillator devices (--calibration)"
                : "nominal device";
        SpintronicTarget.put(files, "dac/bias.csv", DacTables.unitsCsv(plan, roles(layout), meanHz, powers, amplitudeRatios));
        SpintronicTarget.put(files, "dac/bias.mem", DacTables.unitsMem(plan, options.version(), options.source()));
        SpintronicTarget.put(files, "dac/dac.json", DacTables.unitsJson(SCHEMA, plan, options.version(), options.source(), calibration,
                accuracies, root -> describe(root, meanHz, nominalPower, powers, amplitudeRatios, strongest, spread,
                        dataset.test().size())));
        files.put("dac/device_spread.png", HardwarePlots.deviceSpread(network.name(),
                spread.stream().mapToDouble(DeviceSpread.Row::spread).toArray(),
                spread.stream().mapToDouble(DeviceSpread.Row::uncalibratedMean).toArray(),
                spread.stream().mapToDouble(DeviceSpread.Row::calibratedMean).toArray(), accuracies.get("dac_codes")));

        DeviceSpread.Row onePercent = spread.stream().filter(r -> r.spread() == 0.01).findFirst().orElseThrow();
        return String.format(Locale.ROOT, "%s: %d STNO biases at %.3f MHz (%s), %d-bit DAC (LSB %.3f uA); test"
                        + " accuracy trained %.1f %%, DAC codes %.1f %%, at 1 %% device spread %.1f %% uncalibrated and"
                        + " %.1f %% calibrated (mean of %d, %d test rows); amplitudes %.3f .. %.3f of nominal;"
                        + " strongest coupling %.3g of the mean frequency (%.3g MHz)",
                network.name(), free, meanHz / 1e6, calibration, dac.bits(), plan.lsbAmps() * 1e6,
                100 * accuracies.get("trained"), 100 * accuracies.get("dac_codes"),
                100 * onePercent.uncalibratedMean(), 100 * onePercent.calibratedMean(), SPREAD_TRIALS,
                dataset.test().size(), Arrays.stream(amplitudeRatios).min().orElse(1),
                Arrays.stream(amplitudeRatios).max().orElse(1), strongest, strongest * meanHz / 1e6);
    }

    private static Stno[] devices(EquilibriumNetwork network, Stno nominal, int free, CompileOptions options) {
        Stno[] devices = options.calibration().orElseGet(() -> uniform(nominal, free));
        if (devices.length != free) {
            throw new IllegalArgumentException("the calibration lists " + devices.length + " devices; `"
                    + network.name() + "` has " + free + " oscillators (its hidden and output units)");
        }
        return devices;
    }

    private static Stno[] uniform(Stno device, int count) {
        Stno[] all = new Stno[count];
        Arrays.fill(all, device);
        return all;
    }

    /** Natural-frequency offsets in the model's units from frequencies in hertz. */
    private static double[] offsets(double[] hz, double meanHz) {
        double[] offsets = new double[hz.length];
        for (int f = 0; f < hz.length; f++) {
            offsets[f] = hz[f] / meanHz - 1;
        }
        return offsets;
    }

    /** The largest |W| among the couplings of free units (to inputs and to each other), in units of ω̄. */
    private static double strongestCoupling(XyLayout.Couplings k) {
        double max = 0;
        for (double w : k.input()) {
            max = Math.max(max, Math.abs(w));
        }
        for (double w : k.mutual()) {
            max = Math.max(max, Math.abs(w));
        }
        return max;
    }

    private static List<String> roles(XyLayout layout) {
        List<String> roles = new ArrayList<>();
        for (int f = 0; f < layout.free(); f++) {
            roles.add(f < layout.firstOutput() ? "hidden" : "output " + (f - layout.firstOutput()));
        }
        return roles;
    }

    private static void describe(ObjectNode root, double meanHz, double nominalPower, double[] powers,
            double[] amplitudeRatios, double strongest, List<DeviceSpread.Row> spread, int testRows) {
        ObjectNode units = root.putObject("units");
        units.put("mean_frequency_hz", meanHz);
        units.put("model_frequency_unit", "the mean angular frequency: offset 0.01 = 1 % of mean_frequency_hz");
        units.put("strongest_coupling", strongest);
        units.put("strongest_coupling_hz", strongest * meanHz);
        ObjectNode amplitude = root.putObject("amplitude");
        amplitude.put("nominal_power", nominalPower);
        DacTables.array(amplitude.putArray("power"), powers);
        DacTables.array(amplitude.putArray("ratio_to_nominal"), amplitudeRatios);
        amplitude.put("note", "an STNO's bias sets its amplitude with its frequency; the network's model gives every"
                + " unit the same amplitude, so these ratios are reported, not simulated");
        root.put("test_rows", testRows);
        ArrayNode rows = root.putArray("device_spread");
        spread.forEach(r -> rows.addObject().put("spread", r.spread()).put("uncalibrated_mean", r.uncalibratedMean())
                .put("uncalibrated_worst", r.uncalibratedWorst()).put("calibrated_mean", r.calibratedMean())
                .put("calibrated_worst", r.calibratedWorst()).put("trials", r.trials()));
        root.put("device_spread_seed", SPREAD_SEED);
    }
}
