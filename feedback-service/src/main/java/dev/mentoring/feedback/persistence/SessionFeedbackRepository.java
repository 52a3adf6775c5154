package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The feedback people gave on their sessions. */
@ApplicationScoped
public class SessionFeedbackRepository implements PanacheRepositoryBase<SessionFeedback, UUID> {

    /** The author's feedback on the session, or null. */
    public Uni<SessionFeedback> byAuthor(UUID sessionId, UUID authorId) {
        return find("sessionId = ?1 and authorId = ?2", sessionId, authorId).firstResult();
    }

    /**
     * A page of the feedback on the session that this person sees (their own, and the other's if shared), oldest first
     * (by creation, then id), after the given one's place (from the start when null): up to {@code limit} + 1 rows,
     * the last only telling that another page follows.
     */
    public Uni<List<SessionFeedback>> visibleTo(UUID sessionId, UUID personId, OffsetDateTime afterCreated, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>(List.of(sessionId, personId));
        String query = "sessionId = ?1 and (authorId = ?2 or shared = true)";
        if (afterCreated != null) {
            params.add(afterCreated);
            params.add(afterId);
            query += " and (createdAt > ?3 or (createdAt = ?3 and id > ?4))";
        }
        return find(query + " order by createdAt, id", params.toArray()).range(0, limit).list();
    }

    /** Erasure: the author's comments go (a change: their versions go up), their ratings stay for the aggregates. */
    public Uni<Integer> eraseCommentsOf(String tenant, UUID authorId) {
        return update("comment = null, version = version + 1 where authorId = ?1 and tenant = ?2 and comment is not null", authorId, tenant);
    }
}
