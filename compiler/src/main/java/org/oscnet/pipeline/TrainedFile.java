package org.oscnet.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.oscnet.io.Provenance;

/**
 * A network's {@code trained.json} seen as a lock file: whether it exists and was trained from
 * exactly the {@code .osc} text and data it would now be compiled with.
 */
public record TrainedFile(Path path, Status status) {
    /** Current: its recorded input hash equals today's. Unrecorded: written by an oscnet that kept no hash. */
    public enum Status { CURRENT, MISSING, STALE, UNRECORDED }

    /** The state of {@code trainedRoot/<network>/trained.json} against the hash {@code inputsSha256}. */
    public static TrainedFile of(Path trainedRoot, String network, String inputsSha256) throws IOException {
        Path path = trainedRoot.resolve(network).resolve("trained.json");
        if (!Files.isRegularFile(path)) {
            return new TrainedFile(path, Status.MISSING);
        }
        Optional<String> recorded = Provenance.recordedInputs(path);
        if (recorded.isEmpty()) {
            return new TrainedFile(path, Status.UNRECORDED);
        }
        return new TrainedFile(path, recorded.get().equals(inputsSha256) ? Status.CURRENT : Status.STALE);
    }

    /** Why the file cannot be used as it is, in words, naming it as {@code shown}; empty for a current file. */
    public String problem(String shown) {
        return switch (status) {
            case CURRENT -> "";
            case MISSING -> shown + " does not exist";
            case STALE -> shown + " is stale: the .osc file or its data changed since it was trained";
            case UNRECORDED -> shown + " records no input hash (an older oscnet wrote it), so it may be stale";
        };
    }
}
