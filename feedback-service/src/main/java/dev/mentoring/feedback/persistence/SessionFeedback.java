package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One participant's feedback on a session they held. */
@Entity
@Table(name = "session_feedback")
public class SessionFeedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Column(nullable = false)
    public int overall;

    @Column(nullable = false)
    public int preparation;

    @Column(nullable = false)
    public int communication;

    public String comment;

    @Column(nullable = false)
    public boolean shared;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Raised by every change (its ETag); new feedback is at 1. */
    @Version
    @Column(nullable = false)
    public long version;
}
