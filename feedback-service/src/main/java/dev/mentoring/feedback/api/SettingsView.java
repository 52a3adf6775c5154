package dev.mentoring.feedback.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.feedback.domain.FeedbackSettings;
import dev.mentoring.feedback.domain.HealthRules;

/**
 * A tenant's feedback settings as the API takes and shows them: the evaluation interval and the health thresholds
 * (named {@code View} in the API document, as it always was).
 */
@Schema(name = "View")
public record SettingsView(int evaluationIntervalMonths, HealthRules.Thresholds thresholds) {

    static SettingsView of(FeedbackSettings settings) {
        return new SettingsView(settings.evaluationIntervalMonths(), settings.thresholds());
    }

    FeedbackSettings settings() {
        return new FeedbackSettings(evaluationIntervalMonths, thresholds);
    }
}
