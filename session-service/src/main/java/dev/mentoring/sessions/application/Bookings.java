package dev.mentoring.sessions.application;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.Causes;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.persistence.Clash;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.SessionBookingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The two people's places in a scheduled session. The table's exclusion constraint keeps a person out of two
 * overlapping sessions across all their partnerships, whatever the concurrency; the check before the insert only
 * names the clashing session for the common case, and {@link #nameClash} names it after the constraint refused.
 */
@ApplicationScoped
public class Bookings {

    private final SessionBookingRepository bookings;

    Bookings(SessionBookingRepository bookings) {
        this.bookings = bookings;
    }

    /** Books both people into the session (after the session row is flushed); 409 naming a clash. */
    public Uni<Void> book(MentoringSession s) {
        return bookings.firstClash(s.menteeId, s.mentorId, s.startsAt, s.endsAt, s.id).chain(clash -> {
            if (clash != null) {
                throw clashProblem(clash);
            }
            return bookings.book(s.id, s.menteeId, s.mentorId, s.startsAt, s.endsAt);
        });
    }

    /** Frees the places of these sessions. */
    public Uni<Void> release(List<UUID> sessions) {
        return bookings.release(sessions);
    }

    /**
     * After the constraint refused a change that overlapped (two written at once), in a session of its own: the 409
     * naming the first session that clashes with one of the starts, or saying so without a name.
     */
    @WithSession
    public <T> Uni<T> nameClash(UUID mentee, UUID mentor, List<ZonedDateTime> starts, int minutes) {
        Uni<Clash> found = Uni.createFrom().nullItem();
        for (ZonedDateTime start : starts) {
            found = found.chain(clash -> clash != null ? Uni.createFrom().item(clash)
                    : bookings.firstClash(mentee, mentor, start.toOffsetDateTime(), start.plusMinutes(minutes).toOffsetDateTime(), null));
        }
        return found.map(clash -> {
            throw clash != null ? clashProblem(clash)
                    : new ProblemException(409, "Conflict", "The time overlaps another session of one of the two people");
        });
    }

    static ProblemException clashProblem(Clash clash) {
        return new ProblemException(409, "Conflict", "The time overlaps session " + clash.sessionId() + " (starting "
                + clash.startsAt() + ") of one of the two people",
                List.of(new Problem.FieldError("start", "overlaps session " + clash.sessionId())));
    }

    /** Whether a failure is the exclusion constraint's refusal (two overlapping sessions written at once). */
    static boolean isOverlap(Throwable failure) {
        return Causes.any(failure, t -> String.valueOf(t.getMessage()).contains("session_booking_no_overlap")
                || String.valueOf(t.getMessage()).contains("23P01"));
    }
}
