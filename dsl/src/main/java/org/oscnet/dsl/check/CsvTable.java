package org.oscnet.dsl.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;

/**
 * A comma-separated data file (optionally gzip-compressed), read as text cells with Apache
 * Commons CSV: quoted fields, CRLF or LF line ends, a UTF-8 byte-order mark and a missing final
 * newline are all fine. Blank lines and lines starting with {@code #} are skipped. A row whose
 * column count differs from the first row's is reported at its own line of the data file.
 */
final class CsvTable {
    private static final int MAX_ERRORS_PER_FILE = 10;
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** RFC 4180 with the habits of hand-edited data: {@code #} comment lines, blank lines, spaces around cells. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

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
        if (text.startsWith(BYTE_ORDER_MARK)) {
            text = text.substring(1);
        }
        SourceFile source = new SourceFile(path, displayName, text);
        List<Row> rows = new ArrayList<>();
        int expected = -1;
        int errors = 0;
        boolean headerPending = header;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (headerPending) {
                    headerPending = false;
                    continue;
                }
                Row row = row(source, record);
                if (expected < 0) {
                    expected = row.cells().length;
                } else if (row.cells().length != expected) {
                    if (++errors <= MAX_ERRORS_PER_FILE) {
                        diagnostics.error(new Span(source, row.line(), 1, source.line(row.line()).length()), "row has "
                                + row.cells().length + " columns; the rows before it have " + expected);
                    }
                    continue;
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv stops at a quote that never closes; say where the record began.
            int line = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1;
            diagnostics.error(new Span(source, line, 1, source.line(line).length()), "cannot read this row: a quoted"
                    + " field is not closed (" + rootMessage(e) + ")");
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            diagnostics.error(where, "data file `" + displayName + "` has no data rows");
            return Optional.empty();
        }
        return errors > 0 ? Optional.empty() : Optional.of(new CsvTable(source, rows, expected));
    }

    /** A record with the line it starts on and where each cell starts in that line (for carets). */
    private static Row row(SourceFile source, CSVRecord record) {
        int line = source.lineOf((int) record.getCharacterPosition());
        String content = source.line(line);
        String[] cells = record.values();
        int[] columns = new int[cells.length];
        int from = 0;
        for (int c = 0; c < cells.length; c++) {
            int at = cells[c].isEmpty() ? -1 : content.indexOf(cells[c], from);
            columns[c] = at >= 0 ? at : Math.min(from, content.length());
            int comma = content.indexOf(',', at >= 0 ? at + cells[c].length() : from);
            from = comma >= 0 ? comma + 1 : content.length();
        }
        return new Row(line, cells, columns);
    }

    private static String rootMessage(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
