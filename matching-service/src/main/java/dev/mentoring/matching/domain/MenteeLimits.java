package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
/**
 * A tenant's limits per mentee: how many requests may wait for an answer at once, and how many partnerships
 * may run at once; each 1-10. Absent settings mean {@link #DEFAULT} (3 open requests, 2 mentors).
 */
public record MenteeLimits(int maxOpenRequests, int maxActiveMentors) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 10;
    public static final MenteeLimits DEFAULT = new MenteeLimits(3, 2);

    public MenteeLimits {
        inRange("maxOpenRequests", maxOpenRequests);
        inRange("maxActiveMentors", maxActiveMentors);
    }

    /** A mentee with {@code open} requests waiting may ask once more only below the limit. */
    public void allowAnotherRequest(long open) {
        if (open >= maxOpenRequests) {
            throw new Conflict("You have " + open + " open requests, the most your organisation allows");
        }
    }

    /** A mentee with {@code running} partnerships may get another mentor only below the limit. */
    public void allowAnotherMentor(long running) {
        if (running >= maxActiveMentors) {
            throw new Conflict("The mentee already has " + running + " mentors, the most allowed");
        }
    }

    private static void inRange(String field, int value) {
        if (value < LOWEST || value > HIGHEST) {
            throw new RuleViolation(field, "must be between " + LOWEST + " and " + HIGHEST);
        }
    }
}
