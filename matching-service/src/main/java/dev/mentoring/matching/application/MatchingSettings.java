package dev.mentoring.matching.application;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.Weights;
import dev.mentoring.matching.persistence.TenantMatchingSettings;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The tenant's matching weights: the defaults until a program admin changes them. */
@ApplicationScoped
public class MatchingSettings {

    private final Caller caller;

    MatchingSettings(Caller caller) {
        this.caller = caller;
    }

    /** The weights in force, inside the caller's session. */
    public Uni<Weights> weightsOf(String tenant) {
        return TenantMatchingSettings.<TenantMatchingSettings>findById(tenant)
                .map(settings -> settings == null ? Weights.DEFAULT : settings.weights());
    }

    @WithSession
    public Uni<Weights> weights() {
        return weightsOf(caller.tenant());
    }

    @WithTransaction
    public Uni<Weights> change(java.util.Map<dev.mentoring.matching.domain.Criterion, Integer> weights) {
        Weights valid;
        try {
            valid = new Weights(weights);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("weights", e.getMessage());
        }
        String tenant = caller.tenant();
        return TenantMatchingSettings.<TenantMatchingSettings>findById(tenant).chain(existing -> {
            TenantMatchingSettings settings = existing != null ? existing : new TenantMatchingSettings();
            settings.tenant = tenant;
            settings.set(valid);
            settings.updatedAt = MyProfiles.now();
            return settings.persistAndFlush().replaceWith(valid);
        });
    }
}
