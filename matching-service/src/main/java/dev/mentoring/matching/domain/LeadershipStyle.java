package dev.mentoring.matching.domain;

/** Leadership styles a mentor practises and a mentee may prefer (documented list). */
public enum LeadershipStyle {
    /** Develops people through questions and reflection. */
    COACHING,
    /** Gives clear direction and expects it followed. */
    DIRECTIVE,
    /** Decides with the team. */
    DEMOCRATIC,
    /** Puts the team's needs first. */
    SERVANT,
    /** Inspires change through vision. */
    TRANSFORMATIONAL,
    /** Hands over ownership and steps back. */
    DELEGATING
}
