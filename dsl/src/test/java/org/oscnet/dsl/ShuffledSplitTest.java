package org.oscnet.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.model.Dataset;

/** {@code split shuffled seed N:} draws reproducible random sets that still partition the data. */
class ShuffledSplitTest {
    @TempDir
    Path tmp;

    private Dataset load(String split) throws IOException {
        Path data = TestFiles.root().resolve("data/digits.csv.gz");
        Path file = tmp.resolve("split" + Math.abs(split.hashCode()) + ".osc");
        Files.writeString(file, "dataset d { file \"" + data + "\" no header; features 0..63; label 64; " + split
                + " }\nnetwork n : stno_rnn { input d.features -> sequence every 1 ns; layers 4; output softmax; }\n"
                + "train n on d { method bptt; epochs 1; }\n");
        Frontend.Result result = Frontend.load(file);
        return result.design().orElseThrow(() -> new AssertionError(DiagnosticRenderer.render(result.diagnostics())))
                .datasets().get(0);
    }

    /** A row's identity: its 64 pixels and label. */
    private static Set<String> rows(Dataset d) {
        Set<String> rows = new HashSet<>();
        for (var samples : new org.oscnet.model.Samples[] {d.train(), d.test()}) {
            for (int r = 0; r < samples.size(); r++) {
                rows.add(java.util.Arrays.toString(samples.row(r)) + samples.label(r));
            }
        }
        return rows;
    }

    @Test
    void shuffledSplitsAreReproduciblePartitionsThatDifferFromFileOrder() throws IOException {
        Dataset ordered = load("split: first 50 % train, rest test;");
        Dataset shuffled = load("split shuffled seed 1: first 50 % train, rest test;");
        Dataset again = load("split shuffled seed 1: first 50 % train, rest test;");
        Dataset other = load("split shuffled seed 2: first 50 % train, rest test;");
        assertEquals(ordered.train().size(), shuffled.train().size());
        assertEquals(ordered.test().size(), shuffled.test().size());
        assertEquals(rows(ordered), rows(shuffled), "the same rows, split differently");
        assertArrayEquals(shuffled.train().featuresRowMajor(), again.train().featuresRowMajor());
        assertFalse(java.util.Arrays.equals(ordered.train().featuresRowMajor(), shuffled.train().featuresRowMajor()));
        assertFalse(java.util.Arrays.equals(shuffled.train().featuresRowMajor(), other.train().featuresRowMajor()));
        assertTrue(shuffled.split().startsWith("shuffled (seed 1): first 50 % train"), shuffled.split());
    }

    @Test
    void perClassShuffledSplitsKeepTheCounts() throws IOException {
        Dataset d = load("split per class shuffled seed 3: first 100 train, next 70 test;");
        assertEquals(1000, d.train().size());
        assertEquals(700, d.test().size());
        for (int count : d.train().classCounts(10)) {
            assertEquals(100, count);
        }
        assertTrue(d.split().startsWith("per class, shuffled (seed 3): first 100 train"), d.split());
    }
}
