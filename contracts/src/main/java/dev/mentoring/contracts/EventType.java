package dev.mentoring.contracts;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One kind of event of the platform: its CloudEvents {@code type}, the topic it travels on, the major version of
 * its JSON Schema ({@code docs/events/schemas/<name>.v<version>.json}), its payload record, the Kafka key taken
 * from the payload (all events of one key stay in order) and the CloudEvents {@code subject}.
 *
 * @param <T> the payload record
 */
public final class EventType<T> {

    private final String name;
    private final String topic;
    private final int version;
    private final Class<T> payload;
    private final Function<T, UUID> key;
    private final Function<T, String> subject;

    EventType(String name, String topic, int version, Class<T> payload, Function<T, UUID> key, Function<T, String> subject) {
        this.name = Objects.requireNonNull(name);
        this.topic = Objects.requireNonNull(topic);
        this.version = version;
        this.payload = Objects.requireNonNull(payload);
        this.key = Objects.requireNonNull(key);
        this.subject = Objects.requireNonNull(subject);
    }

    /** The CloudEvents type, e.g. {@code partnership.started}. */
    public String name() {
        return name;
    }

    /** The topic the event travels on (a {@link Topics} constant). */
    public String topic() {
        return topic;
    }

    /** The major version of the payload's JSON Schema; changes within a version are additive only. */
    public int version() {
        return version;
    }

    /** The payload record. */
    public Class<T> payload() {
        return payload;
    }

    /** The Kafka key of this event: the aggregate whose events stay in order. */
    public String key(T data) {
        return key.apply(data).toString();
    }

    /** The CloudEvents subject: what the event is about, e.g. {@code sessions/<id>}. */
    public String subject(T data) {
        return subject.apply(data);
    }

    /** The file name of the payload's JSON Schema in {@code docs/events/schemas}. */
    public String schemaFile() {
        return name + ".v" + version + ".json";
    }

    @Override
    public String toString() {
        return name + " v" + version + " on " + topic;
    }
}
