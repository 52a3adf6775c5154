package dev.mentoring.sessions.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.ParticipantCopyRepository;
import dev.mentoring.sessions.persistence.PartnershipCopy;
import dev.mentoring.sessions.persistence.PartnershipCopyRepository;
import dev.mentoring.sessions.persistence.SessionRepository;
import io.smallrye.mutiny.Uni;

/**
 * The caller as a participant: their participant id, found through the copy of participants by the token's tenant
 * and employee id, and the partnerships and sessions they take part in. Someone else's, or one of another tenant, is
 * 404 as if it did not exist. Read within the use case's session.
 */
@ApplicationScoped
class CallingParticipant {

    /** The calling person: their tenant and participant id, as read from the token and the copy of participants. */
    record Me(String tenant, UUID id) {
    }

    private final Caller caller;
    private final ParticipantCopyRepository participants;
    private final PartnershipCopyRepository partnerships;
    private final SessionRepository sessions;

    CallingParticipant(Caller caller, ParticipantCopyRepository participants, PartnershipCopyRepository partnerships,
            SessionRepository sessions) {
        this.caller = caller;
        this.participants = participants;
        this.partnerships = partnerships;
        this.sessions = sessions;
    }

    public String tenant() {
        return caller.tenant();
    }

    /** The caller as {@link Me}, or 403 when the token is no person's or the person is not known here (yet). */
    public Uni<Me> find() {
        String employeeId = caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) takes part in sessions"));
        String tenant = caller.tenant();
        return participants.findByEmployeeId(tenant, employeeId).map(p -> {
            if (p == null || p.erased()) {
                throw new ProblemException(403, "Forbidden", "You have no participant profile yet");
            }
            return new Me(tenant, p.id);
        });
    }

    /** The partnership, if the caller is one of its two people; else 404. */
    public Uni<PartnershipCopy> partnership(Me me, UUID partnershipId) {
        return partnerships.inTenant(me.tenant(), partnershipId).map(p -> {
            if (p == null || !p.hasParticipant(me.id())) {
                throw ProblemException.notFound("partnership", partnershipId);
            }
            return p;
        });
    }

    /** Whether the caller is a program admin: they see the tenant's sessions, never their content. */
    public boolean isProgramAdmin() {
        return caller.hasRole("program-admin");
    }

    /** A session of the caller's; 404 for anyone else's. */
    public Uni<MentoringSession> session(Me me, UUID sessionId) {
        return sessions.inTenant(me.tenant(), sessionId).map(s -> mine(me.id(), sessionId, s));
    }

    /** A session of the caller's, write-locked for a change until the transaction ends; 404 for anyone else's. */
    public Uni<MentoringSession> sessionForChange(Me me, UUID sessionId) {
        return sessions.inTenantForChange(me.tenant(), sessionId).map(s -> mine(me.id(), sessionId, s));
    }

    private static MentoringSession mine(UUID me, UUID sessionId, MentoringSession s) {
        if (s == null || !(me.equals(s.menteeId) || me.equals(s.mentorId))) {
            throw ProblemException.notFound("session", sessionId);
        }
        return s;
    }
}
