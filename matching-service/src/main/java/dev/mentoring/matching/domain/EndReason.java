package dev.mentoring.matching.domain;

/** Why a partnership ends (documented categories). */
public enum EndReason {
    GOALS_ACHIEVED, PROGRAM_ENDED, NOT_A_GOOD_FIT, LACK_OF_TIME, ROLE_CHANGE, LEFT_ORGANISATION, OTHER
}
