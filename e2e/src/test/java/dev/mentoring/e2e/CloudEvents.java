package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.mentoring.plumbing.testing.TopicReader;

/**
 * Reads platform events as an analytics pipeline would, and checks each against the published contract:
 * the envelope schema and the payload's own JSON Schema from docs/events/schemas.
 */
final class CloudEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private CloudEvents() {
    }

    static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    /** Asserts that the record is a structured CloudEvent matching the envelope and its payload schema. */
    static JsonNode assertValid(ConsumerRecord<String, String> record) {
        assertThat(TopicReader.header(record, "content-type")).startsWith("application/cloudevents+json");
        JsonNode event = read(record);
        assertThat(errors(schema("cloudevent-envelope.v1.json"), event)).as("envelope of %s", event).isEmpty();
        String dataschema = event.get("dataschema").asText();
        String file = dataschema.substring(dataschema.lastIndexOf('/') + 1);
        assertThat(errors(schema(file), event.get("data"))).as("data of %s", event).isEmpty();
        assertThat(record.key()).isEqualTo(event.get("partitionkey").asText());
        return event;
    }

    private static Set<ValidationMessage> errors(JsonSchema schema, JsonNode node) {
        return schema.validate(node);
    }

    private static JsonSchema schema(String file) {
        return LOADED.computeIfAbsent(file, name -> {
            try (InputStream in = Files.newInputStream(Platform.ROOT.resolve("docs/events/schemas").resolve(name))) {
                return SCHEMAS.getSchema(in);
            } catch (IOException e) {
                throw new AssertionError("no schema " + name + " in docs/events/schemas", e);
            }
        });
    }
}
