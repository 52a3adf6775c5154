package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

    /**
     * Raised by every save (the settings' ETag). The defaults, before any save, are version {@link #DEFAULTS_VERSION};
     * the row the first save makes is the next.
     */
    @Version
    @Column(nullable = false)
    public long version;

    /** The version of a tenant's settings while they are the defaults (no row). */
    public static final long DEFAULTS_VERSION = 1;
}
