package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.MenteeLimits;
import dev.mentoring.matching.persistence.TenantPartnershipSettings;
import dev.mentoring.matching.persistence.TenantPartnershipSettingsRepository;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A tenant's limits on open requests and running partnerships per mentee. */
@ApplicationScoped
public class PartnershipLimits {

    private final TenantPartnershipSettingsRepository settings;
    private final Caller caller;
    private final Clock clock;

    PartnershipLimits(TenantPartnershipSettingsRepository settings, Caller caller, Clock clock) {
        this.settings = settings;
        this.caller = caller;
        this.clock = clock;
    }

    /** The limits in force, inside the caller's session: the tenant's, or the defaults. */
    public Uni<MenteeLimits> limitsOf(String tenant) {
        return settings.ofTenant(tenant).map(stored -> stored == null ? MenteeLimits.DEFAULT : stored.limits());
    }

    @WithSession
    public Uni<MenteeLimits> get() {
        return limitsOf(caller.tenant());
    }

    @WithTransaction
    public Uni<MenteeLimits> change(MenteeLimits change) {
        String tenant = caller.tenant();
        return settings.ofTenant(tenant).chain(existing -> {
            TenantPartnershipSettings changed = existing != null ? existing : new TenantPartnershipSettings();
            changed.tenant = tenant;
            changed.set(change);
            changed.updatedAt = OffsetDateTime.now(clock);
            return settings.persistAndFlush(changed).replaceWith(change);
        });
    }
}
