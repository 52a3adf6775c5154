package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A tenant's feedback settings (health thresholds, evaluation interval), as JSON. */
@Entity
@Table(name = "tenant_settings")
public class TenantSettings extends PanacheEntityBase {

    @Id
    public String tenant;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
