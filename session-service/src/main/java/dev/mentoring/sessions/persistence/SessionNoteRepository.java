package dev.mentoring.sessions.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.sessions.domain.SessionEnums;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Notes on sessions (stored encrypted). */
@ApplicationScoped
public class SessionNoteRepository implements PanacheRepositoryBase<SessionNote, UUID> {

    /** The session's notes a participant may read: the shared ones and their own private ones, oldest first. */
    public Uni<List<SessionNote>> readableBy(UUID sessionId, UUID participant) {
        return list("sessionId = ?1 and (visibility = ?2 or authorId = ?3) order by createdAt", sessionId,
                SessionEnums.Visibility.SHARED, participant);
    }

    /** A note of the session, or null. */
    public Uni<SessionNote> inSession(UUID noteId, UUID sessionId) {
        return find("id = ?1 and sessionId = ?2", noteId, sessionId).firstResult();
    }

    /** Deletes every note the person wrote in the tenant (the right to be forgotten). */
    public Uni<Void> eraseWrittenBy(String tenant, UUID authorId) {
        return delete("authorId = ?1 and tenant = ?2", authorId, tenant).replaceWithVoid();
    }
}
