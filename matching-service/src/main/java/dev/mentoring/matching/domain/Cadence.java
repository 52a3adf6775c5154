package dev.mentoring.matching.domain;

/** How often the pair meets. */
public enum Cadence {
    WEEKLY, EVERY_TWO_WEEKS, MONTHLY
}
