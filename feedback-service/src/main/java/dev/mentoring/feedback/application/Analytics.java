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

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Program analytics for a tenant: active partnerships, sessions held per month, attendance rate, average
 * ratings, a net-promoter-style score, goal achievement rate, partnerships by health state and a trend by
 * month. Any figure drawn from fewer than {@link #MIN_PEOPLE} people is withheld: shown as suppressed,
 * without its value or how many people it would rest on.
 */
@ApplicationScoped
public class Analytics {

    public static final int MIN_PEOPLE = 5;

    /** A figure, or suppressed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(Double value, Boolean suppressed) {
        static Figure of(double value, long people) {
            return people < MIN_PEOPLE ? new Figure(null, true) : new Figure(Math.round(value * 10) / 10.0, null);
        }
    }

    public record Month(String month, Figure sessionsHeld, Figure averageOverallRating) {
    }

    public record Report(String tenant, LocalDate from, LocalDate to, int minimumPeople, Figure activePartnerships,
            Figure attendanceRatePercent, Figure averageOverall, Figure averagePreparation, Figure averageCommunication,
            Figure netPromoterScore, Figure goalAchievementRatePercent, Map<String, Figure> partnershipsByHealth, List<Month> trend) {
    }

    private final Participants participants;
    private final Clock clock;

    Analytics(Participants participants, Clock clock) {
        this.participants = participants;
        this.clock = clock;
    }

    public Uni<Report> report(Integer months) {
        int span = months == null ? 12 : months;
        if (span < 1 || span > 36) {
            throw ProblemException.badRequest("months", "must be between 1 and 36");
        }
        String tenant = participants.tenant();
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.withDayOfMonth(1).minusMonths(span - 1);
        OffsetDateTime since = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                select
                  (select count(*) from partnership_copy where tenant = ?1 and state = 'ACTIVE'),
                  (select count(distinct x) from partnership_copy, unnest(array[mentee_id, mentor_id]) x where tenant = ?1 and state = 'ACTIVE'),
                  (select count(*) filter (where s.state = 'COMPLETED') from session_copy s where s.tenant = ?1 and s.starts_at >= ?2),
                  (select count(*) filter (where s.state = 'NO_SHOW') from session_copy s where s.tenant = ?1 and s.starts_at >= ?2),
                  (select count(distinct x) from session_copy s join partnership_copy p on p.id = s.partnership_id,
                     unnest(array[p.mentee_id, p.mentor_id]) x where s.tenant = ?1 and s.starts_at >= ?2 and s.state in ('COMPLETED', 'NO_SHOW')),
                  (select avg(overall) from session_feedback where tenant = ?1 and created_at >= ?2),
                  (select avg(preparation) from session_feedback where tenant = ?1 and created_at >= ?2),
                  (select avg(communication) from session_feedback where tenant = ?1 and created_at >= ?2),
                  (select count(distinct author_id) from session_feedback where tenant = ?1 and created_at >= ?2),
                  (select count(*) filter (where recommend >= 9) from evaluation_answer a join evaluation e on e.id = a.evaluation_id
                     where e.tenant = ?1 and a.created_at >= ?2),
                  (select count(*) filter (where recommend <= 6) from evaluation_answer a join evaluation e on e.id = a.evaluation_id
                     where e.tenant = ?1 and a.created_at >= ?2),
                  (select count(*) from evaluation_answer a join evaluation e on e.id = a.evaluation_id where e.tenant = ?1 and a.created_at >= ?2),
                  (select count(distinct a.author_id) from evaluation_answer a join evaluation e on e.id = a.evaluation_id
                     where e.tenant = ?1 and a.created_at >= ?2),
                  (select count(*) filter (where g.achieved_at is not null) from goal g where g.tenant = ?1 and g.in_force),
                  (select count(*) from goal g where g.tenant = ?1 and g.in_force),
                  (select count(distinct x) from goal g join partnership_copy p on p.id = g.partnership_id,
                     unnest(array[p.mentee_id, p.mentor_id]) x where g.tenant = ?1 and g.in_force)""", Object[].class)
                .setParameter(1, tenant).setParameter(2, since).getSingleResult()
                .chain(totals -> session.createNativeQuery("""
                        select h.state, count(distinct h.partnership_id), count(distinct x)
                        from partnership_health h join partnership_copy p on p.id = h.partnership_id,
                             unnest(array[p.mentee_id, p.mentor_id]) x
                        where h.tenant = ?1 and p.state in ('ACTIVE', 'PAUSED') group by h.state""", Object[].class)
                        .setParameter(1, tenant).getResultList()
                        .chain(health -> session.createNativeQuery("""
                                with months as (
                                  select date_trunc('month', s.starts_at at time zone 'UTC') as m, count(*) as held
                                  from session_copy s where s.tenant = ?1 and s.state = 'COMPLETED' and s.starts_at >= ?2 group by 1)
                                select to_char(months.m, 'YYYY-MM'), months.held,
                                       (select count(distinct x) from session_copy s2 join partnership_copy p2 on p2.id = s2.partnership_id,
                                          unnest(array[p2.mentee_id, p2.mentor_id]) x
                                        where s2.tenant = ?1 and s2.state = 'COMPLETED' and date_trunc('month', s2.starts_at at time zone 'UTC') = months.m),
                                       (select avg(f.overall) from session_feedback f join session_copy s3 on s3.id = f.session_id
                                        where f.tenant = ?1 and date_trunc('month', s3.starts_at at time zone 'UTC') = months.m),
                                       (select count(distinct f.author_id) from session_feedback f join session_copy s3 on s3.id = f.session_id
                                        where f.tenant = ?1 and date_trunc('month', s3.starts_at at time zone 'UTC') = months.m)
                                from months order by months.m""", Object[].class)
                                .setParameter(1, tenant).setParameter(2, since).getResultList()
                                .map(trend -> report(tenant, from, to, totals, health, trend))))));
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Report report(String tenant, LocalDate from, LocalDate to, Object[] t, List<Object[]> health, List<Object[]> trend) {
        long completed = count(t[2]);
        long noShows = count(t[3]);
        long attendancePeople = count(t[4]);
        long raters = count(t[8]);
        long promoters = count(t[9]);
        long detractors = count(t[10]);
        long answers = count(t[11]);
        long recommenders = count(t[12]);
        long goals = count(t[14]);
        Map<String, Figure> byHealth = new LinkedHashMap<>();
        for (String state : List.of("HEALTHY", "NEEDS_ATTENTION", "AT_RISK")) {
            // people counted once however many partnerships they have (a mentor with three mentees is one person)
            long partnerships = health.stream().filter(r -> state.equals(r[0])).mapToLong(r -> count(r[1])).sum();
            long people = health.stream().filter(r -> state.equals(r[0])).mapToLong(r -> count(r[2])).sum();
            byHealth.put(state, Figure.of(partnerships, people));
        }
        List<Month> months = new ArrayList<>();
        for (Object[] row : trend) {
            months.add(new Month((String) row[0], Figure.of(count(row[1]), count(row[2])),
                    Figure.of(number(row[3]), count(row[4]))));
        }
        return new Report(tenant, from, to, MIN_PEOPLE,
                Figure.of(count(t[0]), count(t[1])),
                Figure.of(completed + noShows == 0 ? 0 : 100.0 * completed / (completed + noShows), attendancePeople),
                Figure.of(number(t[5]), raters), Figure.of(number(t[6]), raters), Figure.of(number(t[7]), raters),
                Figure.of(answers == 0 ? 0 : 100.0 * (promoters - detractors) / answers, recommenders),
                Figure.of(goals == 0 ? 0 : 100.0 * count(t[13]) / goals, count(t[15])),
                byHealth, months);
    }
}
