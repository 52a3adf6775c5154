package dev.mentoring.sessions.domain;

/** The words of a session's life, as the API and the events use them. */
public final class SessionEnums {

    private SessionEnums() {
    }

    public enum State { SCHEDULED, CANCELLED, COMPLETED, NO_SHOW }

    public enum Mode { IN_PERSON, VIDEO, PHONE }

    public enum Attendance { BOTH, MENTOR_ABSENT, MENTEE_ABSENT }

    /** Why a session was cancelled. PARTNERSHIP_PAUSED and PARTNERSHIP_ENDED are set by the service. */
    public enum CancelReason { SCHEDULE_CONFLICT, ILLNESS, WORKLOAD, NO_LONGER_NEEDED, OTHER, PARTNERSHIP_PAUSED, PARTNERSHIP_ENDED }

    public enum Role { MENTEE, MENTOR }

    public enum Visibility { SHARED, PRIVATE }

    public enum ActionState { OPEN, DONE }

    /** Which occurrences of a series a change applies to. */
    public enum Scope { THIS, THIS_AND_FOLLOWING }
}
