package dev.mentoring.feedback.domain;

import dev.mentoring.plumbing.rules.MissingValue;
import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.domain.HealthRules.Thresholds;

/** Every threshold at the edges of its range, each field named, and the interval and the missing thresholds. */
class SettingsRulesTest {

    private static final Thresholds D = Thresholds.DEFAULTS;

    private static FeedbackSettings with(Thresholds t) {
        return new FeedbackSettings(6, t);
    }

    private static List<RuleViolation.Fault> faults(Thresholds t) {
        try {
            SettingsRules.check(with(t));
            return List.of();
        } catch (RuleViolation e) {
            return e.faults();
        }
    }

    private static List<String> fields(Thresholds t) {
        return faults(t).stream().map(RuleViolation.Fault::field).toList();
    }

    @Test
    void theDefaultsAndBothIntervalsAreAllowed() {
        assertThatCode(() -> SettingsRules.check(FeedbackSettings.DEFAULTS)).doesNotThrowAnyException();
        assertThatCode(() -> SettingsRules.check(new FeedbackSettings(12, D))).doesNotThrowAnyException();
    }

    @Test
    void anIntervalOtherThanSixOrTwelveMonthsIsRefusedFirst() {
        assertThatThrownBy(() -> SettingsRules.check(new FeedbackSettings(9, null))).isInstanceOf(RuleViolation.class)
                .hasMessage("evaluationIntervalMonths: must be 6 or 12")
                .asInstanceOf(type(RuleViolation.class)).extracting(RuleViolation::faults)
                .isEqualTo(List.of(new RuleViolation.Fault("evaluationIntervalMonths", "must be 6 or 12")));
    }

    @Test
    void thresholdsAreRequired() {
        assertThatThrownBy(() -> SettingsRules.check(new FeedbackSettings(6, null))).isInstanceOf(MissingValue.class)
                .hasMessage("thresholds: are required");
    }

    @Test
    void eachThresholdIsCheckedAtBothEdgesOfItsRange() {
        assertThat(fields(new Thresholds(1, 1, 1, 7, 1, 1, 1, 0, 1, 1, 0))).isEmpty();
        assertThat(fields(new Thresholds(365, 5, 50, 730, 5, 50, 50, 100, 5, 100, 99))).isEmpty();
        assertThat(fields(new Thresholds(0, 0.99, 0, 6, 0.5, 0, 0, -1, 0, 0, -1))).containsExactly("thresholds.noAgreementDays",
                "thresholds.cadenceFactor", "thresholds.lateCancellations", "thresholds.lookbackDays", "thresholds.lowCommunication",
                "thresholds.recentSessions", "thresholds.sessionsWithoutFeedback", "thresholds.lowProgressPercent",
                "thresholds.lowRelationshipQuality", "thresholds.healthyFrom", "thresholds.needsAttentionFrom");
        assertThat(fields(new Thresholds(366, 5.01, 51, 731, 5.5, 51, 52, 101, 6, 101, 101))).containsExactly("thresholds.noAgreementDays",
                "thresholds.cadenceFactor", "thresholds.lateCancellations", "thresholds.lookbackDays", "thresholds.lowCommunication",
                "thresholds.recentSessions", "thresholds.sessionsWithoutFeedback", "thresholds.lowProgressPercent",
                "thresholds.lowRelationshipQuality", "thresholds.healthyFrom", "thresholds.needsAttentionFrom");
    }

    @Test
    void sessionsWithoutFeedbackAreAtMostTheRecentOnesAndNeedsAttentionIsBelowHealthy() {
        assertThat(fields(new Thresholds(14, 1.5, 2, 90, 3.0, 3, 4, 50, 2, 70, 40))).containsExactly("thresholds.sessionsWithoutFeedback");
        assertThat(fields(new Thresholds(14, 1.5, 2, 90, 3.0, 3, 3, 50, 2, 70, 69))).isEmpty();
        assertThat(faults(new Thresholds(14, 1.5, 2, 90, 3.0, 3, 2, 50, 2, 50, 60)))
                .containsExactly(new RuleViolation.Fault("thresholds.needsAttentionFrom", "must be between 0 and 49"));
    }

    @Test
    void theMessageNamesEveryFieldWithItsRange() {
        assertThatThrownBy(() -> SettingsRules.check(with(new Thresholds(14, 0.5, 0, 90, 3.0, 3, 2, 50, 2, 70, 40))))
                .hasMessage("thresholds.cadenceFactor: must be between 1 and 5; thresholds.lateCancellations: must be between 1 and 50");
    }
}
