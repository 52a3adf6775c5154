package dev.mentoring.plumbing.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the structured-mode CloudEvents 1.0 JSON document of an event. The outbox row stores exactly
 * this document as its payload, so the relay (or Debezium's outbox router with
 * {@code table.expand.json.payload=true}) publishes it as it is, the relay adding only the distributed-tracing
 * extension attributes {@code traceparent} and {@code tracestate} of its publish span.
 */
public final class CloudEventEnvelope {

    /** The Kafka {@code content-type} header of a structured CloudEvent. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** Where the JSON Schemas of the payloads are published (docs/events/schemas in the repository). */
    public static final String SCHEMA_BASE = "https://mentoring.dev/schemas/events/";

    private CloudEventEnvelope() {
    }

    public static ObjectNode of(ObjectMapper json, UUID id, String source, OffsetDateTime time, DomainEvent event) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", id.toString());
        envelope.put("source", source);
        envelope.put("type", event.type());
        envelope.put("subject", event.subject());
        envelope.put("time", time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", SCHEMA_BASE + event.type() + ".v" + event.schemaVersion() + ".json");
        envelope.put("tenant", event.tenant());
        envelope.put("partitionkey", event.aggregateId());
        envelope.set("data", json.valueToTree(event.data()));
        return envelope;
    }
}
