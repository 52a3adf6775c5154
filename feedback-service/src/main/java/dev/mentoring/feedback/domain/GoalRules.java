package dev.mentoring.feedback.domain;

/** A check-in on a goal: 100 % or marked achieved makes the goal achieved, and an achieved goal never loses progress. */
public final class GoalRules {

    /** Full progress. */
    public static final int DONE = 100;

    private GoalRules() {
    }

    /** Whether a check-in achieves its goal: marked so, or at 100 %. */
    public static boolean achieves(Boolean markedAchieved, int progressPercent) {
        return Boolean.TRUE.equals(markedAchieved) || progressPercent == DONE;
    }

    /** The goal's progress after a check-in: as reported, but never below what it had when the check-in achieves it. */
    public static int progressAfter(int currentPercent, int reportedPercent, boolean achieves) {
        return achieves ? Math.max(reportedPercent, currentPercent) : reportedPercent;
    }
}
