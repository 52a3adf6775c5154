package dev.mentoring.matching.domain;

/** What a match score is made of; each has a weight (see {@link Weights}). */
public enum Criterion {
    /** How far the mentor's skills cover the levels the mentee wants to reach. */
    SKILLS,
    /** How much of the mentee's goals the mentor's expertise and wishes to mentor address. */
    GOALS_EXPERTISE,
    /** A shared industry, weighed by the mentee's stated preference. */
    INDUSTRY,
    /** A useful experience gap: 5-15 years ahead is ideal. */
    EXPERIENCE_GAP,
    /** The mentor's leadership and communication styles against the mentee's stated preferences. */
    STYLES,
    /** Shared languages (one is required). */
    LANGUAGE,
    /** Hours between the two at this time of year, against what the mentee accepts. */
    TIME_ZONE
}
