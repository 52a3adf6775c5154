package dev.mentoring.sessions.domain;

import dev.mentoring.plumbing.rules.RuleViolation;
import java.time.LocalDate;

/** The rules of action items: how far ahead one may be due, and when it is overdue. */
public final class ActionItemRules {

    /** An action item is due at most this far ahead. */
    public static final int MAX_YEARS_AHEAD = 2;

    private ActionItemRules() {
    }

    /** An action item is due within two years. */
    public static void checkDueDate(LocalDate dueDate, LocalDate today) {
        if (dueDate.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new RuleViolation("dueDate", "is more than two years away");
        }
    }

    /** An open item whose due date has passed is overdue. */
    public static boolean overdue(SessionEnums.ActionState state, LocalDate dueDate, LocalDate today) {
        return state == SessionEnums.ActionState.OPEN && dueDate.isBefore(today);
    }
}
