package dev.mentoring.feedback.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The tenants' feedback settings, by tenant. */
@ApplicationScoped
public class TenantSettingsRepository implements PanacheRepositoryBase<TenantSettings, String> {

    /** The tenant's settings row, or null while it has the defaults. */
    public Uni<TenantSettings> of(String tenant) {
        return findById(tenant);
    }

    /** The tenant's settings row, write-locked until the transaction ends (its version is the latest), or null. */
    public Uni<TenantSettings> forChange(String tenant) {
        return findById(tenant, LockModeType.PESSIMISTIC_WRITE);
    }
}
