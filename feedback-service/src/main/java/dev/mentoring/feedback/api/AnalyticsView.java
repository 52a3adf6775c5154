package dev.mentoring.feedback.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.feedback.application.Analytics;
import dev.mentoring.feedback.domain.Figure;

/** A tenant's program analytics as the API shows them; a suppressed figure shows neither its value nor its people. */
@Schema(name = "Report")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyticsView(String tenant,
        @Schema(description = "The program the figures are of; absent: the whole tenant") UUID programId,
        LocalDate from, LocalDate to, int minimumPeople, FigureView activePartnerships,
        FigureView attendanceRatePercent, FigureView averageOverall, FigureView averagePreparation, FigureView averageCommunication,
        FigureView netPromoterScore, FigureView goalAchievementRatePercent,
        @Schema(description = "Goals achieved so far (the celebrations), not only in the months asked for") FigureView goalsAchieved,
        Map<String, FigureView> partnershipsByHealth,
        List<MonthView> trend,
        @Schema(description = "The mentees' journey so far (not only the months asked for), in distinct mentees") FunnelView funnel) {

    /** The funnel: each step in distinct mentees, or suppressed. */
    @Schema(name = "Funnel", description = "Distinct mentees at each step of the journey: enrolled in the program (absent for the "
            + "general program, which everyone with a mentee role is in without enrolling; for the tenant: enrolled in any program), "
            + "asked a mentor, matched (a partnership started), an agreement in force, a first session held, an evaluation "
            + "completed, the partnership completed. Each step from fewer than minimumPeople mentees is suppressed.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunnelView(FigureView enrolled, FigureView requested, FigureView matched, FigureView agreementSigned,
            FigureView firstSession, FigureView evaluated, FigureView completed) {

        static FunnelView of(Analytics.Funnel f) {
            return new FunnelView(f.enrolled() == null ? null : FigureView.of(f.enrolled()), FigureView.of(f.requested()),
                    FigureView.of(f.matched()), FigureView.of(f.agreementSigned()), FigureView.of(f.firstSession()),
                    FigureView.of(f.evaluated()), FigureView.of(f.completed()));
        }
    }

    /** Every program's funnel beside the tenant's. */
    @Schema(name = "ProgramFunnels", description = "Each program's funnel and the tenant's; a step hidden in one program hides a "
            + "companion (the smallest shown, or the tenant's) so that no hidden figure follows from the tenant's and the others")
    public record ByProgramView(String tenant, int minimumPeople, FunnelView tenantFunnel, List<ProgramFunnelView> programs) {

        static ByProgramView of(Analytics.ByProgram b) {
            return new ByProgramView(b.tenant(), b.minimumPeople(), FunnelView.of(b.tenantFunnel()), b.programs().stream()
                    .map(p -> new ProgramFunnelView(p.programId(), p.general(), p.state(), FunnelView.of(p.funnel()))).toList());
        }
    }

    /** One program's funnel. */
    @Schema(name = "ProgramFunnel")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgramFunnelView(
            @Schema(description = "Absent for partnerships copied before their program was known here (they count for the tenant)")
            UUID programId, boolean general,
            @Schema(description = "DRAFT, ENROLLING, RUNNING or CLOSED; absent while feedback-service has not heard of the program yet")
            String state, FunnelView funnel) {
    }

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
        return new AnalyticsView(r.tenant(), r.programId(), r.from(), r.to(), r.minimumPeople(), FigureView.of(r.activePartnerships()),
                FigureView.of(r.attendanceRatePercent()), FigureView.of(r.averageOverall()), FigureView.of(r.averagePreparation()),
                FigureView.of(r.averageCommunication()), FigureView.of(r.netPromoterScore()), FigureView.of(r.goalAchievementRatePercent()),
                FigureView.of(r.goalsAchieved()),
                byHealth, r.trend().stream().map(m -> new MonthView(m.month(), FigureView.of(m.sessionsHeld()),
                        FigureView.of(m.averageOverallRating()))).toList(), FunnelView.of(r.funnel()));
    }
}
