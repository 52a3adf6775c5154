package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.sessions.domain.SessionEnums;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Notes on sessions (stored encrypted). */
@ApplicationScoped
public class SessionNoteRepository implements PanacheRepositoryBase<SessionNote, UUID> {

    /**
     * A page of the session's notes a participant may read (the shared ones and their own private ones), oldest first
     * (by creation, then id), after the given note's place: up to {@code limit} + 1 rows, the last only telling that
     * another page follows.
     */
    public Uni<List<SessionNote>> readableBy(UUID sessionId, UUID participant, OffsetDateTime afterCreated, UUID afterId,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(sessionId, SessionEnums.Visibility.SHARED, participant));
        String query = "sessionId = ?1 and (visibility = ?2 or authorId = ?3)";
        if (afterCreated != null) {
            query += " and (createdAt > ?4 or (createdAt = ?4 and id > ?5))";
            params.add(afterCreated);
            params.add(afterId);
        }
        return find(query + " order by createdAt, id", params.toArray()).range(0, limit).list();
    }

    /** A note of the session, write-locked until the transaction ends (its version is the latest), or null. */
    public Uni<SessionNote> inSessionForChange(UUID noteId, UUID sessionId) {
        return find("id = ?1 and sessionId = ?2", noteId, sessionId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Deletes every note the person wrote in the tenant (the right to be forgotten). */
    public Uni<Void> eraseWrittenBy(String tenant, UUID authorId) {
        return delete("authorId = ?1 and tenant = ?2", authorId, tenant).replaceWithVoid();
    }
}
