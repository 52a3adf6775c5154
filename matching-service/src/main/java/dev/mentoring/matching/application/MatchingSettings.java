package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.MenteeLimits;
import dev.mentoring.matching.domain.Weights;
import dev.mentoring.matching.persistence.TenantMatchingSettings;
import dev.mentoring.matching.persistence.TenantMatchingSettingsRepository;
import dev.mentoring.matching.persistence.TenantPartnershipSettings;
import dev.mentoring.matching.persistence.TenantPartnershipSettingsRepository;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The tenant's matching settings, in two parts a program admin changes each on its own: the weight of each criterion
 * of the match score, and the partnership limits (open requests and running partnerships per mentee). Each part is
 * the defaults (version 0) until changed; every change raises its version, which is its ETag: an edit's If-Match is
 * optional, and a stale one is refused (412) under the row's lock.
 */
@ApplicationScoped
public class MatchingSettings {

    /** One part of the settings and its version. */
    public record Versioned<T>(T value, long version) {
    }

    /** Both parts, as they are in force. */
    public record All(Versioned<Weights> weights, Versioned<MenteeLimits> partnershipLimits) {
    }

    private final TenantMatchingSettingsRepository weights;
    private final TenantPartnershipSettingsRepository limits;
    private final Caller caller;
    private final Clock clock;

    MatchingSettings(TenantMatchingSettingsRepository weights, TenantPartnershipSettingsRepository limits, Caller caller,
            Clock clock) {
        this.weights = weights;
        this.limits = limits;
        this.caller = caller;
        this.clock = clock;
    }

    /** The weights in force, inside the caller's session. */
    public Uni<Weights> weightsOf(String tenant) {
        return versionedWeights(tenant).map(Versioned::value);
    }

    /** The partnership limits in force, inside the caller's session: the tenant's, or the defaults. */
    public Uni<MenteeLimits> limitsOf(String tenant) {
        return versionedLimits(tenant).map(Versioned::value);
    }

    @WithSession
    public Uni<All> all() {
        String tenant = caller.tenant();
        return versionedWeights(tenant).chain(w -> versionedLimits(tenant).map(l -> new All(w, l)));
    }

    @WithSession
    public Uni<Versioned<Weights>> weights() {
        return versionedWeights(caller.tenant());
    }

    @WithSession
    public Uni<Versioned<MenteeLimits>> limits() {
        return versionedLimits(caller.tenant());
    }

    /**
     * Criteria left out weigh 0; weights out of range are a {@link dev.mentoring.matching.domain.RuleViolation} (422).
     * {@code ifMatch}, when sent, must name the weights' current version (412 otherwise).
     */
    @WithTransaction
    public Uni<Versioned<Weights>> changeWeights(Map<Criterion, Integer> change, String ifMatch) {
        Weights valid = new Weights(change);
        String tenant = caller.tenant();
        return weights.lockedOfTenant(tenant).chain(existing -> {
            EntityTags.check(ifMatch, existing == null ? 0 : existing.version, false, "the weights");
            if (existing != null && existing.weights().equals(valid)) {
                return Uni.createFrom().item(new Versioned<>(valid, existing.version));
            }
            TenantMatchingSettings changed = existing != null ? existing : new TenantMatchingSettings();
            changed.tenant = tenant;
            changed.set(valid);
            changed.version = existing == null ? 1 : existing.version + 1;
            changed.updatedAt = OffsetDateTime.now(clock);
            return weights.persistAndFlush(changed).replaceWith(new Versioned<>(valid, changed.version));
        });
    }

    /** Each limit 1-10 (a {@link dev.mentoring.matching.domain.RuleViolation} otherwise); {@code ifMatch} as for the weights. */
    @WithTransaction
    public Uni<Versioned<MenteeLimits>> changeLimits(MenteeLimits change, String ifMatch) {
        String tenant = caller.tenant();
        return limits.lockedOfTenant(tenant).chain(existing -> {
            EntityTags.check(ifMatch, existing == null ? 0 : existing.version, false, "the partnership limits");
            if (existing != null && existing.limits().equals(change)) {
                return Uni.createFrom().item(new Versioned<>(change, existing.version));
            }
            TenantPartnershipSettings changed = existing != null ? existing : new TenantPartnershipSettings();
            changed.tenant = tenant;
            changed.set(change);
            changed.version = existing == null ? 1 : existing.version + 1;
            changed.updatedAt = OffsetDateTime.now(clock);
            return limits.persistAndFlush(changed).replaceWith(new Versioned<>(change, changed.version));
        });
    }

    private Uni<Versioned<Weights>> versionedWeights(String tenant) {
        return weights.ofTenant(tenant)
                .map(stored -> stored == null ? new Versioned<>(Weights.DEFAULT, 0) : new Versioned<>(stored.weights(), stored.version));
    }

    private Uni<Versioned<MenteeLimits>> versionedLimits(String tenant) {
        return limits.ofTenant(tenant)
                .map(stored -> stored == null ? new Versioned<>(MenteeLimits.DEFAULT, 0) : new Versioned<>(stored.limits(), stored.version));
    }
}
