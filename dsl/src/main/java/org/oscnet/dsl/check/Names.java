package org.oscnet.dsl.check;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Suggestions;

/** Resolves a reference to a declared dataset or network. */
final class Names {
    private Names() {
    }

    /**
     * The checked declaration {@code ref} names. A name that is declared but failed its own checks
     * resolves to empty without a second message; an undeclared name is reported with a hint.
     */
    static <T> Optional<T> resolve(Ast.Name ref, String kind, Map<String, T> checked, Set<String> declared,
            Diagnostics diagnostics) {
        T found = checked.get(ref.text());
        if (found != null) {
            return Optional.of(found);
        }
        if (!declared.contains(ref.text())) {
            diagnostics.error(ref.span(), Suggestions.withHint("no " + kind + " named `" + ref.text() + "`", ref.text(),
                    declared));
        }
        return Optional.empty();
    }
}
