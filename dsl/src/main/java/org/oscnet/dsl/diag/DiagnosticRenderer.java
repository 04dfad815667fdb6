package org.oscnet.dsl.diag;

import java.util.List;

/**
 * Formats diagnostics the way javac and clang do: the located headline, the source line, and a
 * caret under the offending text.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {
    }

    public static String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder(diagnostic.headline()).append('\n');
        Span span = diagnostic.span();
        if (span != null) {
            String source = span.file().line(span.line());
            out.append(source).append('\n');
            out.append(caretLine(source, span.column(), span.length())).append('\n');
        }
        return out.toString();
    }

    public static String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        diagnostics.forEach(d -> out.append(render(d)));
        long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        long warnings = diagnostics.size() - errors;
        if (errors > 0) {
            out.append(errors).append(errors == 1 ? " error" : " errors");
        }
        if (warnings > 0) {
            out.append(errors > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        if (!diagnostics.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    /** Tabs in the source are copied so the caret lines up whatever the terminal's tab width. */
    static String caretLine(String source, int column, int length) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            caret.append(i < source.length() && source.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        int underline = Math.min(length, Math.max(1, source.length() - column + 1)) - 1;
        caret.append("~".repeat(Math.max(0, underline)));
        return caret.toString();
    }
}
