package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.mentoring.matching.domain.MentorApplicationRules;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A mentee's way to becoming a mentor: their application, or an admin's invitation, and how it ended. */
@Entity
@Table(name = "mentor_application")
public class MentorApplication extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MentorApplicationRules.State state;

    /** The mentees they would take at once (null: the platform's default). */
    public Integer capacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "would_mentor_in", nullable = false)
    public String[] wouldMentorIn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Version
    public long version;
}
