package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.domain.Figure;
import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository.HealthStateCount;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository.MonthTotals;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository.Totals;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Program analytics for a tenant: active partnerships, sessions held per month, attendance rate, average
 * ratings, a net-promoter-style score, goal achievement rate, partnerships by health state and a trend by
 * month. Any figure drawn from fewer than {@link Figure#MIN_PEOPLE} people is withheld ({@link Figure}).
 */
@ApplicationScoped
public class Analytics {

    /** One month of the trend. */
    public record Month(String month, Figure sessionsHeld, Figure averageOverallRating) {
    }

    /** The tenant's figures from one day to another. */
    public record Report(String tenant, LocalDate from, LocalDate to, int minimumPeople, Figure activePartnerships,
            Figure attendanceRatePercent, Figure averageOverall, Figure averagePreparation, Figure averageCommunication,
            Figure netPromoterScore, Figure goalAchievementRatePercent, Map<String, Figure> partnershipsByHealth, List<Month> trend) {
    }

    private final Participants participants;
    private final ProgramAnalyticsRepository figures;
    private final Clock clock;

    Analytics(Participants participants, ProgramAnalyticsRepository figures, Clock clock) {
        this.participants = participants;
        this.figures = figures;
        this.clock = clock;
    }

    /** The caller's tenant's report over the last {@code months} months (12 when null, 1 to 36). */
    @WithSession
    public Uni<Report> report(Integer months) {
        int span = months == null ? 12 : months;
        if (span < 1 || span > 36) {
            throw ProblemException.badRequest("months", "must be between 1 and 36");
        }
        String tenant = participants.tenant();
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.withDayOfMonth(1).minusMonths(span - 1);
        OffsetDateTime since = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        return figures.totals(tenant, since).chain(totals -> figures.byHealthState(tenant).chain(health -> figures.byMonth(tenant, since)
                .map(trend -> report(tenant, from, to, totals, health, trend))));
    }

    private static double number(Double value) {
        return value == null ? 0 : value;
    }

    private static Report report(String tenant, LocalDate from, LocalDate to, Totals t, List<HealthStateCount> health,
            List<MonthTotals> trend) {
        long completed = t.sessionsHeld();
        long noShows = t.noShows();
        long answers = t.recommendations();
        long goals = t.goals();
        Map<String, Figure> byHealth = new LinkedHashMap<>();
        for (HealthRules.State state : HealthRules.State.values()) {
            // people counted once however many partnerships they have (a mentor with three mentees is one person)
            long partnerships = health.stream().filter(r -> state.name().equals(r.state())).mapToLong(HealthStateCount::partnerships).sum();
            long people = health.stream().filter(r -> state.name().equals(r.state())).mapToLong(HealthStateCount::people).sum();
            byHealth.put(state.name(), Figure.of(partnerships, people));
        }
        List<Month> months = new ArrayList<>();
        for (MonthTotals month : trend) {
            months.add(new Month(month.month(), Figure.of(month.sessionsHeld(), month.people()),
                    Figure.of(number(month.averageOverall()), month.raters())));
        }
        return new Report(tenant, from, to, Figure.MIN_PEOPLE,
                Figure.of(t.activePartnerships(), t.activePartnershipPeople()),
                Figure.of(completed + noShows == 0 ? 0 : 100.0 * completed / (completed + noShows), t.attendancePeople()),
                Figure.of(number(t.averageOverall()), t.raters()), Figure.of(number(t.averagePreparation()), t.raters()),
                Figure.of(number(t.averageCommunication()), t.raters()),
                Figure.of(answers == 0 ? 0 : 100.0 * (t.promoters() - t.detractors()) / answers, t.recommenders()),
                Figure.of(goals == 0 ? 0 : 100.0 * t.goalsAchieved() / goals, t.goalPeople()),
                byHealth, months);
    }
}
