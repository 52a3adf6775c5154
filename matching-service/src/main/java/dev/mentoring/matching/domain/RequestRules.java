package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import java.util.UUID;

/**
 * The rules of asking a mentor and of answering: whom a mentee may ask, when a mentor has a place left, and
 * that only an open request is answered or withdrawn.
 */
public final class RequestRules {

    private RequestRules() {
    }

    /** A mentee never asks themselves. */
    public static void notYourself(UUID menteeId, UUID mentorId) {
        if (menteeId.equals(mentorId)) {
            throw new RuleViolation("mentorId", "is you");
        }
    }

    /** A mentor who is inactive or not accepting takes nobody new. */
    public static void takesNewMentees(boolean active, boolean accepting) {
        if (!active || !accepting) {
            throw new Conflict("This mentor does not take new mentees at the moment");
        }
    }

    /** A mentee asks the same mentor once at a time: {@code openToThisMentor} requests already wait. */
    public static void notAskedAlready(long openToThisMentor) {
        if (openToThisMentor > 0) {
            throw new Conflict("You already asked this mentor");
        }
    }

    /** A mentee does not ask a mentor they already have a running partnership with. */
    public static void notPartnersAlready(long runningWithThisMentor) {
        if (runningWithThisMentor > 0) {
            throw new Conflict("You already have a partnership with this mentor");
        }
    }

    /** A mentor takes at most {@code capacity} mentees at once; {@code running} partnerships already run. */
    public static void mentorHasPlace(long running, int capacity) {
        if (running >= capacity) {
            throw new Conflict("The mentor has no place left (" + capacity + " mentees)");
        }
    }

    /** Only an open request is accepted, declined or withdrawn. */
    public static void stillOpen(RequestState state) {
        if (!state.isOpen()) {
            throw new Conflict("This request is " + state.name().toLowerCase() + " already");
        }
    }
}
