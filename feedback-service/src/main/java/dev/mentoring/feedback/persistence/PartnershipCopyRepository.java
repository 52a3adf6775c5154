package dev.mentoring.feedback.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.contracts.PartnershipEvents;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The copies of partnerships, from matching-service's events. */
@ApplicationScoped
public class PartnershipCopyRepository implements PanacheRepositoryBase<PartnershipCopy, UUID> {

    /** The tenant's partnership, or null. */
    public Uni<PartnershipCopy> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /**
     * The partnership, row-locked until the transaction ends: every write that recomputes a partnership's health locks
     * it first, so that writes of one partnership queue in one order. Null when unknown.
     */
    public Uni<PartnershipCopy> locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The ids of the tenant's partnerships the person is the mentee or the mentor of. */
    public Uni<List<UUID>> idsOf(String tenant, UUID participantId) {
        return find("select id from PartnershipCopy where tenant = ?1 and (menteeId = ?2 or mentorId = ?2)", tenant, participantId)
                .project(UUID.class).list();
    }

    /**
     * Erasure: the goals' words of the person's partnerships go (who of the two wrote them is not known here), and the
     * partnerships are marked so that no later words come back. Locks the partnerships' copies, as the words' handler does.
     */
    public Uni<Integer> eraseGoalWordsOf(String tenant, UUID participantId) {
        return update("goalWordsErased = true where tenant = ?1 and (menteeId = ?2 or mentorId = ?2)", tenant, participantId)
                .chain(() -> Goal.update("title = null where partnershipId in (select p.id from PartnershipCopy p "
                        + "where p.tenant = ?1 and (p.menteeId = ?2 or p.mentorId = ?2))", tenant, participantId));
    }

    /** Every running partnership of every tenant: started, and active or paused. */
    public Uni<List<PartnershipCopy>> running() {
        return list("state in ?1 and startedAt is not null", List.of(PartnershipEvents.ACTIVE, PartnershipEvents.PAUSED_STATE));
    }
}
