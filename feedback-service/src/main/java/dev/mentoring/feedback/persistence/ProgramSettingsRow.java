package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A program's own feedback settings (evaluation interval, health thresholds), as JSON; none: the tenant's. */
@Entity
@Table(name = "program_settings")
public class ProgramSettingsRow extends PanacheEntityBase {

    @Id
    @Column(name = "program_id")
    public UUID programId;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Raised by every save (the ETag); the first save makes version 1 (0: the program has none of its own). */
    @Column(nullable = false)
    public long version;
}
