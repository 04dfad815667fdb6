package org.oscnet.dsl.check;

import java.util.Optional;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;

/** Checks a written range {@code low .. high}: both ends of one dimension, in increasing order. */
final class Ranges {
    private Ranges() {
    }

    /** {@code [low, high]} in SI units, or empty after reporting what was wrong. */
    static Optional<double[]> of(Ast.Range range, Dimension dimension, String what, Diagnostics diagnostics) {
        Optional<Double> low = Values.si(range.low(), dimension, what, diagnostics);
        Optional<Double> high = Values.si(range.high(), dimension, what, diagnostics);
        if (low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        if (low.get() >= high.get()) {
            String hint = low.get() > high.get()
                    ? "is upside down; write the lower end first: `" + range.high().span().text() + " .. "
                            + range.low().span().text() + "`"
                    : "is empty; its ends must differ";
            diagnostics.error(range.span(), what + " " + hint);
            return Optional.empty();
        }
        return Optional.of(new double[] {low.get(), high.get()});
    }
}
