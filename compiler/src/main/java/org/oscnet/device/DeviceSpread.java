package org.oscnet.device;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.oscnet.sim.Seeds;

/**
 * Device-to-device spread: each trial draws one STNO per oscillator around the nominal device,
 * then measures test accuracy twice: biased by the nominal DAC codes (what an uncalibrated chip
 * does) and by codes recomputed from each device's own tuning curve (per-oscillator calibration,
 * still quantized by the DAC; a frequency a device cannot reach takes the nearest code).
 */
public final class DeviceSpread {
    /** Relative spreads of f0, N and I_th studied, besides the device's own when it gives one. */
    public static final double[] SPREADS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05};

    private DeviceSpread() {
    }

    /** {@link #SPREADS} with the device's own spread among them (when it gives one). */
    public static double[] spreads(double own) {
        if (own <= 0 || java.util.Arrays.stream(SPREADS).anyMatch(s -> s == own)) {
            return SPREADS.clone();
        }
        return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(SPREADS),
                java.util.stream.DoubleStream.of(own)).sorted().toArray();
    }

    /** Accuracy over the trials at one spread: mean and worst, uncalibrated and calibrated. */
    public record Row(double spread, double uncalibratedMean, double uncalibratedWorst, double calibratedMean,
            double calibratedWorst, int trials) {
    }

    /** The DAC the codes are for: codes 0 .. 2^bits − 1 of {@code fullScaleAmps / 2^bits} each. */
    public record Dac(int bits, double fullScaleAmps) {
        double lsbAmps() {
            return fullScaleAmps / (1L << bits);
        }

        long maxCode() {
            return (1L << bits) - 1;
        }
    }

    /**
     * @param targetHz the frequency each entry should have; entry {@code e} belongs to oscillator
     *     {@code e % oscillators}
     * @param codes the nominal device's code of each entry
     * @param accuracy test accuracy of the realised frequencies, one per entry
     */
    public static List<Row> run(Stno nominal, int oscillators, Dac dac, double[] targetHz, int[] codes,
            ToDoubleFunction<double[]> accuracy, double[] spreads, int trials, long seed) {
        double lsb = dac.lsbAmps();
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < spreads.length; s++) {
            double[] uncalibrated = new double[trials];
            double[] calibrated = new double[trials];
            for (int t = 0; t < trials; t++) {
                SplittableRandom random = new SplittableRandom(Seeds.derive(seed, s, t));
                Stno[] devices = new Stno[oscillators];
                for (int i = 0; i < oscillators; i++) {
                    devices[i] = nominal.perturbed(spreads[s], random);
                }
                double[] nominalCodes = new double[codes.length];
                double[] ownCodes = new double[codes.length];
                for (int e = 0; e < codes.length; e++) {
                    Stno device = devices[e % oscillators];
                    nominalCodes[e] = device.frequency(codes[e] * lsb);
                    ownCodes[e] = device.frequency(ownCode(device, targetHz[e], dac) * lsb);
                }
                uncalibrated[t] = accuracy.applyAsDouble(nominalCodes);
                calibrated[t] = accuracy.applyAsDouble(ownCodes);
            }
            rows.add(new Row(spreads[s], mean(uncalibrated), min(uncalibrated), mean(calibrated), min(calibrated),
                    trials));
        }
        return rows;
    }

    /** The code whose current gives {@code hz} on this device, the nearest reachable one when it cannot. */
    static long ownCode(Stno device, double hz, Dac dac) {
        double target = Math.min(device.highestHz() * (1 - 1e-9), Math.max(device.lowestHz() * (1 + 1e-9), hz));
        long code = Math.round(device.current(target) / dac.lsbAmps());
        return Math.min(dac.maxCode(), Math.max(0, code));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
