package dev.mentoring.sessions.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The items of sessions' agendas. */
@ApplicationScoped
public class AgendaItemRepository implements PanacheRepositoryBase<AgendaItem, UUID> {

    /** The session's agenda, in order. */
    public Uni<List<AgendaItem>> agendaOf(UUID sessionId) {
        return list("sessionId = ?1 order by position, createdAt", sessionId);
    }

    /** How many items the session's agenda has. */
    public Uni<Long> countOf(UUID sessionId) {
        return count("sessionId", sessionId);
    }

    /** An item of the session's agenda, or null. */
    public Uni<AgendaItem> inSession(UUID itemId, UUID sessionId) {
        return find("id = ?1 and sessionId = ?2", itemId, sessionId).firstResult();
    }

    /** Removes an item of the session's agenda; answers whether there was one. */
    public Uni<Boolean> removeFromSession(UUID itemId, UUID sessionId) {
        return delete("id = ?1 and sessionId = ?2", itemId, sessionId).map(deleted -> deleted > 0);
    }
}
