package dev.mentoring.matching.application;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The caller as a person of the tenant: their employee id (a machine client's token has none: 403), and
 * their participant record.
 */
@ApplicationScoped
class CallingPerson {

    private final ParticipantRepository participants;
    private final Caller caller;

    CallingPerson(ParticipantRepository participants, Caller caller) {
        this.participants = participants;
        this.caller = caller;
    }

    /**
     * The caller's employee id, or 403 saying that only a person does this.
     *
     * @param doesWhat what only a person does, e.g. "has a profile of their own"
     */
    String employeeId(String doesWhat) {
        return caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) " + doesWhat));
    }

    /** The caller's own participant record, or 403 when they have none (yet, or any more). */
    Uni<Participant> participant(String tenant, String doesWhat) {
        return participants.findByEmployeeId(tenant, employeeId(doesWhat)).map(p -> {
            if (p == null || p.erasedAt != null) {
                throw new ProblemException(403, "Forbidden", "You have no participant profile yet");
            }
            return p;
        });
    }

    /** The caller's participant record for taking part in a mentorship. */
    Uni<Participant> inMentorships(String tenant) {
        return participant(tenant, "takes part in mentorships");
    }
}
