package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** A session as feedback-service knows it, from session-service's events. */
@Entity
@Table(name = "session_copy")
public class SessionCopy extends CopiedRecord {

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public String state;

    public String attendance;

    @Column(name = "cancelled_late")
    public Boolean cancelledLate;

    @Column(nullable = false)
    public int sequence;

}
