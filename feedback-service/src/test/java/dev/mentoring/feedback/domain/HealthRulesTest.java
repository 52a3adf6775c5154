package dev.mentoring.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.domain.HealthRules.Goal;
import dev.mentoring.feedback.domain.HealthRules.Pitfall;
import dev.mentoring.feedback.domain.HealthRules.Snapshot;
import dev.mentoring.feedback.domain.HealthRules.State;
import dev.mentoring.feedback.domain.HealthRules.Thresholds;

/** Every pitfall at the edges of its threshold, and the score and state. */
class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Thresholds T = Thresholds.DEFAULTS;

    /** A healthy partnership, 60 days old, monthly, a session 10 days ago, good ratings. */
    private static Snapshot healthy() {
        return new Snapshot(NOW, NOW.minus(Duration.ofDays(60)), true, 2, 30, NOW.minus(Duration.ofDays(10)), 0,
                List.of(4, 5), 0, 0, List.of(new Goal(LocalDate.of(2027, 6, 1), 30, false)), 4);
    }

    private static List<Pitfall> pitfalls(Snapshot s) {
        return HealthRules.assess(s, T).pitfalls().stream().map(HealthRules.Finding::pitfall).toList();
    }

    @Test
    void aHealthyPartnershipScoresFullMarks() {
        HealthRules.Result result = HealthRules.assess(healthy(), T);
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.state()).isEqualTo(State.HEALTHY);
        assertThat(result.pitfalls()).isEmpty();
    }

    @Test
    void noClearGoalsFrom14DaysWithoutAnAgreementOrAnAgreementWithoutGoals() {
        Snapshot thirteenDays = new Snapshot(NOW, NOW.minus(Duration.ofDays(13)), false, 0, null, null, 0, List.of(), 0, 0, List.of(), null);
        Snapshot fourteenDays = new Snapshot(NOW, NOW.minus(Duration.ofDays(14)), false, 0, null, null, 0, List.of(), 0, 0, List.of(), null);
        assertThat(pitfalls(thirteenDays)).isEmpty();
        assertThat(pitfalls(fourteenDays)).containsExactly(Pitfall.NO_CLEAR_GOALS);
        Snapshot noGoals = new Snapshot(NOW, NOW.minus(Duration.ofDays(2)), true, 0, 30, null, 0, List.of(), 0, 0, List.of(), null);
        assertThat(pitfalls(noGoals)).containsExactly(Pitfall.NO_CLEAR_GOALS);
        assertThat(HealthRules.assess(fourteenDays, T).pitfalls().get(0).evidence().get(0)).contains("14 days");
    }

    @Test
    void lackOfCommitmentBeyondOneAndAHalfCadencesWithoutASession() {
        // monthly: 45 days allowed
        Snapshot at45 = withLastSession(NOW.minus(Duration.ofDays(45)));
        Snapshot past45 = withLastSession(NOW.minus(Duration.ofDays(45)).minusSeconds(60));
        assertThat(pitfalls(at45)).isEmpty();
        assertThat(pitfalls(past45)).containsExactly(Pitfall.LACK_OF_COMMITMENT);
        // never met: counted from the start
        Snapshot neverMet = new Snapshot(NOW, NOW.minus(Duration.ofDays(46)), true, 2, 30, null, 0, List.of(), 0, 0, List.of(), null);
        assertThat(pitfalls(neverMet)).containsExactly(Pitfall.LACK_OF_COMMITMENT);
        assertThat(HealthRules.assess(neverMet, T).pitfalls().get(0).evidence().get(0)).startsWith("no session held in 46 days");
    }

    private static Snapshot withLastSession(Instant last) {
        Snapshot h = healthy();
        return new Snapshot(h.now(), h.startedAt(), true, 2, 30, last, 0, h.recentCommunicationRatings(), 0, 0, h.goals(), 4);
    }

    @Test
    void lackOfCommitmentFromTwoLateCancellationsOrNoShows() {
        Snapshot h = healthy();
        Snapshot one = new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 1, h.recentCommunicationRatings(), 0, 0, h.goals(), 4);
        Snapshot two = new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 2, h.recentCommunicationRatings(), 0, 0, h.goals(), 4);
        assertThat(pitfalls(one)).isEmpty();
        assertThat(pitfalls(two)).containsExactly(Pitfall.LACK_OF_COMMITMENT);
        assertThat(HealthRules.assess(two, T).score()).isEqualTo(80);
    }

    @Test
    void poorCommunicationBelowThreeOnAverageWithAtLeastTwoRatings() {
        assertThat(pitfalls(withRatings(List.of(3, 3)))).isEmpty();
        assertThat(pitfalls(withRatings(List.of(3, 2)))).containsExactly(Pitfall.POOR_COMMUNICATION);
        assertThat(pitfalls(withRatings(List.of(1)))).isEmpty(); // one rating is no pattern
    }

    private static Snapshot withRatings(List<Integer> ratings) {
        Snapshot h = healthy();
        return new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, ratings, 0, 0, h.goals(), 4);
    }

    @Test
    void lackOfFeedbackFromTwoSessionsWithoutFeedbackOrAnOverdueEvaluation() {
        Snapshot h = healthy();
        assertThat(pitfalls(new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, List.of(), 1, 0, h.goals(), 4))).isEmpty();
        assertThat(pitfalls(new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, List.of(), 2, 0, h.goals(), 4)))
                .containsExactly(Pitfall.LACK_OF_FEEDBACK);
        assertThat(pitfalls(new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, List.of(), 0, 1, h.goals(), 4)))
                .containsExactly(Pitfall.LACK_OF_FEEDBACK);
        // an ask for feedback left unanswered for more than 7 days is evidence too
        HealthRules.Result asked = HealthRules.assess(new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, List.of(),
                0, 0, h.goals(), 4, 1), T);
        assertThat(asked.pitfalls()).singleElement().satisfies(f -> {
            assertThat(f.pitfall()).isEqualTo(Pitfall.LACK_OF_FEEDBACK);
            assertThat(f.evidence()).containsExactly("1 ask(s) for feedback unanswered for more than 7 days");
        });
    }

    @Test
    void unrealisticExpectationsForAGoalPastItsDueDateBelowHalfway() {
        LocalDate yesterday = NOW.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        LocalDate today = NOW.atOffset(ZoneOffset.UTC).toLocalDate();
        assertThat(pitfalls(withGoal(new Goal(yesterday, 50, false)))).isEmpty();
        assertThat(pitfalls(withGoal(new Goal(yesterday, 49, false)))).containsExactly(Pitfall.UNREALISTIC_EXPECTATIONS);
        assertThat(pitfalls(withGoal(new Goal(today, 0, false)))).isEmpty(); // due today is not past due
        assertThat(pitfalls(withGoal(new Goal(yesterday, 10, true)))).isEmpty(); // achieved all the same
    }

    private static Snapshot withGoal(Goal goal) {
        Snapshot h = healthy();
        return new Snapshot(NOW, h.startedAt(), true, 1, 30, h.lastCompletedSession(), 0, List.of(), 0, 0, List.of(goal), 4);
    }

    @Test
    void mismatchFromARelationshipQualityOfTwoOrLess() {
        Snapshot h = healthy();
        assertThat(pitfalls(new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, List.of(), 0, 0, h.goals(), 3))).isEmpty();
        assertThat(pitfalls(new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, List.of(), 0, 0, h.goals(), 2)))
                .containsExactly(Pitfall.MISMATCH);
    }

    @Test
    void theScoreSubtractsTheWeightsAndTheStateFollowsItsBands() {
        Snapshot h = healthy();
        // late cancellations (20) + poor communication (20): 60, needs attention
        Snapshot two = new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 2, List.of(1, 2), 0, 0, h.goals(), 4);
        assertThat(HealthRules.assess(two, T).score()).isEqualTo(60);
        assertThat(HealthRules.assess(two, T).state()).isEqualTo(State.NEEDS_ATTENTION);
        // + mismatch (25): 35, at risk
        Snapshot three = new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 2, List.of(1, 2), 0, 0, h.goals(), 1);
        assertThat(HealthRules.assess(three, T).score()).isEqualTo(35);
        assertThat(HealthRules.assess(three, T).state()).isEqualTo(State.AT_RISK);
        // the band edges: 70 is healthy, 40 needs attention
        Thresholds strict = new Thresholds(14, 1.5, 2, 90, 3.0, 3, 2, 50, 2, 81, 61);
        assertThat(HealthRules.assess(two, strict).state()).isEqualTo(State.AT_RISK);
        Thresholds edges = new Thresholds(14, 1.5, 2, 90, 3.0, 3, 2, 50, 2, 60, 35);
        assertThat(HealthRules.assess(two, edges).state()).isEqualTo(State.HEALTHY);
        assertThat(HealthRules.assess(three, edges).state()).isEqualTo(State.NEEDS_ATTENTION);
        // never below zero
        Snapshot everything = new Snapshot(NOW, NOW.minus(Duration.ofDays(400)), false, 0, null, null, 5, List.of(1, 1), 3, 2,
                List.of(new Goal(LocalDate.of(2026, 1, 1), 0, false)), 1);
        assertThat(HealthRules.assess(everything, T).score()).isZero();
        assertThat(pitfalls(everything)).containsExactly(Pitfall.NO_CLEAR_GOALS, Pitfall.LACK_OF_COMMITMENT,
                Pitfall.POOR_COMMUNICATION, Pitfall.LACK_OF_FEEDBACK, Pitfall.UNREALISTIC_EXPECTATIONS, Pitfall.MISMATCH);
    }

    @Test
    void concernsOfAClashOrABreachArePitfallsThePairNeverSees() {
        Snapshot h = healthy();
        // poor communication (20) + a personality clash (25) + a breach of confidentiality (35): 20 for the admins, at risk
        Snapshot raised = new Snapshot(NOW, h.startedAt(), true, 2, 30, h.lastCompletedSession(), 0, List.of(1, 2), 0, 0, h.goals(), 4,
                0, 1, 2);
        HealthRules.Result admins = HealthRules.assess(raised, T);
        assertThat(admins.pitfalls()).extracting(HealthRules.Finding::pitfall)
                .containsExactly(Pitfall.POOR_COMMUNICATION, Pitfall.PERSONALITY_CLASH, Pitfall.BREACH_OF_CONFIDENTIALITY);
        assertThat(admins.score()).isEqualTo(20);
        assertThat(admins.state()).isEqualTo(State.AT_RISK);
        assertThat(admins.pitfalls().get(2).evidence()).containsExactly("2 open concern(s) of a breach of confidentiality");
        // the two people: the communication alone, scored again
        HealthRules.Result shared = admins.shared(T);
        assertThat(shared.pitfalls()).extracting(HealthRules.Finding::pitfall).containsExactly(Pitfall.POOR_COMMUNICATION);
        assertThat(shared.score()).isEqualTo(80);
        assertThat(shared.state()).isEqualTo(State.HEALTHY);
        // no concern, nothing found, and the shared view is the same
        HealthRules.Result none = HealthRules.assess(healthy(), T);
        assertThat(none.shared(T)).isEqualTo(none);
        assertThat(Pitfall.MISMATCH.confidential()).isFalse();
    }
}
