package org.oscnet.dsl.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of one input file (an .osc file or a data file), with the name diagnostics print. */
public final class SourceFile {
    private final Path path;
    private final String displayName;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(Path path, String displayName, String text) {
        this.path = path;
        this.displayName = displayName;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The path as the user named it (relative paths stay relative), for `file:line:col`. */
    public String displayName() {
        return displayName;
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The character offset in the text of 1-based {@code line} and {@code column}. */
    public int offsetOf(int line, int column) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)] + column - 1;
    }

    /** The 1-based line holding character {@code offset} of the text. */
    public int lineOf(int offset) {
        int found = java.util.Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** Line {@code number} (1-based) without its line terminator; empty past the end. */
    public String line(int number) {
        if (number < 1 || number > lineStarts.length) {
            return "";
        }
        int start = lineStarts[number - 1];
        int end = number < lineStarts.length ? lineStarts[number] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
