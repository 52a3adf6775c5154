package dev.mentoring.feedback.persistence;

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

    /** The feedback on the session that this person sees: their own, and the other's if shared; oldest first. */
    public Uni<List<SessionFeedback>> visibleTo(UUID sessionId, UUID personId) {
        return list("sessionId = ?1 and (authorId = ?2 or shared = true) order by createdAt", sessionId, personId);
    }

    /** Erasure: the author's comments go, their ratings stay for the aggregates. */
    public Uni<Integer> eraseCommentsOf(String tenant, UUID authorId) {
        return update("comment = null where authorId = ?1 and tenant = ?2", authorId, tenant);
    }
}
