package org.oscnet.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oscnet.dsl.diag.Diagnostic;

/**
 * Each {@code bad/NAME.osc} must produce exactly the diagnostics in {@code bad/NAME.errors}: one
 * headline per line ({@code file:line:col: error: message}), in order. {@code {dir}} in an
 * expected line stands for the absolute path of the bad/ folder.
 */
class BadInputTest {

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.badInputs())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".osc"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
        Path dir = TestFiles.badInputs();
        List<String> expected = Files.readAllLines(dir.resolve(name + ".errors")).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.replace("{dir}", dir.toString()))
                .toList();
        Frontend.Result result = Frontend.load(dir.resolve(name + ".osc"), name + ".osc");
        List<String> actual = result.diagnostics().stream().map(Diagnostic::headline).toList();
        assertEquals(expected, actual);
        assertTrue(result.design().isEmpty(), "a file with errors must not yield a design");
    }
}
