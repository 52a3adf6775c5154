package dev.mentoring.feedback.domain;

import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.plumbing.rules.Conflict;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Feedback on a session: given on a session that took place, within 14 days of its end, once by each of its two
 * people, and editable for 24 hours.
 */
public final class FeedbackRules {

    /** How long after a session its feedback is taken. */
    public static final Duration WINDOW = Duration.ofDays(14);
    /** How long feedback can be edited after it was given. */
    public static final Duration EDITABLE = Duration.ofHours(24);
    /** The session state in which feedback is given. */
    public static final String HELD = SessionEvents.COMPLETED_STATE;

    private FeedbackRules() {
    }

    /** Feedback is given on a session that took place, at most {@link #WINDOW} after it ended, and once per person. */
    public static void checkCanGive(String sessionState, OffsetDateTime sessionEndsAt, boolean givenBefore, OffsetDateTime now) {
        checkWithinWindow(sessionState, sessionEndsAt, now);
        if (givenBefore) {
            throw new Conflict("You gave feedback on this session already; edit it instead");
        }
    }

    /** When the feedback window of a session that ended then closes. */
    public static OffsetDateTime windowEnd(OffsetDateTime sessionEndsAt) {
        return sessionEndsAt.plus(WINDOW);
    }

    /** The session took place and its feedback window (14 days from its end) is open. */
    public static void checkWithinWindow(String sessionState, OffsetDateTime sessionEndsAt, OffsetDateTime now) {
        if (!HELD.equals(sessionState)) {
            throw new Conflict("Feedback is given on sessions that took place; this one is " + sessionState);
        }
        if (now.isAfter(sessionEndsAt.plus(WINDOW))) {
            throw new Conflict("The feedback window closed 14 days after the session");
        }
    }

    /** Feedback is edited at most {@link #EDITABLE} after it was given. */
    public static void checkCanEdit(OffsetDateTime givenAt, OffsetDateTime now) {
        if (now.isAfter(givenAt.plus(EDITABLE))) {
            throw new Conflict("Feedback can be edited for 24 hours after it was given");
        }
    }
}
