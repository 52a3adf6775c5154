package dev.mentoring.matching.domain;

/** Why a mentor declines a request (documented categories). */
public enum DeclineReason {
    NO_CAPACITY, NOT_MY_EXPERTISE, SCHEDULE_CONFLICT, CONFLICT_OF_INTEREST, OTHER
}
