package dev.mentoring.plumbing.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.plumbing.tracing.TraceContext;
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
            insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, traceparent, tracestate)
            values (?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb), ?6, ?7, ?8, ?9)""";

    static final String INSERT_MANY = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, traceparent, tracestate)
            select e.id, e.aggregatetype, e.aggregateid, e.type, cast(e.payload as jsonb), e.tenant, cast(?7 as timestamptz),
                   cast(?8 as text), cast(?9 as text)
            from unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),
                        cast(?5 as text[]), cast(?6 as text[]))
            with ordinality as e(id, aggregatetype, aggregateid, type, payload, tenant, position)
            order by e.position""";

    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Clock clock;

    Outbox(ObjectMapper json, OutboxConfig config, Clock clock) {
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Adds many events in one statement, in list order, within the current transaction; each row keeps the trace
     * context of the current span (the request or event that caused them), for the relay to continue.
     */
    public Uni<Void> appendAll(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (events.size() == 1) {
            return append(events.get(0)).replaceWithVoid();
        }
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        String[] tenants = new String[size];
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<TraceContext> trace = TraceContext.current();
        for (int i = 0; i < size; i++) {
            DomainEvent event = events.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = event.topic();
            keys[i] = event.aggregateId();
            types[i] = event.type();
            tenants[i] = event.tenant();
            payloads[i] = payload(ids[i], now, event);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT_MANY)
                        .setParameter(1, ids).setParameter(2, topics).setParameter(3, keys).setParameter(4, types)
                        .setParameter(5, payloads).setParameter(6, tenants).setParameter(7, now)
                        .setParameter(8, trace.map(TraceContext::traceparent).orElse(null))
                        .setParameter(9, trace.map(TraceContext::tracestate).orElse(null))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Adds the event to the outbox within the current transaction, with the trace context of the current span (the
     * request or event that caused it), for the relay to continue; answers the CloudEvent id.
     */
    public Uni<UUID> append(DomainEvent event) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String payload = payload(id, now, event);
        Optional<TraceContext> trace = TraceContext.current();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, event.topic())
                        .setParameter(3, event.aggregateId())
                        .setParameter(4, event.type())
                        .setParameter(5, payload)
                        .setParameter(6, event.tenant())
                        .setParameter(7, now)
                        .setParameter(8, trace.map(TraceContext::traceparent).orElse(null))
                        .setParameter(9, trace.map(TraceContext::tracestate).orElse(null))
                        .executeUpdate())
                .replaceWith(id);
    }

    /** The event's CloudEvent document, as the outbox row stores it. */
    private String payload(UUID id, OffsetDateTime now, DomainEvent event) {
        try {
            return json.writeValueAsString(CloudEventEnvelope.of(json, id, config.source(), now, event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " cannot be written", e);
        }
    }
}
