package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One person's ask to the other of their partnership for feedback, on a session (sessionId) or on the partnership so far. */
@Entity
@Table(name = "feedback_ask")
public class FeedbackAsk extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "asked_by", nullable = false)
    public UUID askedBy;

    @Column(name = "asked_by_role", nullable = false)
    public String askedByRole;

    @Column(name = "asked_of", nullable = false)
    public UUID askedOf;

    @Column(name = "asked_at", nullable = false)
    public OffsetDateTime askedAt;

    /** When an ask on a session lapses (its feedback window closes); null for an ask on the partnership. */
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
}
