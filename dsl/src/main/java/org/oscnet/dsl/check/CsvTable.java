package org.oscnet.dsl.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;

/**
 * A comma-separated data file (optionally gzip-compressed), read as text cells. Blank lines and
 * lines starting with {@code #} are skipped. A row whose column count differs from the first
 * row's is reported at its own line of the data file.
 */
final class CsvTable {
    private static final int MAX_ERRORS_PER_FILE = 10;

    /** One data row: its cells and where each starts in the file. */
    record Row(int line, String[] cells, int[] columns) {
    }

    private final SourceFile source;
    private final List<Row> rows;
    private final int columnCount;

    private CsvTable(SourceFile source, List<Row> rows, int columnCount) {
        this.source = source;
        this.rows = rows;
        this.columnCount = columnCount;
    }

    SourceFile source() {
        return source;
    }

    List<Row> rows() {
        return rows;
    }

    int columnCount() {
        return columnCount;
    }

    Span cellSpan(Row row, int column) {
        return new Span(source, row.line(), row.columns()[column] + 1, Math.max(1, row.cells()[column].length()));
    }

    /**
     * Reads {@code path}; problems are reported at {@code where} (unreadable file) or at the
     * offending line of the data file. Empty when the file could not be used.
     */
    static Optional<CsvTable> read(Path path, String displayName, boolean header, Span where, Diagnostics diagnostics) {
        String text;
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            diagnostics.error(where, "data file `" + displayName + "` does not exist (looked for " + path + ")");
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error(where, "cannot read data file `" + displayName + "`: " + e.getMessage());
            return Optional.empty();
        }
        SourceFile source = new SourceFile(path, displayName, text);
        List<Row> rows = new ArrayList<>();
        int expected = -1;
        int errors = 0;
        boolean headerPending = header;
        for (int line = 1; line <= source.lineCount(); line++) {
            String content = source.line(line);
            if (content.isBlank() || content.stripLeading().startsWith("#")) {
                continue;
            }
            if (headerPending) {
                headerPending = false;
                continue;
            }
            Row row = split(line, content);
            if (expected < 0) {
                expected = row.cells().length;
            } else if (row.cells().length != expected) {
                if (++errors <= MAX_ERRORS_PER_FILE) {
                    diagnostics.error(new Span(source, line, 1, content.length()), "row has " + row.cells().length
                            + " columns; the rows before it have " + expected);
                }
                continue;
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            diagnostics.error(where, "data file `" + displayName + "` has no data rows");
            return Optional.empty();
        }
        return errors > 0 ? Optional.empty() : Optional.of(new CsvTable(source, rows, expected));
    }

    private static Row split(int line, String content) {
        List<String> cells = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = content.indexOf(',', start);
            int end = comma < 0 ? content.length() : comma;
            String raw = content.substring(start, end);
            int lead = raw.length() - raw.stripLeading().length();
            cells.add(raw.strip());
            starts.add(start + lead);
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return new Row(line, cells.toArray(String[]::new), starts.stream().mapToInt(Integer::intValue).toArray());
    }
}
