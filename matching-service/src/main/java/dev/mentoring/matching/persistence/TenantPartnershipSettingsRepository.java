package dev.mentoring.matching.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Each tenant's limits on requests and partnerships, keyed by the tenant. */
@ApplicationScoped
public class TenantPartnershipSettingsRepository implements PanacheRepositoryBase<TenantPartnershipSettings, String> {

    /** The tenant's settings, or null while it uses the defaults. */
    public Uni<TenantPartnershipSettings> ofTenant(String tenant) {
        return findById(tenant);
    }

    /** The tenant's settings with their row locked until the transaction ends (a concurrent change waits), or null. */
    public Uni<TenantPartnershipSettings> lockedOfTenant(String tenant) {
        return findById(tenant, LockModeType.PESSIMISTIC_WRITE);
    }
}
