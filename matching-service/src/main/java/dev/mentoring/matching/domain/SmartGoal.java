package dev.mentoring.matching.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A goal of the agreement, SMART: a specific statement, a measure with a target, why it matters
 * (relevant, achievable by agreement of both), and a due date (time-bound) in the future.
 */
public record SmartGoal(String statement, String measure, String target, String why, LocalDate dueDate) {

    /** The first SMART element missing or wrong, as (field, message), when this goal is not SMART on {@code today}. */
    public Optional<String[]> problem(LocalDate today) {
        if (blank(statement) || statement.strip().length() < 5) {
            return Optional.of(new String[] { "statement", "a SMART goal needs a specific statement of at least 5 characters (Specific)" });
        }
        if (blank(measure)) {
            return Optional.of(new String[] { "measure", "a SMART goal needs a measure (Measurable)" });
        }
        if (blank(target)) {
            return Optional.of(new String[] { "target", "a SMART goal needs a target for its measure (Measurable)" });
        }
        if (blank(why)) {
            return Optional.of(new String[] { "why", "a SMART goal says why it matters (Relevant)" });
        }
        if (dueDate == null) {
            return Optional.of(new String[] { "dueDate", "a SMART goal needs a due date (Time-bound)" });
        }
        if (!dueDate.isAfter(today)) {
            return Optional.of(new String[] { "dueDate", "is not in the future (Time-bound)" });
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
