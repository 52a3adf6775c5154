package dev.mentoring.feedback.domain;

/**
 * A tenant's feedback settings: how often formal evaluations come (6 or 12 months) and the health thresholds;
 * {@link #DEFAULTS} where a tenant set nothing.
 */
public record FeedbackSettings(int evaluationIntervalMonths, HealthRules.Thresholds thresholds) {

    public static final FeedbackSettings DEFAULTS = new FeedbackSettings(6, HealthRules.Thresholds.DEFAULTS);
}
