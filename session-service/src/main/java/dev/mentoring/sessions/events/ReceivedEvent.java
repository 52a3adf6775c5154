package dev.mentoring.sessions.events;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** The CloudEvent attributes a consumer needs: the id (for the inbox), the type and the tenant. */
public record ReceivedEvent(UUID id, String type, String tenant) {

    static ReceivedEvent of(JsonNode envelope) {
        if (!"1.0".equals(text(envelope, "specversion"))) {
            throw new IllegalArgumentException("specversion is not 1.0");
        }
        return new ReceivedEvent(UUID.fromString(text(envelope, "id")), text(envelope, "type"), text(envelope, "tenant"));
    }

    private static String text(JsonNode envelope, String attribute) {
        JsonNode value = envelope.get(attribute);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("attribute " + attribute + " is missing");
        }
        return value.asText();
    }
}
