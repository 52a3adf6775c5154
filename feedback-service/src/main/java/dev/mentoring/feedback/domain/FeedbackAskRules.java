package dev.mentoring.feedback.domain;

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.plumbing.rules.Conflict;

/**
 * Asking for feedback: either person of an active partnership asks the other, on a session that took place and is
 * still within its feedback window, or on the partnership so far; one open ask per subject; not on a session the other
 * already gave feedback on. An ask open for longer than {@link #UNANSWERED_AFTER} counts in the lack-of-feedback pitfall
 * while it can still be answered; one on a session lapses when the session's feedback window closes.
 */
public final class FeedbackAskRules {

    /** An ask still open this long after it was made counts as unanswered in the partnership's health. */
    public static final Duration UNANSWERED_AFTER = Duration.ofDays(7);

    private FeedbackAskRules() {
    }

    public static void checkPartnershipActive(String partnershipState) {
        if (!PartnershipEvents.ACTIVE.equals(partnershipState)) {
            throw new Conflict("Feedback is asked for in an active partnership; this one is " + partnershipState);
        }
    }

    /** On a session: it took place, its window is open, and the other has not given feedback on it yet. */
    public static void checkSessionAskable(String sessionState, OffsetDateTime sessionEndsAt, boolean otherGaveFeedback, OffsetDateTime now) {
        FeedbackRules.checkWithinWindow(sessionState, sessionEndsAt, now);
        if (otherGaveFeedback) {
            throw new Conflict("The other person gave feedback on this session already");
        }
    }

    /** OPEN, ANSWERED, or LAPSED once an unanswered ask's session window closed. */
    public static String state(boolean answered, OffsetDateTime expiresAt, OffsetDateTime now) {
        return answered ? "ANSWERED" : expiresAt != null && !now.isBefore(expiresAt) ? "LAPSED" : "OPEN";
    }

    public static void checkNotAskedYet(boolean openAskExists) {
        if (openAskExists) {
            throw new Conflict("You asked for this feedback already; the ask is still open");
        }
    }
}
