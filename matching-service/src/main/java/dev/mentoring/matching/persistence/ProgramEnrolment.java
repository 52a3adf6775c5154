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

import dev.mentoring.matching.domain.EnrolmentState;
import dev.mentoring.matching.domain.MentoringRole;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One person in one role in one program, for the whole story of it (applied, enrolled, left, enrolled again). */
@Entity
@Table(name = "program_enrolment")
public class ProgramEnrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "program_id", nullable = false, updatable = false)
    public UUID programId;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MentoringRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Version
    public long version;
}
