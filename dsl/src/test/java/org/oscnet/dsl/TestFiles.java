package org.oscnet.dsl;

import java.nio.file.Path;

/** Where the repository's files are during tests (set by surefire as oscnet.root). */
final class TestFiles {
    private TestFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();
    }

    static Path examples() {
        return root().resolve("examples");
    }

    static Path badInputs() {
        return root().resolve("dsl/src/test/resources/bad");
    }
}
