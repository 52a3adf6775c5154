package dev.mentoring.feedback.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluations of a partnership: planned at its start (a check-in after three months, then a formal one every six or
 * twelve months for two years, and the next one each time the last planned one opens), each open for 14 days from
 * its date; answered once by each of the two while open or overdue, with progress on each goal of the agreement in
 * force; completed when both have answered.
 */
public final class EvaluationRules {

    /** How many days an evaluation is open from its date. */
    public static final int OPEN_DAYS = 14;
    /** An evaluation's states (as evaluation.* events carry them): planned, open for answers, answered by both, missed, dropped. */
    public static final String PLANNED = "PLANNED";
    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";
    public static final String OVERDUE = "OVERDUE";
    public static final String CANCELLED = "CANCELLED";
    /** The kind of the evaluation that closes a partnership. */
    public static final String CLOSING = "CLOSING";
    /** The first evaluation, a check-in, comes this many months after the start. */
    public static final int CHECK_IN_MONTHS = 3;
    /** Formal evaluations are planned ahead for this many months from the start. */
    public static final int PLANNED_AHEAD_MONTHS = 24;
    /** Answers that complete an evaluation: the mentee's and the mentor's. */
    public static final int ANSWERS_TO_COMPLETE = 2;

    /** An evaluation to plan: its kind ({@code CHECK_IN}, {@code FORMAL}) and the day it opens. */
    public record Planned(String kind, LocalDate opensOn) {
    }

    private EvaluationRules() {
    }

    /** The evaluations of a partnership that starts on {@code start}, with formal ones every {@code intervalMonths}. */
    public static List<Planned> planFrom(LocalDate start, int intervalMonths) {
        List<Planned> planned = new ArrayList<>();
        planned.add(new Planned("CHECK_IN", start.plusMonths(CHECK_IN_MONTHS)));
        for (int months = intervalMonths; months <= PLANNED_AHEAD_MONTHS; months += intervalMonths) {
            planned.add(new Planned("FORMAL", start.plusMonths(months)));
        }
        return planned;
    }

    /** The formal evaluation after the latest one, an interval later: evaluations go on as long as the partnership. */
    public static Planned nextAfter(LocalDate latestOpensOn, int intervalMonths) {
        return new Planned("FORMAL", latestOpensOn.plusMonths(intervalMonths));
    }

    /** The day an evaluation opening on {@code opensOn} closes. */
    public static LocalDate closesOn(LocalDate opensOn) {
        return opensOn.plusDays(OPEN_DAYS);
    }

    /** Only open or overdue evaluations are answered. */
    public static void checkAnswerable(String state) {
        if (!OPEN.equals(state) && !OVERDUE.equals(state)) {
            throw new Conflict("The evaluation is " + state + "; only open or overdue ones are answered");
        }
    }

    /** Each person answers an evaluation once. */
    public static void checkFirstAnswer(boolean answeredBefore) {
        if (answeredBefore) {
            throw new Conflict("You have answered this evaluation already");
        }
    }

    /**
     * An answer gives progress on each goal of the agreement in force, once each: {@code answered} are the goal ids of
     * the answer in its order; a goal not in force, one answered twice or one missing is refused, naming the entry.
     */
    public static void checkProgressOnEachGoal(Collection<UUID> goalsInForce, List<UUID> answered) {
        Set<UUID> known = Set.copyOf(goalsInForce);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < answered.size(); i++) {
            if (!known.contains(answered.get(i))) {
                throw new RuleViolation("goals[" + i + "].goalId", "is not a goal of the agreement in force");
            }
            if (!seen.add(answered.get(i))) {
                throw new RuleViolation("goals[" + i + "].goalId", "is answered twice");
            }
        }
        if (!seen.equals(known)) {
            throw new RuleViolation("goals", "needs one entry for each of the agreement's " + known.size() + " goals; missing: "
                    + goalsInForce.stream().filter(g -> !seen.contains(g)).toList());
        }
    }

    /** Whether an evaluation with this many answers is complete. */
    public static boolean completedBy(long answers) {
        return answers >= ANSWERS_TO_COMPLETE;
    }
}
