package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The counts and averages behind a tenant's program analytics, each with the number of distinct people it rests on
 * (a mentor with three mentees is one person), so that figures from too few people can be withheld.
 */
@ApplicationScoped
public class ProgramAnalyticsRepository {

    /** The tenant's (or one program's) figures that do not add up across programs, since a day (goals: as they stand). */
    public record Totals(long sessionsHeld, long noShows, long attendancePeople,
            Double averageOverall, Double averagePreparation, Double averageCommunication, long raters, long promoters,
            long detractors, long recommendations, long recommenders, long goalsAchieved, long goals, long goalPeople) {
    }

    /** An additive figure ({@code kind} and {@code key}) of a program, or of the tenant ({@code total}), and its people. */
    public record ProgramCount(UUID programId, boolean total, String kind, String key, long value, long people) {
    }

    /**
     * One month with sessions held: the average overall rating and how many rated (the sessions held themselves are an
     * additive figure: {@link #byProgram}).
     */
    public record MonthTotals(String month, Double averageOverall, long raters) {
    }

    public Uni<Totals> totals(String tenant, UUID programId, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createNativeQuery(inProgram("""
                select
                  (select count(*) filter (where s.state = 'COMPLETED') from session_copy s where s.tenant = ?1 and s.starts_at >= ?2
                     and $IN(s)),
                  (select count(*) filter (where s.state = 'NO_SHOW') from session_copy s where s.tenant = ?1 and s.starts_at >= ?2 and $IN(s)),
                  (select count(distinct x) from session_copy s join partnership_copy p on p.id = s.partnership_id,
                     unnest(array[p.mentee_id, p.mentor_id]) x where s.tenant = ?1 and s.starts_at >= ?2 and s.state in ('COMPLETED', 'NO_SHOW')
                     and $P(p)),
                  (select avg(f.overall) from session_feedback f where f.tenant = ?1 and f.created_at >= ?2 and $IN(f)),
                  (select avg(f.preparation) from session_feedback f where f.tenant = ?1 and f.created_at >= ?2 and $IN(f)),
                  (select avg(f.communication) from session_feedback f where f.tenant = ?1 and f.created_at >= ?2 and $IN(f)),
                  (select count(distinct f.author_id) from session_feedback f where f.tenant = ?1 and f.created_at >= ?2 and $IN(f)),
                  (select count(*) filter (where recommend >= 9) from evaluation_answer a join evaluation e on e.id = a.evaluation_id
                     where e.tenant = ?1 and a.created_at >= ?2 and $IN(e)),
                  (select count(*) filter (where recommend <= 6) from evaluation_answer a join evaluation e on e.id = a.evaluation_id
                     where e.tenant = ?1 and a.created_at >= ?2 and $IN(e)),
                  (select count(*) from evaluation_answer a join evaluation e on e.id = a.evaluation_id where e.tenant = ?1 and a.created_at >= ?2
                     and $IN(e)),
                  (select count(distinct a.author_id) from evaluation_answer a join evaluation e on e.id = a.evaluation_id
                     where e.tenant = ?1 and a.created_at >= ?2 and $IN(e)),
                  (select count(*) filter (where g.achieved_at is not null) from goal g where g.tenant = ?1 and g.in_force and $IN(g)),
                  (select count(*) from goal g where g.tenant = ?1 and g.in_force and $IN(g)),
                  (select count(distinct x) from goal g join partnership_copy p on p.id = g.partnership_id,
                     unnest(array[p.mentee_id, p.mentor_id]) x where g.tenant = ?1 and g.in_force and $P(p))""", 3), Object[].class)
                .setParameter(1, tenant).setParameter(2, since).setParameter(3, programId).getSingleResult())
                .map(t -> new Totals(count(t[0]), count(t[1]), count(t[2]), average(t[3]), average(t[4]), average(t[5]), count(t[6]),
                        count(t[7]), count(t[8]), count(t[9]), count(t[10]), count(t[11]), count(t[12]), count(t[13])));
    }

    /** The tenant's (or one program's) months with sessions held since a day, oldest first (by the sessions' start, in UTC). */
    public Uni<List<MonthTotals>> byMonth(String tenant, UUID programId, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createNativeQuery(inProgram("""
                with months as (
                  select distinct date_trunc('month', s.starts_at at time zone 'UTC') as m
                  from session_copy s where s.tenant = ?1 and s.state = 'COMPLETED' and s.starts_at >= ?2 and $IN(s))
                select to_char(months.m, 'YYYY-MM'),
                       (select avg(f.overall) from session_feedback f join session_copy s3 on s3.id = f.session_id
                        where f.tenant = ?1 and date_trunc('month', s3.starts_at at time zone 'UTC') = months.m and $IN(f)),
                       (select count(distinct f.author_id) from session_feedback f join session_copy s3 on s3.id = f.session_id
                        where f.tenant = ?1 and date_trunc('month', s3.starts_at at time zone 'UTC') = months.m and $IN(f))
                from months order by months.m""", 3), Object[].class)
                .setParameter(1, tenant).setParameter(2, since).setParameter(3, programId).getResultList())
                .map(rows -> rows.stream().map(r -> new MonthTotals((String) r[0], average(r[1]), count(r[2]))).toList());
    }

    /**
     * The figures that add up across programs, per program and ({@code total}) for the tenant, each with what it counts
     * and the distinct people it rests on: active partnerships ({@code active}, and {@code health}: the same by the admins'
     * health state, so that the states add up to the active ones), sessions held by month since a day ({@code month}), goals achieved so far
     * ({@code achieved}: the celebrations; not by window, so that two windows never tell a month's), and the steps of the
     * mentees' journey in distinct mentees ({@code funnel} 0-6: enrolled in a program, requested, matched, an agreement in
     * force, a first session held, an evaluation completed, the partnership completed). Partnerships and requests from
     * before programs, not yet given the general program, count under program null.
     */
    public Uni<List<ProgramCount>> byProgram(String tenant, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select c.program_id, grouping(c.program_id) = 1, c.kind, c.key, count(distinct c.item), count(distinct c.person)
                from (
                  select p.program_id, 'active' as kind, '' as key, p.id as item, x as person
                    from partnership_copy p, unnest(array[p.mentee_id, p.mentor_id]) x where p.tenant = ?1 and p.state = 'ACTIVE'
                  union all select p.program_id, 'health', h.state, p.id, x
                    from partnership_health h join partnership_copy p on p.id = h.partnership_id, unnest(array[p.mentee_id, p.mentor_id]) x
                    where h.tenant = ?1 and p.state = 'ACTIVE'
                  union all select p.program_id, 'month', to_char(date_trunc('month', s.starts_at at time zone 'UTC'), 'YYYY-MM'), s.id, x
                    from session_copy s join partnership_copy p on p.id = s.partnership_id, unnest(array[p.mentee_id, p.mentor_id]) x
                    where s.tenant = ?1 and s.state = 'COMPLETED' and s.starts_at >= ?2
                  union all select p.program_id, 'achieved', '', g.goal_id, x
                    from goal g join partnership_copy p on p.id = g.partnership_id, unnest(array[p.mentee_id, p.mentor_id]) x
                    where g.tenant = ?1 and g.achieved_at is not null
                  union all select e.program_id, 'funnel', '0', e.participant_id, e.participant_id from enrolment_copy e
                    where e.tenant = ?1 and e.role = 'MENTEE' and e.enrolled_at is not null
                  union all select r.program_id, 'funnel', '1', r.mentee_id, r.mentee_id from request_copy r where r.tenant = ?1
                  union all select p.program_id, 'funnel', '2', p.mentee_id, p.mentee_id from partnership_copy p
                    where p.tenant = ?1 and p.started_at is not null
                  union all select p.program_id, 'funnel', '3', p.mentee_id, p.mentee_id from partnership_copy p
                    where p.tenant = ?1 and p.agreement_version is not null
                  union all select p.program_id, 'funnel', '4', p.mentee_id, p.mentee_id from partnership_copy p where p.tenant = ?1
                    and exists (select 1 from session_copy s where s.partnership_id = p.id and s.state = 'COMPLETED')
                  union all select p.program_id, 'funnel', '5', p.mentee_id, p.mentee_id from partnership_copy p where p.tenant = ?1
                    and exists (select 1 from evaluation v where v.partnership_id = p.id and v.state = 'COMPLETED')
                  union all select p.program_id, 'funnel', '6', p.mentee_id, p.mentee_id from partnership_copy p
                    where p.tenant = ?1 and p.state = 'COMPLETED'
                ) c
                group by grouping sets ((c.program_id, c.kind, c.key), (c.kind, c.key))""", Object[].class)
                .setParameter(1, tenant).setParameter(2, since).getResultList())
                .map(rows -> rows.stream().map(r -> new ProgramCount((UUID) r[0], (Boolean) r[1], (String) r[2], (String) r[3], count(r[4]),
                        count(r[5]))).toList());
    }

    /**
     * Restricts a query to one program, the parameter {@code ?index} (none when null), where it says {@code $P(alias)} (a
     * partnership copy) or {@code $IN(alias)} (a row with a partnership_id).
     */
    private static String inProgram(String sql, int index) {
        String program = "cast(?" + index + " as uuid)";
        return sql.replaceAll("\\$P\\((\\w+)\\)", "(" + program + " is null or $1.program_id = " + program + ")")
                .replaceAll("\\$IN\\((\\w+)\\)", "(" + program + " is null or $1.partnership_id in "
                        + "(select pp.id from partnership_copy pp where pp.tenant = ?1 and pp.program_id = " + program + "))");
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double average(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
