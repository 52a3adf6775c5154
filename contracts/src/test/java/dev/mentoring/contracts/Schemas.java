package dev.mentoring.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the JSON Schemas of docs/events/schemas, and what the contract tests ask of them. */
final class Schemas {

    static final Path DIRECTORY = Path.of("..", "docs", "events", "schemas");
    static final Path BASELINE = Path.of("src", "test", "resources", "baseline");
    static final String ENVELOPE = "cloudevent-envelope.v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON types a property allows ({@code type} as a string or a list; an enum without a type takes its values' types). */
    static Set<String> types(JsonNode property) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = property.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (property.has("enum")) {
            property.get("enum").forEach(value -> types.add(value.isNull() ? "null" : value.isTextual() ? "string"
                    : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "object"));
        }
        return types;
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        if (schema.has("required")) {
            schema.get("required").forEach(name -> required.add(name.asText()));
        }
        return required;
    }

    static List<String> enumValues(JsonNode property) {
        List<String> values = new ArrayList<>();
        if (property.has("enum")) {
            property.get("enum").forEach(value -> values.add(value.isNull() ? "null" : value.asText()));
        }
        return values;
    }
}
