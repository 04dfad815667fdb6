package org.oscnet.dsl.diag;

/**
 * A place in a source file: 1-based line and column, and how many characters the caret
 * underline covers (at least one).
 */
public record Span(SourceFile file, int line, int column, int length) {
    public Span {
        length = Math.max(1, length);
    }

    /** The span from the start of {@code this} to the end of {@code other}, when both share a line. */
    public Span through(Span other) {
        if (other.line != line || other.column < column) {
            return this;
        }
        return new Span(file, line, column, other.column + other.length - column);
    }

    /** The source text under this span (clipped to its line). */
    public String text() {
        String source = file.line(line);
        int start = Math.min(source.length(), column - 1);
        return source.substring(start, Math.min(source.length(), start + length));
    }

    @Override
    public String toString() {
        return file.displayName() + ":" + line + ":" + column;
    }
}
