package org.oscnet.quantize;

import org.oscnet.device.Stno;

/**
 * The bias DAC programme of a Kuramoto classifier built from STNOs: for every test sample and
 * oscillator the exact bias current of the trained frequency (inverse tuning curve), its DAC
 * code and the frequency that code really gives; and, for a DAC that sums currents in analog,
 * the operating point and input weights in current units with the error of that linearisation.
 * Arrays are row-major {@code [sample × oscillator]} and {@code [oscillator × feature]}.
 *
 * @param devices the device of each oscillator the currents were computed for (all the nominal
 *     device, or measured ones after calibration)
 * @param operatingInputs the scaled input at which the linearisation is made (the training mean)
 * @param operatingAmps bias current of each oscillator at the operating input
 * @param weightAmps input weight of each oscillator and feature, amperes per unit of scaled feature
 * @param linearisationMaxHz largest |f(I_op + G (x − x_op)) − F(x)| over the test samples
 * @param linearisationRmsHz its root mean square
 */
public record DacPlan(String name, int bits, double fullScaleAmps, Stno[] devices, int oscillators, int features,
        double[] targetHz, double[] exactAmps, int[] codes, double[] realisedHz, double[] operatingInputs,
        double[] operatingAmps, int[] operatingCodes, double[] weightAmps, double[] linearisedHz,
        double linearisationMaxHz, double linearisationRmsHz) {

    /** One DAC step in amperes: full scale / 2^bits (codes 0 .. 2^bits − 1). */
    public double lsbAmps() {
        return fullScaleAmps / (1L << bits);
    }

    public int maxCode() {
        return (int) ((1L << bits) - 1);
    }

    public int samples() {
        return codes.length / oscillators;
    }

    public double codeAmps(int code) {
        return code * lsbAmps();
    }

    /** The largest |realised − target| frequency over all samples and oscillators (DAC quantization). */
    public double quantizationMaxHz() {
        double max = 0;
        for (int e = 0; e < codes.length; e++) {
            max = Math.max(max, Math.abs(realisedHz[e] - targetHz[e]));
        }
        return max;
    }

    /** The bound on that error: half an LSB times the steepest slope of the tuning curve used. */
    public double quantizationBoundHz() {
        double bound = 0;
        for (int e = 0; e < codes.length; e++) {
            Stno device = devices[e % oscillators];
            double steepest = Math.max(device.slope(exactAmps[e] - lsbAmps() / 2), device.slope(exactAmps[e]));
            bound = Math.max(bound, steepest * lsbAmps() / 2);
        }
        return bound;
    }
}
