package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;

/**
 * The one query shape of the pair lists (partnerships, mentorship requests): the tenant's, or a participant's (as
 * mentee or mentor), of one state or all, newest first by {@code timeField}, ties in id order, after a cursor.
 *
 * @param where      the condition, ending in the order
 * @param parameters its parameters
 */
public record PairPage(String where, Parameters parameters) {

    /** Where a page starts: after the one at {@code at} with {@code id}. */
    public record Key(OffsetDateTime at, UUID id) {
    }

    static PairPage of(String timeField, String tenant, UUID participantId, Object state, Key after) {
        StringBuilder query = new StringBuilder("tenant = :tenant");
        Parameters parameters = Parameters.with("tenant", tenant);
        if (participantId != null) {
            query.append(" and (menteeId = :participant or mentorId = :participant)");
            parameters.and("participant", participantId);
        }
        if (state != null) {
            query.append(" and state = :state");
            parameters.and("state", state);
        }
        if (after != null) {
            query.append(" and (").append(timeField).append(" < :afterAt or (").append(timeField)
                    .append(" = :afterAt and id > :afterId))");
            parameters.and("afterAt", after.at()).and("afterId", after.id());
        }
        return new PairPage(query + " order by " + timeField + " desc, id", parameters);
    }
}
