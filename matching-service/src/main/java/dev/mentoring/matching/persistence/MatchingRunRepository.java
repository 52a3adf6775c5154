package dev.mentoring.matching.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Matching runs of a tenant, and what runs and recommendations read of the tenant's pairs. Proposals of thousands of
 * rows are written with one statement each (unnest of arrays), in the caller's transaction.
 */
@ApplicationScoped
public class MatchingRunRepository implements PanacheRepositoryBase<MatchingRun, UUID> {

    /** A proposed pair as stored. */
    public record StoredAssignment(UUID menteeId, UUID mentorId, double score) {
    }

    /** An unmatched mentee as stored. */
    public record StoredUnmatched(UUID menteeId, String reason, String rule) {
    }

    public Uni<MatchingRun> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The proposed pairs; {@code points} are match scores in tenths. */
    public Uni<Integer> insertAssignments(UUID runId, UUID[] mentees, UUID[] mentors, Integer[] points) {
        if (mentees.length == 0) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                insert into matching_run_assignment (run_id, mentee_id, mentor_id, score)
                select ?1, a.mentee, a.mentor, a.points / 10.0
                from unnest(cast(?2 as uuid[]), cast(?3 as uuid[]), cast(?4 as int[])) as a(mentee, mentor, points)""")
                .setParameter(1, runId).setParameter(2, mentees).setParameter(3, mentors).setParameter(4, points)
                .executeUpdate());
    }

    public Uni<Integer> insertUnmatched(UUID runId, UUID[] mentees, String[] reasons, String[] rules) {
        if (mentees.length == 0) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                insert into matching_run_unmatched (run_id, mentee_id, reason, rule)
                select ?1, u.mentee, u.reason, u.rule
                from unnest(cast(?2 as uuid[]), cast(?3 as text[]), cast(?4 as text[])) as u(mentee, reason, rule)""")
                .setParameter(1, runId).setParameter(2, mentees).setParameter(3, reasons).setParameter(4, rules)
                .executeUpdate());
    }

    public Uni<List<StoredAssignment>> assignments(UUID runId) {
        return getSession().chain(session -> session.createNativeQuery("""
                select mentee_id, mentor_id, cast(score as float8) from matching_run_assignment
                where run_id = ?1 order by score desc, mentee_id""", Object[].class)
                .setParameter(1, runId).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new StoredAssignment((UUID) row[0], (UUID) row[1], ((Number) row[2]).doubleValue()))
                        .toList());
    }

    public Uni<List<StoredUnmatched>> unmatched(UUID runId) {
        return getSession().chain(session -> session.createNativeQuery("""
                select mentee_id, reason, rule from matching_run_unmatched where run_id = ?1 order by mentee_id""", Object[].class)
                .setParameter(1, runId).getResultList())
                .map(rows -> rows.stream().map(row -> new StoredUnmatched((UUID) row[0], (String) row[1], (String) row[2])).toList());
    }

    /**
     * Places each mentor has taken: running partnerships (active or paused) and open requests, which hold
     * a place until answered.
     */
    public Uni<Map<UUID, Integer>> placesTakenByMentor(String tenant) {
        return getSession().chain(session -> session.createNativeQuery("""
                select mentor_id, count(*) from (
                    select mentor_id from mentorship_request where tenant = ?1 and state = 'OPEN'
                    union all
                    select mentor_id from partnership where tenant = ?1 and state in ('ACTIVE', 'PAUSED')) taken
                group by mentor_id""",
                Object[].class).setParameter(1, tenant).getResultList())
                .map(rows -> {
                    Map<UUID, Integer> load = new HashMap<>();
                    rows.forEach(row -> load.put((UUID) row[0], ((Number) row[1]).intValue()));
                    return load;
                });
    }

    /** Mentees who wait for an answer or already have a mentor: not part of a new cohort. */
    public Uni<Set<UUID>> menteesWithOpenRequests(String tenant) {
        return getSession().chain(session -> session.createNativeQuery("""
                select mentee_id from mentorship_request where tenant = ?1 and state = 'OPEN'
                union
                select mentee_id from partnership where tenant = ?1 and state in ('ACTIVE', 'PAUSED')""", UUID.class)
                .setParameter(1, tenant).getResultList())
                .map(HashSet::new);
    }

    /** For each mentee, the mentors a partnership with them ended before (the ENDED_BEFORE rule). */
    public Uni<Map<UUID, Set<UUID>>> endedPairs(String tenant) {
        return getSession().chain(session -> session.createNativeQuery("""
                select mentee_id, mentor_id from partnership where tenant = ?1 and state in ('COMPLETED', 'ENDED_EARLY')""",
                Object[].class).setParameter(1, tenant).getResultList())
                .map(rows -> {
                    Map<UUID, Set<UUID>> ended = new HashMap<>();
                    rows.forEach(row -> ended.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[1]));
                    return ended;
                });
    }
}
