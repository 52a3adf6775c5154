package dev.mentoring.feedback.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.feedback.application.Analytics;
import dev.mentoring.feedback.domain.Figure;

/** A tenant's program analytics as the API shows them; a suppressed figure shows neither its value nor its people. */
@Schema(name = "Report")
public record AnalyticsView(String tenant, LocalDate from, LocalDate to, int minimumPeople, FigureView activePartnerships,
        FigureView attendanceRatePercent, FigureView averageOverall, FigureView averagePreparation, FigureView averageCommunication,
        FigureView netPromoterScore, FigureView goalAchievementRatePercent, Map<String, FigureView> partnershipsByHealth,
        List<MonthView> trend) {

    /** A figure, or suppressed. */
    @Schema(name = "Figure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FigureView(Double value, Boolean suppressed) {

        static FigureView of(Figure figure) {
            return new FigureView(figure.value(), figure.suppressed());
        }
    }

    /** One month of the trend. */
    @Schema(name = "Month")
    public record MonthView(String month, FigureView sessionsHeld, FigureView averageOverallRating) {
    }

    static AnalyticsView of(Analytics.Report r) {
        Map<String, FigureView> byHealth = new LinkedHashMap<>();
        r.partnershipsByHealth().forEach((state, figure) -> byHealth.put(state, FigureView.of(figure)));
        return new AnalyticsView(r.tenant(), r.from(), r.to(), r.minimumPeople(), FigureView.of(r.activePartnerships()),
                FigureView.of(r.attendanceRatePercent()), FigureView.of(r.averageOverall()), FigureView.of(r.averagePreparation()),
                FigureView.of(r.averageCommunication()), FigureView.of(r.netPromoterScore()), FigureView.of(r.goalAchievementRatePercent()),
                byHealth, r.trend().stream().map(m -> new MonthView(m.month(), FigureView.of(m.sessionsHeld()),
                        FigureView.of(m.averageOverallRating()))).toList());
    }
}
