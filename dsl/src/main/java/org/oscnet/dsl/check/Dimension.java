package org.oscnet.dsl.check;

import java.util.List;

/** The physical dimension a value must have, with the words and example a message uses. */
public enum Dimension {
    TIME("a time", "10 ps", List.of("fs", "ps", "ns", "us", "ms", "s")),
    FREQUENCY("a frequency", "10 MHz", List.of("Hz", "kHz", "MHz", "GHz", "THz")),
    CURRENT("a current", "2 mA", List.of("nA", "uA", "mA", "A")),
    VOLTAGE("a voltage", "1 V", List.of("uV", "mV", "V")),
    RESISTANCE("a resistance", "1 kOhm", List.of("Ohm", "kOhm", "MOhm")),
    CAPACITANCE("a capacitance", "1 pF", List.of("fF", "pF", "nF", "uF")),
    ANGLE("an angle", "90 deg", List.of("deg", "rad", "mrad")),
    /** A plain number; {@code %} is allowed and divides by 100. */
    NONE("a plain number", "0.5", List.of("%"));

    private final String description;
    private final String example;
    private final List<String> commonUnits;

    Dimension(String description, String example, List<String> commonUnits) {
        this.description = description;
        this.example = example;
        this.commonUnits = commonUnits;
    }

    /** "a frequency", for messages. */
    public String description() {
        return description;
    }

    /** "10 MHz", a value of this dimension to show in messages. */
    public String example() {
        return example;
    }

    /** The units a "did you mean" may suggest, most common first. */
    public List<String> commonUnits() {
        return commonUnits;
    }
}
