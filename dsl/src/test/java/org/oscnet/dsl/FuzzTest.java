package org.oscnet.dsl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.oscnet.dsl.diag.Diagnostic;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.grammar.OscLexer;

/**
 * Mutates the examples at random, token by token (delete, duplicate, swap, replace), and checks
 * that the front end never throws: it accepts the text or reports located errors.
 */
class FuzzTest {
    private static final long SEED = 20261123L;
    private static final int CASES_PER_EXAMPLE = 250;
    private static final String[] INSERTS = {"0", "-1", "1e999", "99999999999999999999", "0x", "..", "MHz", "ns",
        "%", "(", ")", "{", "}", ";", ",", "->", "==", "\"", "\"x.csv\"", "/*", "@", "network", "dataset", "train",
        "hardware", "simulate", "output", "pair", "label", "bits", "x", "all", "µs", "\u0000", "\n"};

    @Test
    void checkerNeverThrowsOnMutatedExamples() throws IOException {
        Random random = new Random(SEED);
        List<Path> examples;
        try (var files = Files.list(TestFiles.examples())) {
            examples = files.filter(p -> p.toString().endsWith(".osc")).sorted().toList();
        }
        int accepted = 0;
        int rejected = 0;
        for (Path example : examples) {
            String original = Files.readString(example);
            List<String> tokens = tokens(original);
            for (int i = 0; i < CASES_PER_EXAMPLE; i++) {
                String mutated = mutate(tokens, random);
                SourceFile source = new SourceFile(example, example.getFileName().toString(), mutated);
                Frontend.Result result = assertDoesNotThrow(() -> Frontend.check(source, new Diagnostics()),
                        () -> "checker threw on:\n" + mutated);
                boolean hasErrors = result.diagnostics().stream()
                        .anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
                assertEquals(!hasErrors, result.ok(), "a design exactly when there is no error");
                for (Diagnostic d : result.diagnostics()) {
                    if (d.span() != null && d.span().file() == source) {
                        assertTrue(d.span().line() >= 1 && d.span().line() <= source.lineCount(), d.headline());
                        assertTrue(d.span().column() >= 1, d.headline());
                    }
                }
                assertDoesNotThrow(() -> DiagnosticRenderer.render(result.diagnostics()));
                if (result.ok()) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
        assertTrue(accepted > 0 && rejected > accepted, "accepted " + accepted + ", rejected " + rejected);
    }

    /** The file split into tokens, hidden ones (spaces, comments) kept, so joining gives the text back. */
    private static List<String> tokens(String text) {
        OscLexer lexer = new OscLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(t.getText());
        }
        return out;
    }

    private static String mutate(List<String> tokens, Random random) {
        List<String> copy = new ArrayList<>(tokens);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && copy.size() > 2; e++) {
            int at = random.nextInt(copy.size());
            switch (random.nextInt(5)) {
                case 0 -> copy.remove(at);
                case 1 -> copy.add(at, copy.get(at));
                case 2 -> {
                    int other = Math.min(copy.size() - 1, at + 1 + random.nextInt(3));
                    String t = copy.get(at);
                    copy.set(at, copy.get(other));
                    copy.set(other, t);
                }
                case 3 -> copy.set(at, copy.get(random.nextInt(copy.size())));
                default -> copy.add(at, " " + INSERTS[random.nextInt(INSERTS.length)] + " ");
            }
        }
        return String.join("", copy);
    }
}
