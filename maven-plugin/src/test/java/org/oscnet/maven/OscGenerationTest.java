package org.oscnet.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscnet.dsl.Frontend;
import org.oscnet.pipeline.InputsHash;

/**
 * The generate goal's contract on a small project (XOR on a 2-4-2 XY network, which trains in
 * about a second): trained.json is a lock file keyed by the hash of the .osc file and its data,
 * an unchanged project regenerates nothing, and a bad file fails with IDE-style errors and
 * writes nothing.
 */
class OscGenerationTest {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", ".."));
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path project;

    private Path osc;
    private Path data;
    private BuildLayout layout;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void writeProject() throws IOException {
        data = project.resolve("data/xor.csv");
        Files.createDirectories(data.getParent());
        Files.copy(ROOT.resolve("data/xor.csv"), data);
        osc = project.resolve("src/main/osc/xor.osc");
        Files.createDirectories(osc.getParent());
        Files.writeString(osc, Files.readString(ROOT.resolve("examples/xor_xy.osc"))
                .replace("\"../data/xor.csv\"", "\"../../../data/xor.csv\"")
                .replace("iterations 1000;", "iterations 200;"));
        layout = new BuildLayout(project, project.resolve("src/main/osc"), project.resolve("target/oscnet"),
                project.resolve("target/generated-sources/oscnet"));
    }

    private OscGeneration generation(boolean retrain, boolean mayTrain) {
        return new OscGeneration(layout, new CapturingLog(log), retrain, mayTrain);
    }

    private Path trainedJson() {
        return project.resolve("src/main/osc/xor.trained/xor_xy/trained.json");
    }

    private String recordedHash() throws IOException {
        return new ObjectMapper().readTree(trainedJson().toFile()).path("inputs_sha256").asText();
    }

    private String currentHash() {
        return InputsHash.of(Frontend.load(osc).design().orElseThrow());
    }

    /** Every file the build wrote, with its modification time. */
    private Map<Path, FileTime> writtenFiles() throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        for (Path root : List.of(project.resolve("target"), project.resolve("src/main/osc/xor.trained"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    times.put(file, Files.getLastModifiedTime(file));
                }
            }
        }
        return times;
    }

    @Test
    void trainsOnceThenAnUnchangedProjectRegeneratesNothing() throws Exception {
        assertEquals(List.of("xor_xy"), generation(false, true).generate(osc));
        assertEquals(currentHash(), recordedHash());
        assertTrue(Files.isRegularFile(project.resolve("target/oscnet/xor_xy/verilog/rtl/xor_xy_top.v")));
        assertTrue(Files.isRegularFile(project.resolve(
                "target/generated-sources/oscnet/oscnet/generated/XorXyModel.java")));

        Map<Path, FileTime> before = writtenFiles();
        for (Path file : before.keySet()) {
            Files.setLastModifiedTime(file, LONG_AGO);
        }
        log.clear();
        generation(false, true).generate(osc);
        Map<Path, FileTime> after = writtenFiles();
        assertEquals(before.keySet(), after.keySet(), "the second build wrote other files");
        after.forEach((file, time) -> assertEquals(LONG_AGO, time, file + " was rewritten"));
        assertTrue(log.contains("INFO src/main/osc/xor.osc: up to date"), String.join("\n", log));
    }

    @Test
    void aDeletedOutputIsRegenerated() throws Exception {
        generation(false, true).generate(osc);
        Path model = project.resolve("target/generated-sources/oscnet/oscnet/generated/XorXyModel.java");
        Files.delete(model);
        generation(false, true).generate(osc);
        assertTrue(Files.isRegularFile(model));
    }

    @Test
    void aStaleLockFileIsRefusedWhenTrainingIsOffAndRetrainedOtherwise() throws Exception {
        generation(false, true).generate(osc);
        String first = recordedHash();
        byte[] lockFile = Files.readAllBytes(trainedJson());

        Files.writeString(data, Files.readString(data).replaceFirst("\n0,0,0", "\n0,0,1"));
        assertNotEquals(first, currentHash(), "changed data changes the hash");
        MojoFailureException refused = assertThrows(MojoFailureException.class,
                () -> generation(false, false).generate(osc));
        assertTrue(refused.getMessage().contains("src/main/osc/xor.trained/xor_xy/trained.json is stale"),
                refused.getMessage());
        assertArrayEquals(lockFile, Files.readAllBytes(trainedJson()), "a refused build leaves trained.json alone");

        generation(false, true).generate(osc);
        assertEquals(currentHash(), recordedHash());
    }

    @Test
    void editingTheOscFileMakesTheLockFileStaleButLineEndsDoNot() throws Exception {
        generation(false, true).generate(osc);
        String first = recordedHash();
        Files.writeString(osc, Files.readString(osc).replace("\n", "\r\n"));
        assertEquals(first, currentHash(), "a CRLF checkout hashes the same");
        Files.writeString(osc, Files.readString(osc) + "// a comment\n");
        assertNotEquals(first, currentHash());
    }

    @Test
    void retrainTrainsACurrentFileAgain() throws Exception {
        generation(false, true).generate(osc);
        Files.setLastModifiedTime(trainedJson(), LONG_AGO);
        log.clear();
        generation(true, true).generate(osc);
        assertNotEquals(LONG_AGO, Files.getLastModifiedTime(trainedJson()));
        assertTrue(log.stream().anyMatch(l -> l.contains("-Doscnet.retrain is set; training `xor_xy`")),
                String.join("\n", log));
    }

    @Test
    void errorsAreReportedAsFileLineColumnAndNothingIsWritten() throws Exception {
        Files.writeString(osc, Files.readString(osc).replace("phase 12 bits;", "phase 12 bitz;"));
        MojoFailureException failed = assertThrows(MojoFailureException.class,
                () -> generation(false, true).generate(osc));
        assertEquals("src/main/osc/xor.osc has errors (listed above); nothing was written", failed.getMessage());
        int line = lineOf("bitz");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("ERROR src/main/osc/xor.osc:[" + line + ",")),
                String.join("\n", log));
        assertFalse(Files.exists(project.resolve("target")));
        assertFalse(Files.exists(project.resolve("src/main/osc/xor.trained")));
    }

    private int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(osc);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + osc);
    }

    /** Keeps what the goal logs, as {@code LEVEL message}. */
    private static final class CapturingLog extends SystemStreamLog {
        private final List<String> lines;

        CapturingLog(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("ERROR " + content);
        }
    }
}
