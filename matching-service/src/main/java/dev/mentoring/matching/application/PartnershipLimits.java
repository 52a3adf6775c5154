package dev.mentoring.matching.application;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.PartnershipLimitsResource.Limits;
import dev.mentoring.matching.persistence.TenantPartnershipSettings;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A tenant's limits on open requests and running partnerships per mentee. */
@ApplicationScoped
public class PartnershipLimits {

    private final Caller caller;

    PartnershipLimits(Caller caller) {
        this.caller = caller;
    }

    @WithSession
    public Uni<Limits> get() {
        return MentorshipRequests.settings(caller.tenant()).map(l -> new Limits(l.maxOpenRequests(), l.maxActiveMentors()));
    }

    @WithTransaction
    public Uni<Limits> change(Limits change) {
        String tenant = caller.tenant();
        return TenantPartnershipSettings.<TenantPartnershipSettings>findById(tenant).chain(existing -> {
            TenantPartnershipSettings settings = existing != null ? existing : new TenantPartnershipSettings();
            settings.tenant = tenant;
            settings.maxOpenRequests = change.maxOpenRequests();
            settings.maxActiveMentors = change.maxActiveMentors();
            settings.updatedAt = MyProfiles.now();
            return settings.persistAndFlush().replaceWith(change);
        });
    }
}
