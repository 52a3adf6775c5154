package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.PartnershipState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Partnerships, always within one tenant. */
@ApplicationScoped
public class PartnershipRepository implements PanacheRepositoryBase<Partnership, UUID> {

    public Uni<Partnership> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    public Uni<Long> runningForMentor(String tenant, UUID mentorId) {
        return count("tenant = ?1 and mentorId = ?2 and state in ('ACTIVE', 'PAUSED')", tenant, mentorId);
    }

    public Uni<Long> runningForMentee(String tenant, UUID menteeId) {
        return count("tenant = ?1 and menteeId = ?2 and state in ('ACTIVE', 'PAUSED')", tenant, menteeId);
    }

    public Uni<Long> runningForPair(String tenant, UUID menteeId, UUID mentorId) {
        return count("tenant = ?1 and menteeId = ?2 and mentorId = ?3 and state in ('ACTIVE', 'PAUSED')", tenant, menteeId,
                mentorId);
    }

    /**
     * One page of the tenant's partnerships by id after {@code after}: those a participant is part of, or all when
     * {@code participantId} is null; of one state, or all when {@code state} is null.
     */
    public Uni<List<Partnership>> page(String tenant, UUID participantId, PartnershipState state, PageKey after, int limit) {
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
            // newest first: the page goes on after the last one seen, ties in id order
            query.append(" and (startedAt < :afterAt or (startedAt = :afterAt and id > :afterId))");
            parameters.and("afterAt", after.at()).and("afterId", after.id());
        }
        return find(query + " order by startedAt desc, id", parameters).page(0, limit).list();
    }

    /** Where a page of partnerships starts: after the one started at {@code at} with {@code id}. */
    public record PageKey(OffsetDateTime at, UUID id) {
    }
}
