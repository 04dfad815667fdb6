package org.oscnet.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.jsonl}: one {@link TaskResult} per line, appended (and forced to disk) as each task
 * finishes, so a killed sweep loses only the tasks in flight. A line cut short by a kill is dropped
 * when the file is opened again.
 */
public final class ResultsFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;

    private ResultsFile(Path path) {
        this.path = path;
    }

    /** Opens (creating) {@code path}, dropping a final line a kill cut short. */
    public static ResultsFile open(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (Files.exists(path)) {
            byte[] bytes = Files.readAllBytes(path);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end != bytes.length) {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    channel.truncate(end);
                }
            }
        } else {
            Files.createFile(path);
        }
        return new ResultsFile(path);
    }

    public Path path() {
        return path;
    }

    /** Every result in the file, in the order they finished. */
    public List<TaskResult> read() throws IOException {
        return read(path);
    }

    /** Every whole line of a results file; a malformed line is an error naming its number. */
    public static List<TaskResult> read(Path path) throws IOException {
        List<TaskResult> results = new ArrayList<>();
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                results.add(JSON.readValue(lines.get(i), TaskResult.class));
            } catch (JsonProcessingException e) {
                throw new IOException(path + ":" + (i + 1) + ": not a task result: " + e.getOriginalMessage());
            }
        }
        return results;
    }

    /** The last result of each task (a rerun appends a task that failed before), in first-seen order. */
    public static java.util.Map<String, TaskResult> latestByTask(List<TaskResult> results) {
        java.util.Map<String, TaskResult> latest = new java.util.LinkedHashMap<>();
        results.forEach(r -> latest.put(r.task(), r));
        return latest;
    }

    /** Appends one line and forces it to disk before returning. */
    public synchronized void append(TaskResult result) throws IOException {
        byte[] line = (JSON.writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }
}
