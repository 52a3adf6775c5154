package dev.mentoring.sessions.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Secret calendar feeds, one per participant, found by the secret's hash. */
@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, UUID> {

    /** The feed whose secret has this SHA-256, or null. */
    public Uni<CalendarFeed> bySecretHash(String secretHash) {
        return find("secretHash", secretHash).firstResult();
    }

    /** Deletes the person's feed in the tenant (the right to be forgotten). */
    public Uni<Void> eraseOf(String tenant, UUID participantId) {
        return delete("participantId = ?1 and tenant = ?2", participantId, tenant).replaceWithVoid();
    }
}
