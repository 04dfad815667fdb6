package org.oscnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a trained file came from: the oscnet version, the {@code .osc} source as given on the
 * command line, and the content hash of that source and its data ({@code inputs_sha256}), which
 * tells a build whether the file is still current.
 */
public record Provenance(String oscnet, String source, String inputsSha256) {

    /** The input hash recorded in any trained file, empty when it records none (files of older oscnet). */
    public static Optional<String> recordedInputs(Path trainedJson) throws IOException {
        JsonNode hash = JsonDocuments.readAny(trainedJson).path("inputs_sha256");
        return hash.isTextual() ? Optional.of(hash.asText()) : Optional.empty();
    }
}
