package org.oscnet.quantize;

import java.util.Locale;
import org.oscnet.device.Stno;

/**
 * Turns trained natural frequencies into bias DAC codes through each device's inverse tuning
 * curve. A frequency the device cannot reach, or a current beyond the DAC's full scale, is an
 * error naming the oscillator, the sample and the current needed: never a silent clip.
 */
public final class DacQuantizer {
    private DacQuantizer() {
    }

    /**
     * @param frequencyHz the trained map {@code F_i = clip(Σ_p W[i][p] x_p + W[i][features])}, Hz
     * @param tuningLowHz lower end of the network's tuning range (F is clipped there, as trained)
     * @param testInputs scaled test features {@code [rows × features]}
     * @param operatingInputs the input of the linearisation (the mean training input)
     * @param devices one device per oscillator
     */
    public static DacPlan plan(String name, int bits, double fullScaleAmps, double[][] frequencyHz,
            double tuningLowHz, double tuningHighHz, double[] testInputs, double[] operatingInputs, Stno[] devices) {
        int n = frequencyHz.length;
        int features = frequencyHz[0].length - 1;
        int rows = features == 0 ? 1 : testInputs.length / features;
        double lsb = fullScaleAmps / (1L << bits);
        int maxCode = (int) ((1L << bits) - 1);
        double[] target = new double[rows * n];
        double[] exact = new double[rows * n];
        int[] codes = new int[rows * n];
        double[] realised = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                int e = r * n + i;
                target[e] = natural(frequencyHz[i], testInputs, r * features, tuningLowHz, tuningHighHz);
                exact[e] = current(name, devices[i], i, features == 0 ? "every input" : "test sample " + r, target[e],
                        lsb * maxCode);
                codes[e] = (int) Math.round(exact[e] / lsb);
                realised[e] = devices[i].frequency(codes[e] * lsb);
            }
        }
        double[] opAmps = new double[n];
        int[] opCodes = new int[n];
        double[] weights = new double[n * features];
        for (int i = 0; i < n; i++) {
            double f = natural(frequencyHz[i], operatingInputs, 0, tuningLowHz, tuningHighHz);
            opAmps[i] = current(name, devices[i], i, "the operating point", f, lsb * maxCode);
            opCodes[i] = (int) Math.round(opAmps[i] / lsb);
            double slope = devices[i].slope(opAmps[i]);
            for (int p = 0; p < features; p++) {
                weights[i * features + p] = frequencyHz[i][p] / slope;
            }
        }
        double[] linearised = new double[rows * n];
        double max = 0;
        double sumSquares = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double amps = opAmps[i];
                for (int p = 0; p < features; p++) {
                    amps += weights[i * features + p] * (testInputs[r * features + p] - operatingInputs[p]);
                }
                int e = r * n + i;
                linearised[e] = devices[i].frequency(amps);
                double error = linearised[e] - target[e];
                max = Math.max(max, Math.abs(error));
                sumSquares += error * error;
            }
        }
        return new DacPlan(name, bits, fullScaleAmps, devices.clone(), n, features, target, exact, codes, realised,
                operatingInputs.clone(), opAmps, opCodes, weights, linearised, max, Math.sqrt(sumSquares / (rows * n)));
    }

    /**
     * The bias of oscillators whose frequencies do not depend on the input (one "sample"): each
     * device's current for {@code targetHz[i]}, its code and the frequency the code gives.
     */
    public static DacPlan fixed(String name, int bits, double fullScaleAmps, double[] targetHz, Stno[] devices) {
        double[][] constant = new double[targetHz.length][];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = new double[] {targetHz[i]};
        }
        return plan(name, bits, fullScaleAmps, constant, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                new double[0], new double[0], devices);
    }

    /** The frequencies a set of devices really gives from codes computed for others (no calibration). */
    public static double[] realise(DacPlan plan, Stno[] devices) {
        double[] hz = new double[plan.codes().length];
        for (int e = 0; e < hz.length; e++) {
            hz[e] = devices[e % plan.oscillators()].frequency(plan.codeAmps(plan.codes()[e]));
        }
        return hz;
    }

    static double natural(double[] row, double[] x, int offset, double low, double high) {
        int features = row.length - 1;
        double f = row[features];
        for (int p = 0; p < features; p++) {
            f += row[p] * x[offset + p];
        }
        return Math.min(high, Math.max(low, f));
    }

    private static double current(String name, Stno device, int oscillator, String where, double hz,
            double maxAmps) {
        double amps;
        try {
            amps = device.current(hz);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "oscillator %d of `%s` needs %.3f MHz at %s, but its STNO reaches only %.3f .. %.3f MHz;"
                            + " change the device's f0 or nonlinearity", oscillator, name, hz / 1e6, where,
                    device.lowestHz() / 1e6, device.highestHz() / 1e6));
        }
        if (amps > maxAmps) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "oscillator %d of `%s` needs %.4f mA for %.3f MHz at %s, beyond the DAC's largest current"
                            + " %.4f mA; raise `full scale` in the dac block", oscillator, name, amps * 1e3, hz / 1e6,
                    where, maxAmps * 1e3));
        }
        return amps;
    }
}
