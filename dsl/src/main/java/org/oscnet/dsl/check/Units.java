package org.oscnet.dsl.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SI units with prefixes: {@code ps}, {@code MHz}, {@code uA} (or {@code µA}), {@code kOhm},
 * {@code deg}. Each spelling maps to a dimension and the factor that converts to SI.
 */
public final class Units {
    /** A unit's dimension and the factor from it to the SI unit (radians for angles). */
    public record Unit(Dimension dimension, double factor) {
    }

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    static {
        Map<String, Double> prefixes = new LinkedHashMap<>();
        prefixes.put("f", 1e-15);
        prefixes.put("p", 1e-12);
        prefixes.put("n", 1e-9);
        prefixes.put("u", 1e-6);
        prefixes.put("\u00b5", 1e-6);
        prefixes.put("\u03bc", 1e-6);
        prefixes.put("m", 1e-3);
        prefixes.put("", 1.0);
        prefixes.put("k", 1e3);
        prefixes.put("M", 1e6);
        prefixes.put("G", 1e9);
        prefixes.put("T", 1e12);
        Map<String, Dimension> bases = new LinkedHashMap<>();
        bases.put("s", Dimension.TIME);
        bases.put("Hz", Dimension.FREQUENCY);
        bases.put("A", Dimension.CURRENT);
        bases.put("V", Dimension.VOLTAGE);
        bases.put("Ohm", Dimension.RESISTANCE);
        bases.put("ohm", Dimension.RESISTANCE);
        bases.put("\u03a9", Dimension.RESISTANCE);
        bases.put("F", Dimension.CAPACITANCE);
        bases.put("rad", Dimension.ANGLE);
        bases.forEach((base, dimension) -> prefixes.forEach(
                (prefix, factor) -> UNITS.putIfAbsent(prefix + base, new Unit(dimension, factor))));
        UNITS.put("deg", new Unit(Dimension.ANGLE, Math.PI / 180));
        UNITS.put("%", new Unit(Dimension.NONE, 0.01));
        UNITS.put("", new Unit(Dimension.NONE, 1.0));
    }

    private Units() {
    }

    public static Optional<Unit> lookup(String spelling) {
        return Optional.ofNullable(UNITS.get(spelling));
    }
}
