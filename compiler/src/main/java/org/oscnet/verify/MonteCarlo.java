package org.oscnet.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.oscnet.device.Stno;
import org.oscnet.io.SpiceJson;
import org.oscnet.sim.Seeds;

/**
 * Device-to-device spread: each trial draws one STNO per oscillator around the nominal device,
 * then measures test accuracy with the simulator twice: biased by the nominal DAC codes (what
 * an uncalibrated chip does) and by codes recomputed from each device's own tuning curve
 * (per-oscillator calibration, still quantized by the DAC; a frequency a device cannot reach
 * takes the nearest code).
 */
public final class MonteCarlo {
    /** Relative spreads of f0, N and I_th studied, besides the device's own when it gives one. */
    public static final double[] SPREADS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05};

    private MonteCarlo() {
    }

    /** Accuracy over the trials at one spread: mean and worst, uncalibrated and calibrated. */
    public record Row(double spread, double uncalibratedMean, double uncalibratedWorst, double calibratedMean,
            double calibratedWorst, int trials) {
    }

    public static List<Row> run(SpiceJson.Manifest m, SpiceChecks checks, double[] spreads, int trials, long seed) {
        int n = m.oscillators();
        double lsb = m.dacFullScaleAmps() / (1L << m.dacBits());
        int maxCode = (int) ((1L << m.dacBits()) - 1);
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < spreads.length; s++) {
            double[] uncalibrated = new double[trials];
            double[] calibrated = new double[trials];
            for (int t = 0; t < trials; t++) {
                SplittableRandom random = new SplittableRandom(Seeds.derive(seed, s, t));
                Stno[] devices = new Stno[n];
                for (int i = 0; i < n; i++) {
                    devices[i] = m.device().perturbed(spreads[s], random);
                }
                double[] nominalCodes = new double[m.codes().length];
                double[] ownCodes = new double[m.codes().length];
                for (int e = 0; e < m.codes().length; e++) {
                    Stno device = devices[e % n];
                    nominalCodes[e] = device.frequency(m.codes()[e] * lsb);
                    double target = Math.min(device.highestHz() * (1 - 1e-9),
                            Math.max(device.lowestHz() * (1 + 1e-9), m.targetHz()[e]));
                    long code = Math.round(device.current(target) / lsb);
                    ownCodes[e] = device.frequency(Math.min(maxCode, Math.max(0, code)) * lsb);
                }
                uncalibrated[t] = checks.readout().accuracy(checks.simulate(nominalCodes), m.labels());
                calibrated[t] = checks.readout().accuracy(checks.simulate(ownCodes), m.labels());
            }
            rows.add(new Row(spreads[s], mean(uncalibrated), min(uncalibrated), mean(calibrated), min(calibrated),
                    trials));
        }
        return rows;
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
