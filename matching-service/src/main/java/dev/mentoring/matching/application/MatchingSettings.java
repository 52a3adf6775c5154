package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.Weights;
import dev.mentoring.matching.persistence.TenantMatchingSettings;
import dev.mentoring.matching.persistence.TenantMatchingSettingsRepository;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The tenant's matching weights: the defaults until a program admin changes them. */
@ApplicationScoped
public class MatchingSettings {

    private final TenantMatchingSettingsRepository settings;
    private final Caller caller;
    private final Clock clock;

    MatchingSettings(TenantMatchingSettingsRepository settings, Caller caller, Clock clock) {
        this.settings = settings;
        this.caller = caller;
        this.clock = clock;
    }

    /** The weights in force, inside the caller's session. */
    public Uni<Weights> weightsOf(String tenant) {
        return settings.ofTenant(tenant).map(stored -> stored == null ? Weights.DEFAULT : stored.weights());
    }

    @WithSession
    public Uni<Weights> weights() {
        return weightsOf(caller.tenant());
    }

    /** Criteria left out weigh 0; weights out of range are a {@link dev.mentoring.matching.domain.RuleViolation} (422). */
    @WithTransaction
    public Uni<Weights> change(Map<Criterion, Integer> weights) {
        Weights valid = new Weights(weights);
        String tenant = caller.tenant();
        return settings.ofTenant(tenant).chain(existing -> {
            TenantMatchingSettings changed = existing != null ? existing : new TenantMatchingSettings();
            changed.tenant = tenant;
            changed.set(valid);
            changed.updatedAt = OffsetDateTime.now(clock);
            return settings.persistAndFlush(changed).replaceWith(valid);
        });
    }
}
