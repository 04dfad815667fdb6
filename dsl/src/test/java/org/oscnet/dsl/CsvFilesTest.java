package org.oscnet.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oscnet.dsl.diag.Diagnostic;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.model.Dataset;

/**
 * CSV files as they come from spreadsheets and other tools load exactly like a plain one: quoted
 * fields, CRLF line ends, a UTF-8 byte-order mark, no final newline. Missing feature values are
 * located errors unless the dataset block says to drop those rows.
 */
class CsvFilesTest {
    private static final String PLAIN = "x,y,label\n0.5,1.5,a\n-2,3e-1,b\n4,5,a\n6,7,b\n";

    @TempDir
    Path tmp;

    private Frontend.Result load(String csv, String extra) throws IOException {
        return load(csv.getBytes(StandardCharsets.UTF_8), extra);
    }

    private Frontend.Result load(byte[] csv, String extra) throws IOException {
        Files.write(tmp.resolve("data.csv"), csv);
        Path osc = tmp.resolve("d.osc");
        Files.writeString(osc, "dataset d {\n    file \"data.csv\" header;\n    features 0..1;\n"
                + "    label 2 names (a, b);\n    split: first 2 train, rest test;\n" + extra + "}\n");
        return Frontend.load(osc, "d.osc");
    }

    private static Dataset dataset(Frontend.Result result) {
        return result.design().orElseThrow(() -> new AssertionError(DiagnosticRenderer.render(result.diagnostics())))
                .datasets().get(0);
    }

    private static void assertSameRows(Dataset expected, Dataset actual) {
        assertArrayEquals(expected.train().featuresRowMajor(), actual.train().featuresRowMajor());
        assertArrayEquals(expected.test().featuresRowMajor(), actual.test().featuresRowMajor());
        assertArrayEquals(expected.train().labels(), actual.train().labels());
        assertArrayEquals(expected.test().labels(), actual.test().labels());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"quoted", "crlf", "bom", "no final newline", "spaces"})
    void toolFlavouredCsvLoadsLikePlainCsv(String flavour) throws IOException {
        Dataset plain = dataset(load(PLAIN, ""));
        String text = switch (flavour) {
            case "quoted" -> "\"x\",\"y\",\"label\"\n\"0.5\",1.5,\"a\"\n-2,\"3e-1\",b\n4,5,\"a\"\n6,7,b\n";
            case "crlf" -> PLAIN.replace("\n", "\r\n");
            case "bom" -> "\uFEFF" + PLAIN;
            case "no final newline" -> PLAIN.strip();
            default -> PLAIN.replace(",", " , ");
        };
        assertSameRows(plain, dataset(load(text, "")));
    }

    @Test
    void aQuotedHeaderMayHoldCommasAndQuotes() throws IOException {
        String text = "\"width, cm\",\"height \"\"in\"\"\",label\n" + PLAIN.substring(PLAIN.indexOf('\n') + 1);
        assertSameRows(dataset(load(PLAIN, "")), dataset(load(text, "")));
    }

    @Test
    void aRaggedRowIsLocatedInACrlfFileWithAByteOrderMark() throws IOException {
        Frontend.Result result = load("\uFEFF" + "x,y,label\r\n1,2,a\r\n3,b\r\n5,6,b\r\n", "");
        assertEquals(List.of("data.csv:3:1: error: row has 2 columns; the rows before it have 3"), headlines(result));
    }

    @Test
    void anUnclosedQuoteIsALocatedError() throws IOException {
        Frontend.Result result = load("x,y,label\n1,2,a\n3,\"4,b\n5,6,b\n", "");
        assertTrue(result.design().isEmpty());
        assertTrue(headlines(result).get(0).startsWith("data.csv:3:1: error: cannot read this row: a quoted field is"
                + " not closed"), headlines(result).toString());
    }

    @Test
    void missingDropRowsLeavesOutRowsWithAMissingFeatureAndSaysHowMany() throws IOException {
        String csv = "x,y,label\n1,2,a\nNaN,0,b\n3,4,b\n5,,a\n6,-Infinity,b\n7,8,b\n9,10,a\n";
        Frontend.Result refused = load(csv, "");
        assertEquals(3, headlines(refused).size(), headlines(refused).toString());
        assertTrue(refused.design().isEmpty());

        Frontend.Result dropped = load(csv, "    missing drop rows;\n");
        Dataset d = dataset(dropped);
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.train().featuresRowMajor());
        assertArrayEquals(new double[] {7, 8, 9, 10}, d.test().featuresRowMajor());
        assertEquals(List.of("d.osc:6:5: warning: left out 3 of 7 rows of `data.csv` for an empty, NaN or infinite"
                + " feature; the split counts the 4 rows left"), headlines(dropped));
    }

    private static List<String> headlines(Frontend.Result result) {
        return result.diagnostics().stream().map(Diagnostic::headline).toList();
    }
}
