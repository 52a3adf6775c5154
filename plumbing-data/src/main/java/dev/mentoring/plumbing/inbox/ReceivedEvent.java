package dev.mentoring.plumbing.inbox;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The CloudEvent attributes a consumer needs: the id (for the inbox), the type and the tenant; and reading
 * an event's envelope and data, where a failure sends the event to the consumer's dead-letter topic.
 */
public record ReceivedEvent(UUID id, String type, String tenant) {

    public static ReceivedEvent of(JsonNode envelope) {
        if (!"1.0".equals(text(envelope, "specversion"))) {
            throw new IllegalArgumentException("specversion is not 1.0");
        }
        return new ReceivedEvent(UUID.fromString(text(envelope, "id")), text(envelope, "type"), text(envelope, "tenant"));
    }

    /** The event's data as the payload record, or a failure that sends the event to the dead-letter topic. */
    public static <T> Uni<T> data(ObjectMapper json, JsonNode envelope, ReceivedEvent event, Class<T> payload) {
        try {
            return Uni.createFrom().item(json.treeToValue(envelope.get("data"), payload));
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException(event.type() + " data unreadable: " + e.getMessage(), e));
        }
    }

    /** Reads the envelope, or a failure that sends the event to the dead-letter topic. */
    public static Uni<JsonNode> envelope(ObjectMapper json, String cloudEvent) {
        try {
            JsonNode envelope = json.readTree(cloudEvent);
            of(envelope);
            return Uni.createFrom().item(envelope);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a readable CloudEvent: " + e.getMessage(), e));
        }
    }

    private static String text(JsonNode envelope, String attribute) {
        JsonNode value = envelope.get(attribute);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("attribute " + attribute + " is missing");
        }
        return value.asText();
    }
}
