package org.oscnet.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What oscnet's JSON files share: records written as indented snake_case documents, and read back
 * only when their schema is the expected one.
 */
final class JsonDocuments {
    /**
     * Records map to snake_case fields; unknown fields are ignored on read (the schema string, not
     * the field list, says when a file's meaning changed).
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private JsonDocuments() {
    }

    /** {@code document} (a record) as indented text with a final newline. */
    static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code file} as a {@code type} record; {@link IllegalArgumentException} when its schema
     * is not {@code schema} or it does not fit the record.
     */
    static <T> T read(java.nio.file.Path file, String schema, Class<T> type) throws java.io.IOException {
        JsonNode root = read(file, schema);
        try {
            return MAPPER.treeToValue(root, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a valid " + schema + " file ("
                    + e.getOriginalMessage() + "); train again with `oscnet train`");
        }
    }

    /** Reads {@code file}, which has no schema field (a user's input), as a {@code type} record. */
    static <T> T readAs(java.nio.file.Path file, Class<T> type) throws java.io.IOException {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    /** Reads {@code file} whatever its schema. */
    static JsonNode readAny(java.nio.file.Path file) throws java.io.IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** Reads {@code file}; {@link IllegalArgumentException} when its schema is not {@code schema}. */
    static JsonNode read(java.nio.file.Path file, String schema) throws java.io.IOException {
        JsonNode root = readAny(file);
        String found = root.path("schema").asText("");
        if (!schema.equals(found)) {
            throw new IllegalArgumentException(file + " has schema `" + found + "`, this oscnet reads `" + schema
                    + "`; train again with `oscnet train`");
        }
        return root;
    }
}
