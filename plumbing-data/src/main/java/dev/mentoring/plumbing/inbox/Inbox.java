package dev.mentoring.plumbing.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The idempotent-consumer half of the outbox pattern: remembers, in the consumer's own transaction,
 * which CloudEvent ids a consumer has handled. Call {@link #firstDelivery} in the same transaction as
 * the change the event causes; when it answers false, the event was handled before and the consumer
 * changes nothing.
 */
@ApplicationScoped
public class Inbox {

    static final String CLAIM = """
            insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())
            on conflict do nothing""";

    /** True the first time this consumer sees the event id, false for every redelivery. */
    public Uni<Boolean> firstDelivery(String consumer, UUID eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
