package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mentoring.matching.domain.DeclineReason;
import dev.mentoring.matching.domain.RequestState;

/** A mentee's request to a mentor; its id becomes the partnership's when accepted. */
@Entity
@Table(name = "mentorship_request")
public class MentorshipRequest extends PairRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestState state;

    /** MENTEE or MATCHING_RUN. */
    @Column(nullable = false, updatable = false)
    public String origin;

    @Column(name = "matching_run_id", updatable = false)
    public UUID matchingRunId;

    /** The mentee's message: private between the two, never in events. */
    public String message;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    /** The mentor's message with a decline: private between the two, never in events. */
    @Column(name = "decline_message")
    public String declineMessage;

    @Version
    public long version;
}
