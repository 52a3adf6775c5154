package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.matching.domain.RequestState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Mentorship requests, always within one tenant, except the expiry that sweeps them all. */
@ApplicationScoped
public class MentorshipRequestRepository implements PanacheRepositoryBase<MentorshipRequest, UUID> {

    public Uni<MentorshipRequest> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The request again, its row locked until the transaction ends: a concurrent answer waits here. */
    public Uni<MentorshipRequest> lockedById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page of the tenant's requests, newest first, after {@code after}: those a participant sent or received, or all when
     * {@code participantId} is null; of one state, or all when {@code state} is null.
     */
    public Uni<List<MentorshipRequest>> page(String tenant, UUID participantId, RequestState state, PairPage.Key after, int limit) {
        PairPage page = PairPage.of("createdAt", tenant, participantId, state, after);
        return find(page.where(), page.parameters()).page(0, limit).list();
    }

    /** How many of a mentee's requests wait for an answer. */
    public Uni<Long> openOf(String tenant, UUID menteeId) {
        return count("tenant = ?1 and menteeId = ?2 and state = ?3", tenant, menteeId, RequestState.OPEN);
    }

    /** How many of a mentee's requests in the program wait for an answer. */
    public Uni<Long> openOfInProgram(String tenant, UUID programId, UUID menteeId) {
        return openInProgramFor(tenant, programId, menteeId, true);
    }

    /** How many open requests of the program the person made (as mentee) or was asked (as mentor). */
    public Uni<Long> openInProgramFor(String tenant, UUID programId, UUID participantId, boolean asMentee) {
        return count("tenant = ?1 and programId = ?2 and " + (asMentee ? "menteeId" : "mentorId") + " = ?3 and state = ?4",
                tenant, programId, participantId, RequestState.OPEN);
    }

    /** The program's open requests, row-locked until the transaction ends: the program closes. */
    public Uni<List<MentorshipRequest>> openInProgramLocked(String tenant, UUID programId) {
        return find("tenant = ?1 and programId = ?2 and state = ?3 order by id", tenant, programId, RequestState.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The open requests the person made or was asked, row-locked until the transaction ends. */
    public Uni<List<MentorshipRequest>> openInvolvingLocked(String tenant, UUID participantId) {
        return find("tenant = ?1 and (menteeId = ?2 or mentorId = ?2) and state = ?3 order by id", tenant, participantId, RequestState.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Erasure: the messages the person wrote, asking as a mentee or declining as a mentor. */
    public Uni<Integer> eraseMessagesOf(String tenant, UUID participantId) {
        return update("message = null where tenant = ?1 and menteeId = ?2 and message is not null", tenant, participantId)
                .chain(asked -> update("declineMessage = null where tenant = ?1 and mentorId = ?2 and declineMessage is not null", tenant,
                        participantId).map(declined -> asked + declined));
    }

    /** How many of a mentee's requests to this mentor wait for an answer. */
    public Uni<Long> openForPair(String tenant, UUID menteeId, UUID mentorId) {
        return count("tenant = ?1 and menteeId = ?2 and mentorId = ?3 and state = ?4", tenant, menteeId, mentorId,
                RequestState.OPEN);
    }

    /** Open requests for the given pairs of a committed matching run, in one statement; each id is also the future partnership's. */
    public Uni<Integer> openForRun(String tenant, UUID runId, UUID programId, UUID[] ids, UUID[] mentees, UUID[] mentors,
            OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        if (ids.length == 0) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                insert into mentorship_request (id, tenant, mentee_id, mentor_id, state, origin, matching_run_id, created_at, expires_at,
                                                program_id)
                select r.id, ?1, r.mentee, r.mentor, 'OPEN', 'MATCHING_RUN', ?2, ?3, ?4, ?8
                from unnest(cast(?5 as uuid[]), cast(?6 as uuid[]), cast(?7 as uuid[])) as r(id, mentee, mentor)""")
                .setParameter(1, tenant).setParameter(2, runId).setParameter(3, createdAt).setParameter(4, expiresAt)
                .setParameter(5, ids).setParameter(6, mentees).setParameter(7, mentors).setParameter(8, programId)
                .executeUpdate());
    }

    /**
     * Expires up to {@code batch} open requests of every tenant whose time ran out before {@code now}, in one statement
     * over rows claimed {@code FOR UPDATE SKIP LOCKED}, so each expires once however many instances sweep at the same
     * time. Answers the expired requests as they now are (not attached to the session).
     */
    public Uni<List<MentorshipRequest>> expireDue(OffsetDateTime now, int batch) {
        return getSession().chain(session -> session.createNativeQuery("""
                update mentorship_request set state = 'EXPIRED', decided_at = ?1, version = version + 1
                where id in (select id from mentorship_request where state = 'OPEN' and expires_at < ?1
                             order by expires_at limit ?2 for update skip locked)
                returning id, tenant, mentee_id, mentor_id, origin, matching_run_id, program_id""", Object[].class)
                .setParameter(1, now)
                .setParameter(2, batch)
                .getResultList())
                .map(rows -> rows.stream().map(row -> {
                    MentorshipRequest expired = new MentorshipRequest();
                    expired.id = (UUID) row[0];
                    expired.tenant = (String) row[1];
                    expired.menteeId = (UUID) row[2];
                    expired.mentorId = (UUID) row[3];
                    expired.origin = (String) row[4];
                    expired.matchingRunId = (UUID) row[5];
                    expired.programId = (UUID) row[6];
                    expired.decidedAt = now;
                    expired.state = RequestState.EXPIRED;
                    return expired;
                }).toList());
    }

}
