package org.oscnet.sweep;

import java.util.Map;

/**
 * What a finished task hands back to the driver: its line of {@code results.jsonl} and, when the
 * sweep keeps them, the files {@code oscnet train} would have written for its networks
 * ({@code NETWORK/trained.json} and plots), which the driver stores under {@code tasks/}.
 */
public record TaskOutput(TaskResult result, Map<String, byte[]> files) implements java.io.Serializable {
    public TaskOutput {
        files = Map.copyOf(files);
    }

    /** A result with nothing to keep. */
    public static TaskOutput of(TaskResult result) {
        return new TaskOutput(result, Map.of());
    }
}
