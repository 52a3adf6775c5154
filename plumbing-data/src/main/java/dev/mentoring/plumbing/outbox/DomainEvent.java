package dev.mentoring.plumbing.outbox;

import dev.mentoring.contracts.EventType;

/**
 * An event a service publishes: one fact about one aggregate, for one tenant.
 *
 * @param topic       the topic (a {@code dev.mentoring.contracts.Topics} constant); also the outbox row's {@code aggregatetype}
 * @param aggregateId the Kafka key: all events with the same key stay in order
 * @param type        the CloudEvents type, e.g. {@code participant.updated}
 * @param schemaVersion major version of the payload's JSON Schema (changes within a version are additive)
 * @param subject     the CloudEvents subject: what the event is about, e.g. {@code participants/<id>}
 * @param tenant      the tenant the event belongs to
 * @param data        the payload: a record of the contract, serialised as JSON, never holding free text
 */
public record DomainEvent(String topic, String aggregateId, String type, int schemaVersion, String subject,
        String tenant, Object data) {

    /** The event of this contract type, with the topic, key, version and subject the contract gives it. */
    public static <T> DomainEvent of(String tenant, EventType<T> type, T data) {
        return new DomainEvent(type.topic(), type.key(data), type.name(), type.version(), type.subject(data), tenant, data);
    }
}
