package org.oscnet.dsl.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Suggestions;

/**
 * The options in parentheses after a method, optimizer or device: {@code (lr 0.03, squash tanh)}.
 * Unknown and repeated keys are reported on construction; getters convert and check values.
 */
final class OptionSet {
    private final Map<String, Ast.Option> options = new LinkedHashMap<>();
    private final Diagnostics diagnostics;

    OptionSet(List<Ast.Option> written, List<String> known, String owner, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        for (Ast.Option option : written) {
            String key = option.key().text();
            if (!known.contains(key)) {
                String message = known.isEmpty() ? owner + " takes no options"
                        : "unknown option `" + key + "` for " + owner + "; it takes " + String.join(", ", known);
                diagnostics.error(option.key().span(), Suggestions.withHint(message, key, known));
            } else if (options.putIfAbsent(key, option) != null) {
                diagnostics.error(option.key().span(), "option `" + key + "` is given twice");
            }
        }
    }

    double quantity(String key, Dimension dimension, double fallback, Values.Bound bound) {
        Ast.Option option = options.get(key);
        if (option == null) {
            return fallback;
        }
        if (!(option.value() instanceof Ast.QuantityValue value)) {
            diagnostics.error(option.value() == null ? option.span() : option.value().span(), "option `" + key
                    + "` takes " + dimension.description() + ", like `" + key + " " + dimension.example() + "`");
            return fallback;
        }
        return Values.si(value.quantity(), dimension, "option `" + key + "`", diagnostics)
                .filter(v -> bound.check(v, "option `" + key + "`", value.span(), diagnostics)).orElse(fallback);
    }

    /** A word among {@code choices}, e.g. {@code squash tanh}. */
    String word(String key, List<String> choices, String fallback) {
        Ast.Option option = options.get(key);
        if (option == null) {
            return fallback;
        }
        String written = option.value() instanceof Ast.NameValue name ? name.name().text() : null;
        if (written == null || !choices.contains(written)) {
            String message = "option `" + key + "` is one of " + String.join(", ", choices);
            diagnostics.error(option.value() == null ? option.span() : option.value().span(),
                    written == null ? message : Suggestions.withHint(message, written, choices));
            return fallback;
        }
        return written;
    }

    Optional<Ast.Option> get(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
