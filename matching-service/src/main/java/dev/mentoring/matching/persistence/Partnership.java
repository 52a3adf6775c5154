package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mentoring.matching.domain.EndReason;
import dev.mentoring.matching.domain.PartnershipState;

/** A mentor and a mentee working together; the id is the id of the request it came from. */
@Entity
@Table(name = "partnership")
public class Partnership extends PairRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnershipState state;

    /** The agreed meeting cadence, once an agreement is in force. */
    public String cadence;

    @Column(name = "started_at", nullable = false, updatable = false)
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    /** A note with the ending: private between the two, never in events or admin views. */
    @Column(name = "end_note")
    public String endNote;

    /** A thank-you message to the other person: private between the two. */
    @Column(name = "thank_you")
    public String thankYou;

    /** The participant who ended it. */
    @Column(name = "ended_by")
    public UUID endedBy;

    @Version
    public long version;
}
