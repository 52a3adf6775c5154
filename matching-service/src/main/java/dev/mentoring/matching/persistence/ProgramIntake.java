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

import dev.mentoring.matching.domain.Cadence;
import dev.mentoring.matching.domain.MeetingMode;
import dev.mentoring.matching.domain.MentoringRole;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The intake of one enrolment, as its person wrote it: personal, read by them and the program's admins only. */
@Entity
@Table(name = "program_intake")
public class ProgramIntake extends PanacheEntityBase {

    @Id
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "program_id", nullable = false, updatable = false)
    public UUID programId;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MentoringRole role;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] strengths = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "areas_to_develop", nullable = false)
    public String[] areasToDevelop = new String[0];

    public String hopes;

    /** The SMART goals as the JSON text of an array of {statement, measure, target, why, dueDate}. */
    @Column(nullable = false)
    public String goals = "[]";

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_frequency")
    public Cadence preferredFrequency;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_mode")
    public MeetingMode preferredMode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] offers = new String[0];

    public Integer capacity;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
