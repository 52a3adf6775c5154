package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The two people's places in scheduled sessions ({@code session_booking}): its exclusion constraint keeps a person out
 * of two overlapping sessions across all their partnerships, whatever the concurrency.
 */
@ApplicationScoped
public class SessionBookingRepository {

    /** The first scheduled session of either person that overlaps [from, to), other than {@code except}; or null. */
    public Uni<Clash> firstClash(UUID mentee, UUID mentor, OffsetDateTime from, OffsetDateTime to, UUID except) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select cast(s.id as text), cast(s.starts_at as text) from session_booking b
                join mentoring_session s on s.id = b.session_id
                where b.participant_id in (?1, ?2) and b.during && tstzrange(?3, ?4, '[)') and b.session_id <> ?5
                order by s.starts_at limit 1""", Object[].class)
                .setParameter(1, mentee).setParameter(2, mentor).setParameter(3, from).setParameter(4, to)
                .setParameter(5, except == null ? new UUID(0, 0) : except)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Clash((String) rows.get(0)[0], (String) rows.get(0)[1]));
    }

    /** Books both people into the session for [from, to) (after the session row is flushed). */
    public Uni<Void> book(UUID sessionId, UUID mentee, UUID mentor, OffsetDateTime from, OffsetDateTime to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into session_booking (session_id, participant_id, during)
                select ?1, p, tstzrange(?3, ?4, '[)') from unnest(cast(?2 as uuid[])) as p""")
                .setParameter(1, sessionId).setParameter(2, new UUID[] { mentee, mentor })
                .setParameter(3, from).setParameter(4, to).executeUpdate()).replaceWithVoid();
    }

    /** Frees the places of these sessions. */
    public Uni<Void> release(List<UUID> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from session_booking where session_id = any(cast(?1 as uuid[]))")
                .setParameter(1, sessions.toArray(UUID[]::new)).executeUpdate()).replaceWithVoid();
    }
}
