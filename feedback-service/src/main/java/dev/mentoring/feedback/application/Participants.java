package dev.mentoring.feedback.application;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.feedback.persistence.ParticipantCopy;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The caller as a participant (by the token's tenant and employee id, through the participant copy) and the
 * partnerships they belong to; someone else's partnership, or another tenant's, is 404.
 */
@RequestScoped
public class Participants {

    private final Caller caller;

    Participants(Caller caller) {
        this.caller = caller;
    }

    public String tenant() {
        return caller.tenant();
    }

    public Uni<UUID> me() {
        String employeeId = caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) gives feedback"));
        return Panache.withSession(() -> ParticipantCopy.<ParticipantCopy>find("tenant = ?1 and employeeId = ?2 order by updatedAt desc", caller.tenant(), employeeId)
                .firstResult()).map(p -> {
                    if (p == null) {
                        throw new ProblemException(403, "Forbidden", "You have no participant profile yet");
                    }
                    return p.id;
                });
    }

    /**
     * Within a transaction: the partnership as {@link #partnership}, locked. Writes that recompute the health
     * lock it first, as the event consumers do, so that concurrent writes of one partnership queue up in one
     * order (no deadlocks) and see each other's work (two answers complete an evaluation, one check-in
     * achieves a goal).
     */
    public Uni<PartnershipCopy> partnershipForUpdate(UUID me, UUID partnershipId) {
        return partnership(me, partnershipId).chain(p -> PartnershipCopy.<PartnershipCopy>findById(p.id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Within a session: the partnership if the caller is one of its two people, else 404. */
    public Uni<PartnershipCopy> partnership(UUID me, UUID partnershipId) {
        return PartnershipCopy.<PartnershipCopy>find("tenant = ?1 and id = ?2", caller.tenant(), partnershipId).firstResult().map(p -> {
            if (p == null || !(me.equals(p.menteeId) || me.equals(p.mentorId))) {
                throw ProblemException.notFound("partnership", partnershipId);
            }
            return p;
        });
    }
}
