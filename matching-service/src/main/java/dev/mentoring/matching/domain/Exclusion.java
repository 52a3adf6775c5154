package dev.mentoring.matching.domain;

/** The hard rules that take a mentor out of a mentee's candidates, in the order they are checked. */
public enum Exclusion {
    IS_THE_MENTEE,
    NOT_A_MENTOR,
    INACTIVE,
    IS_MENTEES_MANAGER,
    ENDED_BEFORE,
    NOT_ACCEPTING,
    NO_CAPACITY_LEFT,
    NO_SHARED_LANGUAGE,
    TIME_ZONES_TOO_FAR_APART
}
