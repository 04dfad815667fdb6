package org.oscnet.dsl.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;

/**
 * The statements of one block, indexed by keyword. Building it reports statements given twice
 * and statements that do not belong in this kind of block; the typed accessors convert values
 * to SI and report a wrong dimension or a value out of range. Every accessor returns a value
 * (the default when something was wrong), so checking goes on and finds the next problem.
 */
final class Block {
    private final String description;
    private final Map<String, Ast.Statement> statements = new LinkedHashMap<>();
    private final Diagnostics diagnostics;
    private final Span span;

    /**
     * @param description how messages name the block: "network `versicolor`"
     * @param allowed the keywords this block takes; others are reported with {@code misplaced}
     * @param misplaced why a known but unwanted keyword is wrong here: "does not apply to a kuramoto network"
     */
    Block(String description, Span span, List<Ast.Statement> body, Set<String> allowed, String misplaced,
            Diagnostics diagnostics) {
        this.description = description;
        this.span = span;
        this.diagnostics = diagnostics;
        for (Ast.Statement statement : body) {
            String keyword = statement.keyword();
            if (!allowed.contains(keyword)) {
                diagnostics.error(statement.span(), "`" + keyword + "` " + misplaced);
                continue;
            }
            Ast.Statement first = statements.putIfAbsent(keyword, statement);
            if (first != null) {
                diagnostics.error(statement.span(), "`" + keyword + "` is given twice in " + description
                        + "; the first is on line " + first.span().line());
            }
        }
    }

    String description() {
        return description;
    }

    /** Where the block is named, for problems that belong to the whole block. */
    Span span() {
        return span;
    }

    boolean has(String keyword) {
        return statements.containsKey(keyword);
    }

    <T extends Ast.Statement> Optional<T> get(String keyword, Class<T> type) {
        return Optional.ofNullable(statements.get(keyword)).filter(type::isInstance).map(type::cast);
    }

    Optional<Ast.Statement> statement(String keyword) {
        return Optional.ofNullable(statements.get(keyword));
    }

    /** Reports a missing required statement at the block's head. */
    boolean require(String keyword, String example) {
        if (has(keyword)) {
            return true;
        }
        diagnostics.error(span, description + " needs `" + keyword + "`, e.g. `" + example + "`");
        return false;
    }

    /** A count such as {@code oscillators 6}, required to lie in {@code [min, max]}. */
    long count(String keyword, long fallback, long min, long max) {
        Optional<Ast.CountSetting> setting = get(keyword, Ast.CountSetting.class);
        if (setting.isEmpty()) {
            return fallback;
        }
        Ast.IntLiteral value = setting.get().value();
        return Values.checkRange(value.value(), min, max, "`" + keyword + "`", value.span(), diagnostics)
                ? value.value() : fallback;
    }

    /** A quantity in SI units, of {@code dimension}, with {@code check} applied; else {@code fallback}. */
    double quantity(String keyword, Dimension dimension, double fallback, Values.Bound bound) {
        Optional<Ast.QuantitySetting> setting = get(keyword, Ast.QuantitySetting.class);
        if (setting.isEmpty()) {
            return fallback;
        }
        return Values.si(setting.get().value(), dimension, "`" + keyword + "`", diagnostics)
                .filter(v -> bound.check(v, "`" + keyword + "`", setting.get().value().span(), diagnostics))
                .orElse(fallback);
    }
}
