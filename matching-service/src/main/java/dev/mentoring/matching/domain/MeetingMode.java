package dev.mentoring.matching.domain;

/** How the pair usually meets. */
public enum MeetingMode {
    IN_PERSON, VIDEO, PHONE
}
