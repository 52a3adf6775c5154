package dev.mentoring.matching.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.matching.domain.PartnershipState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Partnerships, always within one tenant. */
@ApplicationScoped
public class PartnershipRepository implements PanacheRepositoryBase<Partnership, UUID> {

    public Uni<Partnership> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The person's running partnerships (active or paused), as mentee or mentor, row-locked until the transaction ends. */
    public Uni<List<Partnership>> runningOfLocked(String tenant, UUID participantId) {
        return find("tenant = ?1 and (menteeId = ?2 or mentorId = ?2) and state in ('ACTIVE', 'PAUSED') order by id", tenant, participantId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Erasure: the end notes and thank-you messages the person wrote when they ended a partnership. */
    public Uni<Integer> eraseEndingWordsOf(String tenant, UUID participantId) {
        return update("endNote = null, thankYou = null where tenant = ?1 and endedBy = ?2 and (endNote is not null or thankYou is not null)",
                tenant, participantId);
    }

    /** The program's running partnerships (active or paused), row-locked until the transaction ends: the program closes. */
    public Uni<List<Partnership>> runningInProgramLocked(String tenant, UUID programId) {
        return find("tenant = ?1 and programId = ?2 and state in ('ACTIVE', 'PAUSED') order by id", tenant, programId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** How many partnerships of the program the person runs, as mentee or as mentor. */
    public Uni<Long> runningInProgramFor(String tenant, UUID programId, UUID participantId, boolean asMentee) {
        return count("tenant = ?1 and programId = ?2 and " + (asMentee ? "menteeId" : "mentorId")
                + " = ?3 and state in ('ACTIVE', 'PAUSED')", tenant, programId, participantId);
    }

    /** How many partnerships of the program the mentee runs. */
    public Uni<Long> runningForMenteeInProgram(String tenant, UUID programId, UUID menteeId) {
        return runningInProgramFor(tenant, programId, menteeId, true);
    }

    public Uni<Long> runningForMentor(String tenant, UUID mentorId) {
        return count("tenant = ?1 and mentorId = ?2 and state in ('ACTIVE', 'PAUSED')", tenant, mentorId);
    }

    /** How many of the person's partnerships as a mentee were completed (not ended early). */
    public Uni<Long> completedAsMentee(String tenant, UUID menteeId) {
        return count("tenant = ?1 and menteeId = ?2 and state = ?3", tenant, menteeId, PartnershipState.COMPLETED);
    }

    public Uni<Long> runningForMentee(String tenant, UUID menteeId) {
        return count("tenant = ?1 and menteeId = ?2 and state in ('ACTIVE', 'PAUSED')", tenant, menteeId);
    }

    public Uni<Long> runningForPair(String tenant, UUID menteeId, UUID mentorId) {
        return count("tenant = ?1 and menteeId = ?2 and mentorId = ?3 and state in ('ACTIVE', 'PAUSED')", tenant, menteeId,
                mentorId);
    }

    /**
     * One page of the tenant's partnerships, newest first, after {@code after}: those a participant is part of, or all when
     * {@code participantId} is null; of one state, or all when {@code state} is null.
     */
    public Uni<List<Partnership>> page(String tenant, UUID participantId, PartnershipState state, PairPage.Key after, int limit) {
        PairPage page = PairPage.of("startedAt", tenant, participantId, state, after);
        return find(page.where(), page.parameters()).page(0, limit).list();
    }

}
