package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The asks for feedback of each partnership. */
@ApplicationScoped
public class FeedbackAskRepository implements PanacheRepositoryBase<FeedbackAsk, UUID> {

    /** The open ask of this person on this subject (the session, or the partnership when sessionId is null), or null. */
    public Uni<FeedbackAsk> open(UUID partnershipId, UUID sessionId, UUID askedOf) {
        return sessionId == null
                ? find("partnershipId = ?1 and sessionId is null and askedOf = ?2 and answeredAt is null", partnershipId, askedOf).firstResult()
                : find("partnershipId = ?1 and sessionId = ?2 and askedOf = ?3 and answeredAt is null", partnershipId, sessionId, askedOf)
                        .firstResult();
    }

    /**
     * Feedback on a session answers the open asks of its author on that session and on the partnership; an evaluation
     * answered answers those on the partnership. Answers how many it answered.
     */
    public Uni<Integer> answer(UUID partnershipId, UUID askedOf, UUID sessionId, OffsetDateTime at) {
        return sessionId == null
                ? update("answeredAt = ?1 where partnershipId = ?2 and askedOf = ?3 and sessionId is null and answeredAt is null",
                        at, partnershipId, askedOf)
                : update("answeredAt = ?1 where partnershipId = ?2 and askedOf = ?3 and (sessionId is null or sessionId = ?4) "
                        + "and answeredAt is null", at, partnershipId, askedOf, sessionId);
    }

    /**
     * A page of the partnership's asks, newest first (by ask time, then id), only the open ones (not answered, not lapsed at
     * {@code now}) when {@code openOnly}, after
     * the given one's place (from the start when null): up to {@code limit} + 1 rows, the last only telling that another
     * page follows.
     */
    public Uni<List<FeedbackAsk>> ofPartnership(UUID partnershipId, boolean openOnly, OffsetDateTime now, OffsetDateTime beforeAsked,
            UUID beforeId, int limit) {
        List<Object> params = new ArrayList<>(List.of(partnershipId));
        String query = "partnershipId = ?1";
        if (openOnly) {
            params.add(now);
            query += " and answeredAt is null and (expiresAt is null or expiresAt > ?" + params.size() + ")";
        }
        if (beforeAsked != null) {
            params.add(beforeAsked);
            int at = params.size();
            params.add(beforeId);
            query += " and (askedAt < ?" + at + " or (askedAt = ?" + at + " and id < ?" + (at + 1) + "))";
        }
        return find(query + " order by askedAt desc, id desc", params.toArray()).range(0, limit).list();
    }
}
