package org.oscnet.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class DeviceSpreadTest {
    private static final Stno NOMINAL = new Stno(480e6, 2e9, 2e-3, 2, 100e6);
    private static final DeviceSpread.Dac DAC = new DeviceSpread.Dac(12, 8e-3);

    /** "Accuracy" 1 when every entry lies within {@code toleranceHz} of its target, else 0. */
    private static ToDoubleFunction<double[]> within(double[] target, double toleranceHz) {
        return hz -> {
            for (int e = 0; e < hz.length; e++) {
                if (Math.abs(hz[e] - target[e]) > toleranceHz) {
                    return 0;
                }
            }
            return 1;
        };
    }

    @Test
    void calibrationRecomputesCodesOnEachDrawnDevice() {
        int n = 5;
        double[] target = {950e6, 970e6, 990e6, 1010e6, 1030e6};
        int[] codes = new int[n];
        double lsb = 8e-3 / 4096;
        for (int i = 0; i < n; i++) {
            codes[i] = (int) Math.round(NOMINAL.current(target[i]) / lsb);
        }
        // a 12-bit LSB moves these devices by under 0.2 MHz; a 2 % spread of f0, N and I_th by tens of MHz
        List<DeviceSpread.Row> rows = DeviceSpread.run(NOMINAL, n, DAC, target, codes, within(target, 0.5e6),
                new double[] {0.0, 0.02}, 4, 9);
        assertEquals(1.0, rows.get(0).uncalibratedMean(), "no spread: the nominal codes are right");
        assertEquals(1.0, rows.get(0).calibratedMean());
        assertEquals(0.0, rows.get(1).uncalibratedMean(), "2 % spread: nominal codes miss by far more than 0.5 MHz");
        assertEquals(1.0, rows.get(1).calibratedWorst(), "every calibrated trial lands within an LSB");
    }

    @Test
    void theDevicesOwnSpreadJoinsTheStudiedOnesOnce() {
        assertArrayEquals(DeviceSpread.SPREADS, DeviceSpread.spreads(0));
        assertArrayEquals(DeviceSpread.SPREADS, DeviceSpread.spreads(0.01));
        double[] with = DeviceSpread.spreads(0.03);
        assertEquals(DeviceSpread.SPREADS.length + 1, with.length);
        assertEquals(0.03, with[5]);
    }
}
