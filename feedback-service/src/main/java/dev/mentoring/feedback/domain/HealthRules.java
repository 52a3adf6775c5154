package dev.mentoring.feedback.domain;

import dev.mentoring.contracts.AgreementEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A partnership's health: a score from 0 to 100, a state, and the pitfalls found, each with its evidence
 * and a suggested next step. Plain rules over a snapshot of the partnership; the thresholds have
 * documented defaults ({@link Thresholds#DEFAULTS}) and a tenant may set its own.
 */
public final class HealthRules {

    public enum State { HEALTHY, NEEDS_ATTENTION, AT_RISK }

    /** What can go wrong; the last two are found in concerns raised with the program admins in confidence. */
    public enum Pitfall {
        NO_CLEAR_GOALS, LACK_OF_COMMITMENT, POOR_COMMUNICATION, LACK_OF_FEEDBACK, UNREALISTIC_EXPECTATIONS, MISMATCH,
        PERSONALITY_CLASH, BREACH_OF_CONFIDENTIALITY;

        /** Found in a concern raised in confidence: shown to the program admins only, never to the partnership's two people. */
        public boolean confidential() {
            return this == PERSONALITY_CLASH || this == BREACH_OF_CONFIDENTIALITY;
        }
    }

    /** One pitfall found: what, how much it costs the score, the evidence and what to do. */
    public record Finding(Pitfall pitfall, int weight, List<String> evidence, String suggestion) {
    }

    public record Result(int score, State state, List<Finding> pitfalls) {

        /** The health as the partnership's two people see it: without the confidential pitfalls, scored again. */
        public Result shared(Thresholds t) {
            return scored(pitfalls.stream().filter(f -> !f.pitfall().confidential()).toList(), t);
        }
    }

    /**
     * The thresholds. Defaults: no agreement in force 14 days after the start; no completed session within
     * 1.5 x the agreed cadence; 2 late cancellations or no-shows in 90 days; average communication rating
     * below 3.0 over the last 3 sessions' feedback (at least 2 ratings); 2 of the last 3 completed sessions
     * without feedback, an overdue evaluation or an ask for feedback unanswered for 7 days; a goal past its due date below 50 % progress; relationship
     * quality 2 or lower from either side; an open concern of a personality clash or a breach of confidentiality. Score: 100 minus the pitfalls' weights; healthy from 70,
     * needs attention from 40, at risk below.
     */
    public record Thresholds(int noAgreementDays, double cadenceFactor, int lateCancellations, int lookbackDays,
            double lowCommunication, int recentSessions, int sessionsWithoutFeedback, int lowProgressPercent,
            int lowRelationshipQuality, int healthyFrom, int needsAttentionFrom) {

        public static final Thresholds DEFAULTS = new Thresholds(14, 1.5, 2, 90, 3.0, 3, 2, 50, 2, 70, 40);
    }

    /** A goal as the health rules see it. */
    public record Goal(LocalDate dueDate, int progressPercent, boolean achieved) {
    }

    /**
     * What the rules look at.
     *
     * @param cadenceDays                 the agreed cadence in days, null while no agreement is in force or the
     *                                    partnership is paused (nobody is expected to meet then)
     * @param lastCompletedSession        the end of the last session held, null if none
     * @param lateCancellationsOrNoShows  within the lookback
     * @param recentCommunicationRatings  from the feedback on the most recent completed sessions
     * @param recentSessionsWithoutFeedback of the most recent completed sessions, those nobody gave feedback on
     * @param lowestRelationshipQuality   the lowest in the latest evaluation answers, null if none
     * @param unansweredAsks              asks for feedback open for longer than {@link FeedbackAskRules#UNANSWERED_AFTER}
     * @param personalityClashConcerns    open concerns of a personality clash
     * @param confidentialityConcerns     open concerns of a breach of confidentiality
     */
    public record Snapshot(Instant now, Instant startedAt, boolean agreementInForce, int goalCount, Integer cadenceDays,
            Instant lastCompletedSession, int lateCancellationsOrNoShows, List<Integer> recentCommunicationRatings,
            int recentSessionsWithoutFeedback, int overdueEvaluations, List<Goal> goals, Integer lowestRelationshipQuality,
            int unansweredAsks, int personalityClashConcerns, int confidentialityConcerns) {

        /** A snapshot with no open concerns. */
        public Snapshot(Instant now, Instant startedAt, boolean agreementInForce, int goalCount, Integer cadenceDays,
                Instant lastCompletedSession, int lateCancellationsOrNoShows, List<Integer> recentCommunicationRatings,
                int recentSessionsWithoutFeedback, int overdueEvaluations, List<Goal> goals, Integer lowestRelationshipQuality,
                int unansweredAsks) {
            this(now, startedAt, agreementInForce, goalCount, cadenceDays, lastCompletedSession, lateCancellationsOrNoShows,
                    recentCommunicationRatings, recentSessionsWithoutFeedback, overdueEvaluations, goals, lowestRelationshipQuality,
                    unansweredAsks, 0, 0);
        }

        /** A snapshot with no unanswered asks for feedback and no open concerns. */
        public Snapshot(Instant now, Instant startedAt, boolean agreementInForce, int goalCount, Integer cadenceDays,
                Instant lastCompletedSession, int lateCancellationsOrNoShows, List<Integer> recentCommunicationRatings,
                int recentSessionsWithoutFeedback, int overdueEvaluations, List<Goal> goals, Integer lowestRelationshipQuality) {
            this(now, startedAt, agreementInForce, goalCount, cadenceDays, lastCompletedSession, lateCancellationsOrNoShows,
                    recentCommunicationRatings, recentSessionsWithoutFeedback, overdueEvaluations, goals, lowestRelationshipQuality, 0, 0, 0);
        }
    }

    private HealthRules() {
    }

    public static Result assess(Snapshot s, Thresholds t) {
        List<Finding> found = new ArrayList<>();
        long daysSinceStart = Duration.between(s.startedAt(), s.now()).toDays();

        if (!s.agreementInForce() && daysSinceStart >= t.noAgreementDays()) {
            found.add(new Finding(Pitfall.NO_CLEAR_GOALS, 25,
                    List.of("no agreement in force " + daysSinceStart + " days after the start"),
                    "Agree on two or three SMART goals and both sign the agreement."));
        } else if (s.agreementInForce() && s.goalCount() == 0) {
            found.add(new Finding(Pitfall.NO_CLEAR_GOALS, 25, List.of("the agreement in force has no goals"),
                    "Add SMART goals to the agreement."));
        }

        List<String> commitment = new ArrayList<>();
        int commitmentWeight = 0;
        if (s.cadenceDays() != null) {
            Instant since = s.lastCompletedSession() != null ? s.lastCompletedSession() : s.startedAt();
            long allowedMinutes = Math.round(s.cadenceDays() * t.cadenceFactor() * 24 * 60);
            long minutes = Duration.between(since, s.now()).toMinutes();
            if (minutes > allowedMinutes) {
                commitment.add((s.lastCompletedSession() == null ? "no session held in " : "no session held for ")
                        + Duration.ofMinutes(minutes).toDays() + " days; the agreed cadence is every " + s.cadenceDays() + " days");
                commitmentWeight += 25;
            }
        }
        if (s.lateCancellationsOrNoShows() >= t.lateCancellations()) {
            commitment.add(s.lateCancellationsOrNoShows() + " late cancellations or no-shows in " + t.lookbackDays() + " days");
            commitmentWeight += 20;
        }
        if (!commitment.isEmpty()) {
            found.add(new Finding(Pitfall.LACK_OF_COMMITMENT, Math.min(commitmentWeight, 35), commitment,
                    "Talk about what gets in the way and book the next sessions at a time that holds."));
        }

        List<Integer> ratings = s.recentCommunicationRatings();
        if (ratings.size() >= 2) {
            double average = ratings.stream().mapToInt(Integer::intValue).average().orElse(5);
            if (average < t.lowCommunication()) {
                found.add(new Finding(Pitfall.POOR_COMMUNICATION, 20,
                        List.of("communication rated %.1f on average over the last %d ratings".formatted(average, ratings.size())),
                        "Agree how and how often to talk between sessions, and check in on it next time."));
            }
        }

        List<String> feedback = new ArrayList<>();
        if (s.recentSessionsWithoutFeedback() >= t.sessionsWithoutFeedback()) {
            feedback.add(s.recentSessionsWithoutFeedback() + " of the recent sessions have no feedback");
        }
        if (s.overdueEvaluations() > 0) {
            feedback.add(s.overdueEvaluations() + " evaluation(s) overdue");
        }
        if (s.unansweredAsks() > 0) {
            feedback.add(s.unansweredAsks() + " ask(s) for feedback unanswered for more than "
                    + FeedbackAskRules.UNANSWERED_AFTER.toDays() + " days");
        }
        if (!feedback.isEmpty()) {
            found.add(new Finding(Pitfall.LACK_OF_FEEDBACK, 15, feedback,
                    "Give each other feedback after sessions and complete the open evaluation."));
        }

        LocalDate today = s.now().atOffset(ZoneOffset.UTC).toLocalDate();
        long lagging = s.goals().stream().filter(g -> !g.achieved() && g.dueDate() != null && g.dueDate().isBefore(today)
                && g.progressPercent() < t.lowProgressPercent()).count();
        if (lagging > 0) {
            found.add(new Finding(Pitfall.UNREALISTIC_EXPECTATIONS, 15,
                    List.of(lagging + " goal(s) past their due date below " + t.lowProgressPercent() + " % progress"),
                    "Revisit the goals: smaller steps or later dates, written into a new agreement version."));
        }

        if (s.lowestRelationshipQuality() != null && s.lowestRelationshipQuality() <= t.lowRelationshipQuality()) {
            found.add(new Finding(Pitfall.MISMATCH, 25,
                    List.of("relationship quality rated " + s.lowestRelationshipQuality() + " of 5 in the latest evaluation"),
                    "Talk openly about the fit; the program admin can help, and ending well is an option."));
        }

        if (s.personalityClashConcerns() > 0) {
            found.add(new Finding(Pitfall.PERSONALITY_CLASH, 25,
                    List.of(s.personalityClashConcerns() + " open concern(s) of a personality clash"),
                    "Talk to each of the two in private; a facilitated conversation, new ground rules or a new match may help."));
        }
        if (s.confidentialityConcerns() > 0) {
            found.add(new Finding(Pitfall.BREACH_OF_CONFIDENTIALITY, 35,
                    List.of(s.confidentialityConcerns() + " open concern(s) of a breach of confidentiality"),
                    "Talk to the person who raised it first, then to the other; restate the agreement's confidentiality or end the partnership."));
        }
        return scored(found, t);
    }

    /** The score and state of these findings: 100 minus their weights (never below 0), in the thresholds' bands. */
    public static Result scored(List<Finding> found, Thresholds t) {
        int score = Math.max(0, 100 - found.stream().mapToInt(Finding::weight).sum());
        State state = score >= t.healthyFrom() ? State.HEALTHY : score >= t.needsAttentionFrom() ? State.NEEDS_ATTENTION : State.AT_RISK;
        return new Result(score, state, List.copyOf(found));
    }

    /** Days between sessions for an agreed cadence name; null when unknown. */
    public static Integer cadenceDays(String cadence) {
        if (cadence == null) {
            return null;
        }
        return switch (cadence) {
            case AgreementEvents.WEEKLY -> 7;
            case AgreementEvents.EVERY_TWO_WEEKS -> 14;
            case AgreementEvents.MONTHLY -> 30;
            default -> null;
        };
    }
}
