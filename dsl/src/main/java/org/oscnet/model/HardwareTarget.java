package org.oscnet.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** What to emit for one network: any of Verilog, DAC tables, SPICE netlists. */
public record HardwareTarget(String network, Optional<Verilog> verilog, Optional<Dac> dac, Optional<Spice> spice) {

    /**
     * The digital oscillator array. {@code widths} maps a signal class (phase, weight, input,
     * frequency, ...) to its width in bits; missing ones are chosen by the quantizer, within
     * {@code autoMaxLoss} (a fraction of test accuracy) when {@code autoWidths}. {@code lanes}
     * update circuits share the oscillators; {@code pipeline} register stages cut each update.
     * With {@code rawInput} the core takes the data file's feature values: the dataset's scaling
     * is folded into the input encoder's weights and biases.
     */
    public record Verilog(Map<String, Integer> widths, boolean autoWidths, double autoMaxLoss, int sineEntries,
            int sineBits, double clockHz, int lanes, int pipeline, boolean rawInput) {
        /** The most register stages a lane's update can be cut into. */
        public static final int MAX_PIPELINE = 6;

        public Verilog {
            widths = Map.copyOf(widths);
        }
    }

    /**
     * Bias DAC of spintronic oscillators: resolution, full-scale current, device model, and for
     * networks modelled in units of their mean frequency ({@code stuart_landau}) the frequency in
     * hertz that unit stands for, when the file gives one.
     */
    public record Dac(int bits, double fullScaleAmps, StnoDevice device, OptionalDouble meanFrequencyHz) {
    }

    /**
     * A spin-torque nano-oscillator in the universal auto-oscillator model: frequency
     * {@code f0Hz + nonlinearityHz * p}, threshold current, nonlinear damping {@code q},
     * linear damping rate, and the relative device-to-device spread for Monte-Carlo runs.
     */
    public record StnoDevice(double f0Hz, double nonlinearityHz, double thresholdAmps, double q, double dampingHz,
            double spread) {
    }

    /** SPICE netlists: phase macromodel or auto-oscillator model, and the transient step. */
    public record Spice(Level level, double stepSeconds) {
        /** The level of device detail. */
        public enum Level { PHASE, OSCILLATOR }
    }
}
