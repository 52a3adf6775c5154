package dev.mentoring.matching.persistence;

import java.time.LocalDate;
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

import dev.mentoring.matching.domain.Joining;
import dev.mentoring.matching.domain.ProgramState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A mentoring program of a tenant: its description, how people join, its dates, its state and the limits it sets for
 * itself (null: the tenant's). The tenant's general program ({@code general}) holds everyone with a mentoring role.
 */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(nullable = false)
    public String name;

    public String purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "focus_skills", nullable = false)
    public String[] focusSkills;

    @Column(nullable = false, updatable = false)
    public boolean general;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Joining joining;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgramState state;

    @Column(name = "enrolment_opens_on")
    public LocalDate enrolmentOpensOn;

    @Column(name = "enrolment_closes_on")
    public LocalDate enrolmentClosesOn;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "max_open_requests")
    public Integer maxOpenRequests;

    @Column(name = "max_active_mentors")
    public Integer maxActiveMentors;

    @Column(name = "request_expiry_days")
    public Integer requestExpiryDays;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** When program.created went out: in the creating transaction, or for a general program by {@code GeneralPrograms}. */
    @Column(name = "announced_at")
    public OffsetDateTime announcedAt;

    @Version
    public long version;
}
