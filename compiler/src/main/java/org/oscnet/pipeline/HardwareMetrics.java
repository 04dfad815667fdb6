package org.oscnet.pipeline;

/**
 * What a network's hardware computes, measured without emitting any file: what a sweep records
 * per task next to the float accuracy. A figure is null when the hardware block has no target
 * that gives it.
 *
 * @param fixedTestAccuracy test accuracy of the fixed-point array ({@code verilog})
 * @param cyclesPerSample clock cycles from accepting a sample to its class ({@code verilog})
 * @param dacTestAccuracy test accuracy at the frequencies the DAC codes give the nominal device ({@code dac})
 * @param spreadTestAccuracy mean test accuracy of chips whose devices spread by the {@code dac}
 *     block's device spread, biased by the nominal codes (uncalibrated); null without a spread
 */
public record HardwareMetrics(Double fixedTestAccuracy, Long cyclesPerSample, Double dacTestAccuracy,
        Double spreadTestAccuracy) {

    /** Nothing measured. */
    public static final HardwareMetrics NONE = new HardwareMetrics(null, null, null, null);

    /** This record's figures, and {@code other}'s where this has none. */
    public HardwareMetrics and(HardwareMetrics other) {
        return new HardwareMetrics(fixedTestAccuracy != null ? fixedTestAccuracy : other.fixedTestAccuracy,
                cyclesPerSample != null ? cyclesPerSample : other.cyclesPerSample,
                dacTestAccuracy != null ? dacTestAccuracy : other.dacTestAccuracy,
                spreadTestAccuracy != null ? spreadTestAccuracy : other.spreadTestAccuracy);
    }
}
