package dev.mentoring.sessions.persistence;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mentoring.sessions.domain.SessionEnums;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One meeting of a partnership: single, or an occurrence of a series. */
@Entity
@Table(name = "mentoring_session")
public class MentoringSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    public UUID partnershipId;

    @Column(name = "mentee_id", nullable = false)
    public UUID menteeId;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "series_id")
    public UUID seriesId;

    /** For an occurrence: its start as the rule made it, in the series' zone (iCalendar RECURRENCE-ID). */
    @Column(name = "recurrence_id")
    public OffsetDateTime recurrenceId;

    @Column(name = "local_start", nullable = false)
    public LocalDateTime localStart;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionEnums.Mode mode;

    @Column(name = "place_or_link")
    public String placeOrLink;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionEnums.State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public SessionEnums.CancelReason cancelReason;

    @Column(name = "cancelled_late")
    public Boolean cancelledLate;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    public SessionEnums.Role cancelledBy;

    @Enumerated(EnumType.STRING)
    public SessionEnums.Attendance attendance;

    @Column(name = "actual_minutes")
    public Integer actualMinutes;

    /** iCalendar SEQUENCE, raised on each change. */
    @Column(nullable = false)
    public int sequence;

    /** Raised by every change of the row (its ETag); a new session is at 1. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "reminder_day_sent_at")
    public OffsetDateTime reminderDaySentAt;

    @Column(name = "reminder_hour_sent_at")
    public OffsetDateTime reminderHourSentAt;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public SessionEnums.Role roleOf(UUID participant) {
        return participant.equals(mentorId) ? SessionEnums.Role.MENTOR : SessionEnums.Role.MENTEE;
    }

    /** Cancels the session: why, by whom (null when the platform cancels it) and whether late. */
    public void cancel(SessionEnums.CancelReason reason, SessionEnums.Role by, boolean late, OffsetDateTime now) {
        state = SessionEnums.State.CANCELLED;
        cancelReason = reason;
        cancelledBy = by;
        cancelledLate = late;
        changed(now);
    }

    /** Records a change: calendar apps take it only with a higher SEQUENCE. */
    public void changed(OffsetDateTime now) {
        sequence++;
        updatedAt = now;
    }
}
