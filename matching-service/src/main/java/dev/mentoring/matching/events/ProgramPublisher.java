package dev.mentoring.matching.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.matching.persistence.Program;
import dev.mentoring.matching.persistence.ProgramEnrolment;
import dev.mentoring.plumbing.outbox.DomainEvent;

/**
 * What matching-service publishes about programs and who is in them, keyed by the program id. Never a program's name
 * or purpose, never a person's name.
 */
public final class ProgramPublisher {

    private ProgramPublisher() {
    }

    public static DomainEvent program(Program program, EventType<ProgramEvents.ProgramChanged> type, OffsetDateTime at) {
        return DomainEvent.of(program.tenant, type, new ProgramEvents.ProgramChanged(program.id, program.state.name(),
                program.joining.name(), program.general, program.enrolmentOpensOn, program.enrolmentClosesOn, program.startsOn,
                program.endsOn, program.focusSkills == null ? java.util.List.of() : java.util.List.of(program.focusSkills), at));
    }

    /** program.admin-assigned or program.admin-unassigned: the person (by employee id) runs the program, or no longer does. */
    public static DomainEvent admin(String tenant, UUID programId, String employeeId, EventType<ProgramEvents.AdminChanged> type,
            OffsetDateTime at) {
        return DomainEvent.of(tenant, type, new ProgramEvents.AdminChanged(programId, employeeId, at));
    }

    public static DomainEvent enrolment(ProgramEnrolment enrolment, EventType<ProgramEvents.EnrolmentChanged> type, String by) {
        return DomainEvent.of(enrolment.tenant, type, new ProgramEvents.EnrolmentChanged(enrolment.programId, enrolment.id,
                enrolment.participantId, enrolment.role.name(), enrolment.state.name(), by, enrolment.changedAt));
    }
}
