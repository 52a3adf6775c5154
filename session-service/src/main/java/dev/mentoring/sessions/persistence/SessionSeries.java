package dev.mentoring.sessions.persistence;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A recurring series: its rule and first local start; its occurrences are sessions. */
@Entity
@Table(name = "session_series")
public class SessionSeries extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(nullable = false)
    public String rrule;

    @Column(name = "first_local_start", nullable = false)
    public LocalDateTime firstLocalStart;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    /** iCalendar SEQUENCE of the series' master event, raised on each change to it. */
    @Column(nullable = false)
    public int sequence;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
