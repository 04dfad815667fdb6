package org.oscnet.pipeline;

/**
 * What a network's digital hardware computes, measured on the bit-exact semantics without
 * emitting any file: what a sweep records per task next to the float accuracy.
 *
 * @param fixedTestAccuracy test accuracy of the fixed-point array
 * @param cyclesPerSample clock cycles from accepting a sample to its class
 */
public record HardwareMetrics(double fixedTestAccuracy, long cyclesPerSample) {
}
