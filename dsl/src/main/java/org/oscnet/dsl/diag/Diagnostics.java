package org.oscnet.dsl.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects problems and keeps going, so one run reports all of them. Passes call
 * {@link #error}; the driver asks {@link #hasErrors()} once, at the end of a stage.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final Map<SourceFile, Integer> fileOrder = new IdentityHashMap<>();

    public void error(Span span, String message) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, span, null, message));
    }

    public void warning(Span span, String message) {
        add(new Diagnostic(Diagnostic.Severity.WARNING, span, null, message));
    }

    /** An error about a whole file that could not be read at all. */
    public void fileError(String fileName, String message) {
        add(new Diagnostic(Diagnostic.Severity.ERROR, null, fileName, message));
    }

    private void add(Diagnostic diagnostic) {
        if (diagnostic.span() != null) {
            fileOrder.putIfAbsent(diagnostic.span().file(), fileOrder.size());
        }
        items.add(diagnostic);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    public long errorCount() {
        return items.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    /** All problems, grouped by file in the order files were first mentioned, then by position. */
    public List<Diagnostic> all() {
        Comparator<Diagnostic> byPlace = Comparator
                .comparingInt((Diagnostic d) -> d.span() == null ? -1 : fileOrder.get(d.span().file()))
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().line())
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().column());
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(byPlace);
        return List.copyOf(sorted);
    }
}
