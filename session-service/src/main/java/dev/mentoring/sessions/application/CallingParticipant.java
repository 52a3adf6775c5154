package dev.mentoring.sessions.application;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import dev.mentoring.sessions.persistence.ParticipantCopyRepository;
import dev.mentoring.sessions.persistence.PartnershipCopy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The caller as a participant: their participant id, found through the copy of participants by the
 * token's tenant and employee id, and the partnerships they belong to. Someone else's partnership, or
 * one of another tenant, is 404 as if it did not exist.
 */
@RequestScoped
public class CallingParticipant {

    private final Caller caller;
    private final ParticipantCopyRepository participants;

    CallingParticipant(Caller caller, ParticipantCopyRepository participants) {
        this.caller = caller;
        this.participants = participants;
    }

    public String tenant() {
        return caller.tenant();
    }

    /** The caller's participant id, or 403 when the token is no person's or the person is not known here (yet). */
    public Uni<UUID> id() {
        String employeeId = caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) takes part in sessions"));
        return Panache.withSession(() -> participants.findByEmployeeId(caller.tenant(), employeeId)).map(p -> {
            if (p == null || "erased".equals(p.employeeId)) {
                throw new ProblemException(403, "Forbidden", "You have no participant profile yet");
            }
            return p.id;
        });
    }

    /** The partnership, if the caller is one of its two people; else 404. */
    public Uni<PartnershipCopy> partnership(UUID me, UUID partnershipId) {
        return Panache.withSession(() -> PartnershipCopy.findInTenant(caller.tenant(), partnershipId)).map(p -> {
            if (p == null || !p.hasParticipant(me)) {
                throw ProblemException.notFound("partnership", partnershipId);
            }
            return p;
        });
    }
}
