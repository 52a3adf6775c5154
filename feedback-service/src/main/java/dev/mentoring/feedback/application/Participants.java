package dev.mentoring.feedback.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.persistence.ParticipantCopyRepository;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The caller as a participant (by the token's tenant and employee id, through the participant copy) and the
 * partnerships they belong to; someone else's partnership, or another tenant's, is 404.
 * <p>
 * The token is read once, when a use case starts ({@link #me()}, {@link #tenant()}): what comes after its first query
 * works from {@link Me}, never from the request's beans, whose request context a continuation may not have.
 */
@ApplicationScoped
public class Participants {

    /** The calling person: their tenant and participant id, as read from the token and the copy of participants. */
    public record Me(String tenant, UUID id) {
    }

    private final Caller caller;
    private final ParticipantCopyRepository participants;
    private final PartnershipCopyRepository partnerships;

    Participants(Caller caller, ParticipantCopyRepository participants, PartnershipCopyRepository partnerships) {
        this.caller = caller;
        this.participants = participants;
        this.partnerships = partnerships;
    }

    public String tenant() {
        return caller.tenant();
    }

    /** The caller as {@link Me}; 403 for a token without an employee id or a person without a profile. */
    @WithSession
    public Uni<Me> me() {
        String employeeId = caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) gives feedback"));
        String tenant = caller.tenant();
        return participants.withEmployeeId(tenant, employeeId).map(p -> {
            if (p == null) {
                throw new ProblemException(403, "Forbidden", "You have no participant profile yet");
            }
            return new Me(tenant, p.id);
        });
    }

    /**
     * The caller as {@link Me} when the token names a person with a profile here; null for a machine client or a person
     * without one. For a program admin who may also be one of a partnership's two people.
     */
    @WithSession
    public Uni<Me> meIfAny() {
        String tenant = caller.tenant();
        return caller.employeeId().map(employeeId -> participants.withEmployeeId(tenant, employeeId)
                        .map(p -> p == null ? null : new Me(tenant, p.id)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** Whether the person is one of the partnership's two. */
    public static boolean isOneOf(PartnershipCopy partnership, Me me) {
        return me != null && (me.id().equals(partnership.menteeId) || me.id().equals(partnership.mentorId));
    }

    /**
     * Within a transaction: the partnership as {@link #partnership}, locked. Writes that recompute the health
     * lock it first, as the event consumers do, so that concurrent writes of one partnership queue up in one
     * order (no deadlocks) and see each other's work (two answers complete an evaluation, one check-in
     * achieves a goal).
     */
    public Uni<PartnershipCopy> partnershipForUpdate(Me me, UUID partnershipId) {
        return partnership(me, partnershipId).chain(p -> partnerships.locked(p.id));
    }

    /** Within a session: the partnership if the caller is one of its two people, else 404. */
    public Uni<PartnershipCopy> partnership(Me me, UUID partnershipId) {
        return partnerships.inTenant(me.tenant(), partnershipId).map(p -> {
            if (p == null || !isOneOf(p, me)) {
                throw ProblemException.notFound("partnership", partnershipId);
            }
            return p;
        });
    }

    /** The role the person has in the partnership: {@code MENTOR} or {@code MENTEE}. */
    static String roleIn(PartnershipCopy partnership, Me person) {
        return person.id().equals(partnership.mentorId) ? "MENTOR" : "MENTEE";
    }
}
