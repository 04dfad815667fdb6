package org.oscnet.dsl.diag;

/**
 * One problem found in the input. {@code span} is null for problems that have no place in a
 * file (an unreadable input file); {@code fileName} then names the file.
 */
public record Diagnostic(Severity severity, Span span, String fileName, String message) {

    /** How bad a problem is: errors stop the pipeline, warnings do not. */
    public enum Severity {
        ERROR("error"), WARNING("warning");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** {@code file:line:col: error: message}, the first line of the rendered diagnostic. */
    public String headline() {
        String where = span != null ? span.toString() : fileName;
        return where + ": " + severity.label() + ": " + message;
    }
}
