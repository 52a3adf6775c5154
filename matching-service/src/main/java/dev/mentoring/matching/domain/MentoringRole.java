package dev.mentoring.matching.domain;

/** The role a person takes in a program: mentor or mentee (a person may be a mentor in one program, a mentee in another). */
public enum MentoringRole {
    MENTOR, MENTEE
}
