package org.oscnet.dsl.check;

import java.util.List;
import java.util.Optional;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.diag.Suggestions;

/** Conversion of written values to SI, and the range checks shared by all blocks. */
final class Values {
    private Values() {
    }

    /** A range constraint on an SI value, with the words a message uses. */
    interface Bound {
        boolean check(double value, String what, Span span, Diagnostics diagnostics);
    }

    static final Bound ANY = (v, what, span, d) -> true;

    /**
     * Requires a quantity relative to a mean frequency to be written as a percentage, so that
     * {@code 2} (200 %, or 2 %?) is never guessed.
     */
    static void requirePercent(Ast.Quantity quantity, String what, String example, Diagnostics diagnostics) {
        if (quantity.unit().isEmpty()) {   // another unit already has its own error
            diagnostics.error(quantity.span(), what + " is a percentage of the mean natural frequency; write it with"
                    + " `%`, e.g. `" + example + "`");
        }
    }

    static Bound positive() {
        return (v, what, span, d) -> {
            if (v > 0) {
                return true;
            }
            d.error(span, what + " must be positive");
            return false;
        };
    }

    static Bound nonNegative() {
        return (v, what, span, d) -> {
            if (v >= 0) {
                return true;
            }
            d.error(span, what + " must not be negative");
            return false;
        };
    }

    /** {@code low <= v <= high}, shown to the user as {@code shown}, e.g. "between 0 and 1". */
    static Bound between(double low, double high, String shown) {
        return (v, what, span, d) -> {
            if (v >= low && v <= high) {
                return true;
            }
            d.error(span, what + " must be " + shown);
            return false;
        };
    }

    static boolean checkRange(long value, long min, long max, String what, Span span, Diagnostics diagnostics) {
        if (value >= min && value <= max) {
            return true;
        }
        String range = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        diagnostics.error(span, what + " must be " + range + ", not " + value);
        return false;
    }

    /**
     * The quantity in SI units if it has {@code dimension}; otherwise a located error naming what
     * was expected ("`coupling` takes a frequency, like `10 MHz`").
     */
    static Optional<Double> si(Ast.Quantity quantity, Dimension dimension, String what, Diagnostics diagnostics) {
        Optional<Units.Unit> unit = Units.lookup(quantity.unit());
        if (unit.isEmpty()) {
            diagnostics.error(quantity.unitSpan(), Suggestions.withHint("unknown unit `" + quantity.unit() + "`",
                    quantity.unit(), dimension == Dimension.NONE ? allCommonUnits() : dimension.commonUnits()));
            return Optional.empty();
        }
        if (unit.get().dimension() != dimension) {
            if (dimension == Dimension.NONE) {
                diagnostics.error(quantity.unitSpan(), what + " is a plain number; remove the unit `" + quantity.unit() + "`");
            } else if (!quantity.hasUnit()) {
                diagnostics.error(quantity.span(), what + " needs a unit: " + dimension.description() + ", like `"
                        + dimension.example() + "`");
            } else {
                diagnostics.error(quantity.unitSpan(), what + " takes " + dimension.description() + ", like `"
                        + dimension.example() + "`; `" + quantity.unit() + "` is " + unit.get().dimension().description()
                        .replace("a plain number", "no dimension"));
            }
            return Optional.empty();
        }
        return Optional.of(quantity.value() * unit.get().factor());
    }

    private static List<String> allCommonUnits() {
        return java.util.Arrays.stream(Dimension.values()).flatMap(d -> d.commonUnits().stream()).toList();
    }

    /** A plain whole number (no unit, no fraction), e.g. a class index in an option. */
    static Optional<Long> wholeNumber(Ast.Quantity quantity, String what, Diagnostics diagnostics) {
        if (quantity.hasUnit() || !quantity.integral()) {
            diagnostics.error(quantity.span(), what + " must be a whole number");
            return Optional.empty();
        }
        return Optional.of((long) quantity.value());
    }
}
