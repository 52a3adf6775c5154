package dev.mentoring.plumbing.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The writing side of the transactional outbox: {@link #append} adds the event's row inside the
 * caller's current transaction, so the event exists exactly when the change that caused it was
 * committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at)
            values (?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb), ?6, ?7)""";

    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Clock clock;

    Outbox(ObjectMapper json, OutboxConfig config) {
        this.json = json;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Adds the event to the outbox within the current transaction; answers the CloudEvent id. */
    public Uni<UUID> append(DomainEvent event) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String payload;
        try {
            payload = json.writeValueAsString(CloudEventEnvelope.of(json, id, config.source(), now, event));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event " + event.type() + " cannot be written", e));
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, event.topic())
                        .setParameter(3, event.aggregateId())
                        .setParameter(4, event.type())
                        .setParameter(5, payload)
                        .setParameter(6, event.tenant())
                        .setParameter(7, now)
                        .executeUpdate())
                .replaceWith(id);
    }
}
