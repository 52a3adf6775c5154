package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.mentoring.matching.domain.MenteeLimits;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A tenant's limits on requests and partnerships; absent means the defaults (3 open requests, 2 active mentors). */
@Entity
@Table(name = "tenant_partnership_settings")
public class TenantPartnershipSettings extends PanacheEntityBase {

    @Id
    public String tenant;

    @Column(name = "max_open_requests", nullable = false)
    public int maxOpenRequests;

    @Column(name = "max_active_mentors", nullable = false)
    public int maxActiveMentors;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Raised by every change (1 from the first); the ETag of the limits. The defaults, with no row, are version 0. */
    @Column(nullable = false)
    public long version;

    public MenteeLimits limits() {
        return new MenteeLimits(maxOpenRequests, maxActiveMentors);
    }

    public void set(MenteeLimits limits) {
        maxOpenRequests = limits.maxOpenRequests();
        maxActiveMentors = limits.maxActiveMentors();
    }
}
