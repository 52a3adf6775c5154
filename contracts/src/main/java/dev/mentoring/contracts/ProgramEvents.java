package dev.mentoring.contracts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * matching-service's program events on {@link Topics#PROGRAM}, keyed by the program id, so that a program's story and
 * its enrolments stay in order. Ids, states and dates: never a program's name or purpose, never a person's name.
 */
public final class ProgramEvents {

    public static final EventType<ProgramChanged> CREATED = program("program.created");
    public static final EventType<ProgramChanged> UPDATED = program("program.updated");
    public static final EventType<ProgramChanged> ENROLMENT_OPENED = program("program.enrolment-opened");
    public static final EventType<ProgramChanged> STARTED = program("program.started");
    public static final EventType<ProgramChanged> CLOSED = program("program.closed");

    public static final EventType<EnrolmentChanged> APPLIED = enrolment("enrolment.applied");
    public static final EventType<EnrolmentChanged> ENROLLED = enrolment("enrolment.enrolled");
    public static final EventType<EnrolmentChanged> DECLINED = enrolment("enrolment.declined");
    public static final EventType<EnrolmentChanged> LEFT = enrolment("enrolment.left");

    public static final EventType<AdminChanged> ADMIN_ASSIGNED = admin("program.admin-assigned");
    public static final EventType<AdminChanged> ADMIN_UNASSIGNED = admin("program.admin-unassigned");

    /** Every program.* change of the program itself (not of its admins), for a consumer that keeps its state. */
    public static final List<EventType<ProgramChanged>> PROGRAM_CHANGES = List.of(CREATED, UPDATED, ENROLMENT_OPENED, STARTED, CLOSED);
    /** Every enrolment.* change. */
    public static final List<EventType<EnrolmentChanged>> ENROLMENT_CHANGES = List.of(APPLIED, ENROLLED, DECLINED, LEFT);

    /** The states of a program as the events carry them. */
    public static final Set<String> STATES = Set.of("DRAFT", "ENROLLING", "RUNNING", "CLOSED");
    /** How people join a program. */
    public static final Set<String> JOINING = Set.of("HR_ENROLS", "APPLY", "OPEN");
    /** The roles a person takes in a program. */
    public static final Set<String> ROLES = Set.of("MENTOR", "MENTEE");
    /** The states of an enrolment. */
    public static final Set<String> ENROLMENT_STATES = Set.of("APPLIED", "ENROLLED", "DECLINED", "LEFT");

    /** Payload of the program.* events: the program as it is after the change. */
    public record ProgramChanged(UUID programId, String state, String joining, boolean general, LocalDate enrolmentOpensOn,
            LocalDate enrolmentClosesOn, LocalDate startsOn, LocalDate endsOn, List<String> focusSkills, OffsetDateTime at) {
    }

    /** Payload of the enrolment.* events: one person's place in a program in one role. */
    public record EnrolmentChanged(UUID programId, UUID enrolmentId, UUID participantId, String role, String state, String by,
            OffsetDateTime at) {
    }

    /**
     * Payload of program.admin-assigned and program.admin-unassigned: a person (by the employee id their sign-in token
     * carries) runs the program from now on, or no longer does (taken off, or left the organisation).
     */
    public record AdminChanged(UUID programId, String employeeId, OffsetDateTime at) {
    }

    /** Who made an enrolment change ({@code by}): HR (an admin or the HR platform), the person themselves, or the platform. */
    public static final String BY_HR = "HR";
    public static final String BY_PERSON = "PERSON";
    public static final String BY_PLATFORM = "PLATFORM";
    public static final Set<String> BY = Set.of(BY_HR, BY_PERSON, BY_PLATFORM);

    private static EventType<ProgramChanged> program(String name) {
        return new EventType<>(name, Topics.PROGRAM, 1, ProgramChanged.class, ProgramChanged::programId,
                p -> "programs/" + p.programId());
    }

    private static EventType<EnrolmentChanged> enrolment(String name) {
        return new EventType<>(name, Topics.PROGRAM, 1, EnrolmentChanged.class, EnrolmentChanged::programId,
                e -> "programs/" + e.programId() + "/enrolments/" + e.enrolmentId());
    }

    private static EventType<AdminChanged> admin(String name) {
        return new EventType<>(name, Topics.PROGRAM, 1, AdminChanged.class, AdminChanged::programId,
                a -> "programs/" + a.programId() + "/admins");
    }

    private ProgramEvents() {
    }
}
