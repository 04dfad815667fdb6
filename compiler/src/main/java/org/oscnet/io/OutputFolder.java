package org.oscnet.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects a stage's output files in memory and writes them together at the end, each through a
 * temporary file and a rename, so a failed stage leaves the folder as it was.
 */
public final class OutputFolder {
    private final Path root;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public OutputFolder(Path root) {
        this.root = root;
    }

    public void put(String relativePath, String text) {
        files.put(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void put(String relativePath, byte[] bytes) {
        files.put(relativePath, bytes.clone());
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions are fine
        }
    }

    /** Writes every collected file; returns the paths written. */
    public java.util.List<Path> commit() throws IOException {
        java.util.List<Path> written = new java.util.ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".oscnet-", ".tmp");
            Files.write(temporary, file.getValue());
            readableByAll(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }
}
