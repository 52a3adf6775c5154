package dev.mentoring.sessions.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The items of sessions' agendas. */
@ApplicationScoped
public class AgendaItemRepository implements PanacheRepositoryBase<AgendaItem, UUID> {

    /** The session's agenda, in order. */
    public Uni<List<AgendaItem>> agendaOf(UUID sessionId) {
        return list("sessionId = ?1 order by position, createdAt", sessionId);
    }

    /** An item of the session's agenda, write-locked until the transaction ends (its version is the latest), or null. */
    public Uni<AgendaItem> inSessionForChange(UUID itemId, UUID sessionId) {
        return find("id = ?1 and sessionId = ?2", itemId, sessionId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
