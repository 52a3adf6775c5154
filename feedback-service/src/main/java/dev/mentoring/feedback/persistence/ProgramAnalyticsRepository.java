package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The counts and averages behind a tenant's program analytics, each with the number of distinct people it rests on
 * (a mentor with three mentees is one person), so that figures from too few people can be withheld.
 */
@ApplicationScoped
public class ProgramAnalyticsRepository {

    /** The tenant's totals since a day (partnerships and goals: as they stand). */
    public record Totals(long activePartnerships, long activePartnershipPeople, long sessionsHeld, long noShows, long attendancePeople,
            Double averageOverall, Double averagePreparation, Double averageCommunication, long raters, long promoters,
            long detractors, long recommendations, long recommenders, long goalsAchieved, long goals, long goalPeople) {
    }

    /** Running partnerships in one health state, and the people in them. */
    public record HealthStateCount(String state, long partnerships, long people) {
    }

    /** One month: sessions held and the people in them, the average overall rating and how many rated. */
    public record MonthTotals(String month, long sessionsHeld, long people, Double averageOverall, long raters) {
    }

    public Uni<Totals> totals(String tenant, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
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
                .setParameter(1, tenant).setParameter(2, since).getSingleResult())
                .map(t -> new Totals(count(t[0]), count(t[1]), count(t[2]), count(t[3]), count(t[4]), average(t[5]), average(t[6]),
                        average(t[7]), count(t[8]), count(t[9]), count(t[10]), count(t[11]), count(t[12]), count(t[13]), count(t[14]),
                        count(t[15])));
    }

    /** The tenant's running (active or paused) partnerships by health state. */
    public Uni<List<HealthStateCount>> byHealthState(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select h.state, count(distinct h.partnership_id), count(distinct x)
                from partnership_health h join partnership_copy p on p.id = h.partnership_id,
                     unnest(array[p.mentee_id, p.mentor_id]) x
                where h.tenant = ?1 and p.state in ('ACTIVE', 'PAUSED') group by h.state""", Object[].class)
                .setParameter(1, tenant).getResultList())
                .map(rows -> rows.stream().map(r -> new HealthStateCount((String) r[0], count(r[1]), count(r[2]))).toList());
    }

    /** The tenant's months with sessions held since a day, oldest first (by the sessions' start, in UTC). */
    public Uni<List<MonthTotals>> byMonth(String tenant, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
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
                .setParameter(1, tenant).setParameter(2, since).getResultList())
                .map(rows -> rows.stream().map(r -> new MonthTotals((String) r[0], count(r[1]), count(r[2]), average(r[3]), count(r[4])))
                        .toList());
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double average(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
