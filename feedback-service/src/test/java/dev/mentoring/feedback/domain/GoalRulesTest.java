package dev.mentoring.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a check-in achieves its goal, and the progress it leaves. */
class GoalRulesTest {

    @Test
    void aHundredPercentOrMarkedAchievedAchievesTheGoal() {
        assertThat(GoalRules.achieves(null, 100)).isTrue();
        assertThat(GoalRules.achieves(true, 40)).isTrue();
        assertThat(GoalRules.achieves(false, 99)).isFalse();
        assertThat(GoalRules.achieves(null, 0)).isFalse();
    }

    @Test
    void progressIsAsReportedButAnAchievingCheckInNeverLowersIt() {
        assertThat(GoalRules.progressAfter(60, 30, false)).isEqualTo(30);
        assertThat(GoalRules.progressAfter(60, 30, true)).isEqualTo(60);
        assertThat(GoalRules.progressAfter(60, 100, true)).isEqualTo(100);
    }
}
