package dev.mentoring.sessions.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.persistence.MentoringSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The two people's places in a scheduled session. The table's exclusion constraint keeps a person out of
 * two overlapping sessions across all their partnerships, whatever the concurrency; the check before the
 * insert only names the clashing session for the common case.
 */
@ApplicationScoped
public class Bookings {

    /** A scheduled session that overlaps, or null. */
    public Uni<Object[]> clash(UUID mentee, UUID mentor, OffsetDateTime from, OffsetDateTime to, UUID except) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select cast(s.id as text), cast(s.starts_at as text) from session_booking b
                join mentoring_session s on s.id = b.session_id
                where b.participant_id in (?1, ?2) and b.during && tstzrange(?3, ?4, '[)') and b.session_id <> ?5
                order by s.starts_at limit 1""", Object[].class)
                .setParameter(1, mentee).setParameter(2, mentor).setParameter(3, from).setParameter(4, to)
                .setParameter(5, except == null ? new UUID(0, 0) : except)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Books both people into the session (after the session row is flushed); 409 naming a clash. */
    public Uni<Void> book(MentoringSession s) {
        return clash(s.menteeId, s.mentorId, s.startsAt, s.endsAt, s.id).chain(clash -> {
            if (clash != null) {
                throw clashProblem(clash);
            }
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                    insert into session_booking (session_id, participant_id, during)
                    select ?1, p, tstzrange(?3, ?4, '[)') from unnest(cast(?2 as uuid[])) as p""")
                    .setParameter(1, s.id).setParameter(2, new UUID[] { s.menteeId, s.mentorId })
                    .setParameter(3, s.startsAt).setParameter(4, s.endsAt).executeUpdate());
        }).replaceWithVoid();
    }

    public Uni<Void> release(List<UUID> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from session_booking where session_id = any(cast(?1 as uuid[]))")
                .setParameter(1, sessions.toArray(UUID[]::new)).executeUpdate()).replaceWithVoid();
    }

    static ProblemException clashProblem(Object[] clash) {
        return new ProblemException(409, "Conflict", "The time overlaps session " + clash[0] + " (starting "
                + clash[1] + ") of one of the two people", List.of(new dev.mentoring.plumbing.problem.Problem.FieldError(
                        "start", "overlaps session " + clash[0])));
    }

    /** Whether a failure is the exclusion constraint's refusal (two overlapping sessions written at once). */
    static boolean isOverlap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("session_booking_no_overlap") || message.contains("23P01")) {
                return true;
            }
        }
        return false;
    }
}
