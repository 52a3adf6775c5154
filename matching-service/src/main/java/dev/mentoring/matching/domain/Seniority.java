package dev.mentoring.matching.domain;

/** Seniority levels, in order. */
public enum Seniority {
    JUNIOR, MID, SENIOR, LEAD, EXECUTIVE
}
