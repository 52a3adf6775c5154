package dev.mentoring.feedback.domain;

import dev.mentoring.plumbing.rules.MissingValue;
import dev.mentoring.plumbing.rules.RuleViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a tenant may set: formal evaluations every 6 or 12 months, and each health threshold within its range, named
 * as the field is in the API. The upper bounds keep dates computable; fewer sessions without feedback than recent
 * sessions looked at, and "needs attention" below "healthy".
 */
public final class SettingsRules {

    private SettingsRules() {
    }

    /**
     * Refuses settings a tenant may not have: {@link RuleViolation} naming the interval, or every threshold out of
     * range at once; {@link MissingValue} when the thresholds are missing.
     */
    public static void check(FeedbackSettings settings) {
        if (settings.evaluationIntervalMonths() != 6 && settings.evaluationIntervalMonths() != 12) {
            throw new RuleViolation("evaluationIntervalMonths", "must be 6 or 12");
        }
        HealthRules.Thresholds t = settings.thresholds();
        if (t == null) {
            throw new MissingValue("thresholds", "are required");
        }
        List<RuleViolation.Fault> faults = new ArrayList<>();
        range(faults, "noAgreementDays", t.noAgreementDays(), 1, 365);
        range(faults, "cadenceFactor", t.cadenceFactor(), 1, 5);
        range(faults, "lateCancellations", t.lateCancellations(), 1, 50);
        range(faults, "lookbackDays", t.lookbackDays(), 7, 730);
        range(faults, "lowCommunication", t.lowCommunication(), 1, 5);
        range(faults, "recentSessions", t.recentSessions(), 1, 50);
        range(faults, "sessionsWithoutFeedback", t.sessionsWithoutFeedback(), 1, Math.max(1, t.recentSessions()));
        range(faults, "lowProgressPercent", t.lowProgressPercent(), 0, 100);
        range(faults, "lowRelationshipQuality", t.lowRelationshipQuality(), 1, 5);
        range(faults, "healthyFrom", t.healthyFrom(), 1, 100);
        range(faults, "needsAttentionFrom", t.needsAttentionFrom(), 0, Math.max(0, t.healthyFrom() - 1));
        if (!faults.isEmpty()) {
            throw new RuleViolation(faults);
        }
    }

    private static void range(List<RuleViolation.Fault> faults, String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            faults.add(new RuleViolation.Fault("thresholds." + field, "must be between " + format(min) + " and " + format(max)));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
