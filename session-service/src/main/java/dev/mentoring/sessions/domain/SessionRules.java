package dev.mentoring.sessions.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import java.time.Duration;
import java.time.OffsetDateTime;

/** The rules of a session's life: when it may be planned, moved, cancelled or marked done, and its agenda. */
public final class SessionRules {

    /** Sessions are planned at most this far ahead. */
    public static final int MAX_YEARS_AHEAD = 2;
    /** The most items one session's agenda holds. */
    public static final int MAX_AGENDA_ITEMS = 50;

    private SessionRules() {
    }

    /** A session starts at most the past window ago (to record one afterwards) and at most two years ahead. */
    public static void checkStart(OffsetDateTime start, OffsetDateTime now, Duration pastWindow) {
        if (start.isBefore(now.minus(pastWindow))) {
            throw new RuleViolation("start", "is more than " + pastWindow.toDays()
                    + " days ago; only recent sessions can be recorded afterwards");
        }
        if (start.isAfter(now.plusYears(MAX_YEARS_AHEAD))) {
            throw new RuleViolation("start", "is more than " + MAX_YEARS_AHEAD + " years ahead");
        }
    }

    /** Sessions are scheduled in an active partnership (one with both its people) only. */
    public static void checkSchedulable(String partnershipState, boolean active) {
        if (!active) {
            throw new Conflict("The partnership is " + partnershipState + ": sessions are scheduled in active partnerships");
        }
    }

    /** Only a scheduled session moves. */
    public static void checkMovable(SessionEnums.State state) {
        if (state != SessionEnums.State.SCHEDULED) {
            throw new Conflict("The session is " + state + "; only scheduled sessions move");
        }
    }

    /** Only a scheduled session is cancelled. */
    public static void checkCancellable(SessionEnums.State state) {
        if (state != SessionEnums.State.SCHEDULED) {
            throw new Conflict("The session is " + state + "; only scheduled sessions are cancelled");
        }
    }

    /** People give their own reasons; a pause or end of the partnership is the platform's to record. */
    public static void checkCancelReason(SessionEnums.CancelReason reason) {
        if (reason == SessionEnums.CancelReason.PARTNERSHIP_PAUSED || reason == SessionEnums.CancelReason.PARTNERSHIP_ENDED) {
            throw new RuleViolation("reasonCategory", "is set by the platform when a partnership pauses or ends");
        }
    }

    /** "This and following" is for occurrences of a series. */
    public static void checkScope(SessionEnums.Scope scope, boolean inSeries) {
        if (scope == SessionEnums.Scope.THIS_AND_FOLLOWING && !inSeries) {
            throw new RuleViolation("scope", "THIS_AND_FOLLOWING is for sessions of a series");
        }
    }

    /** A session is marked done once, after it has started. */
    public static void checkCompletable(SessionEnums.State state, OffsetDateTime startsAt, OffsetDateTime now) {
        if (state != SessionEnums.State.SCHEDULED) {
            throw new Conflict("The session is " + state + " already");
        }
        if (startsAt.isAfter(now)) {
            throw new Conflict("A session is marked done once it has started (it starts " + startsAt + ")");
        }
    }

    /** A cancellation closer to the start than the late-cancellation time is late. */
    public static boolean cancelledLate(OffsetDateTime startsAt, OffsetDateTime now, Duration lateCancellation) {
        return Duration.between(now, startsAt).compareTo(lateCancellation) < 0;
    }

    /** The agenda is open until the session ends, while it is scheduled. */
    public static void checkAgendaOpen(SessionEnums.State state, OffsetDateTime endsAt, OffsetDateTime now) {
        if (state != SessionEnums.State.SCHEDULED || endsAt.isBefore(now)) {
            throw new Conflict("The agenda is closed: the session is " + state
                    + (state == SessionEnums.State.SCHEDULED ? " and over" : ""));
        }
    }

    /** An agenda holds at most {@link #MAX_AGENDA_ITEMS} items. */
    public static void checkAgendaRoom(long items) {
        if (items >= MAX_AGENDA_ITEMS) {
            throw new RuleViolation("text", "a session's agenda has at most " + MAX_AGENDA_ITEMS + " items");
        }
    }
}
