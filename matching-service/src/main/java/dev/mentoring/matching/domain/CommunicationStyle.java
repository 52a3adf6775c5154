package dev.mentoring.matching.domain;

/** Communication styles (documented list). */
public enum CommunicationStyle {
    /** Straight to the point. */
    DIRECT,
    /** Careful and tactful. */
    DIPLOMATIC,
    /** Facts, data and structure first. */
    ANALYTICAL,
    /** Stories, energy and ideas. */
    EXPRESSIVE,
    /** Listening and encouragement first. */
    SUPPORTIVE
}
