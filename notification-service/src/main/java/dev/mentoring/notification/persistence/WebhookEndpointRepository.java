package dev.mentoring.notification.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The tenants' webhook endpoints; another tenant's endpoint is not found. */
@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    public Uni<WebhookEndpoint> inTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /** The endpoint, its row locked until the transaction ends (a change and a delivery's outcome do not cross). */
    public Uni<WebhookEndpoint> lockedInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The tenant's endpoints after the given id (null: from the first), by id, up to {@code limit}. */
    public Uni<List<WebhookEndpoint>> page(String tenant, UUID after, int limit) {
        return (after == null ? find("tenant = ?1", Sort.by("id"), tenant) : find("tenant = ?1 and id > ?2", Sort.by("id"), tenant, after))
                .page(0, limit).list();
    }

    /** Every tenant's endpoints whose secrets are stored in the clear (written before they were sealed), locked. */
    public Uni<List<WebhookEndpoint>> withSecretsInTheClear() {
        return find("secret not like 'sealed:%' or (previousSecret is not null and previousSecret not like 'sealed:%')")
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * How many endpoints the tenant has, counted under a transaction-scoped lock of the tenant's registrations: two
     * registrations at once (on two instances) count one after the other, so the cap holds.
     */
    public Uni<Long> countInTenantLocked(String tenant) {
        return getSession().chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('webhook-endpoints:' || ?1, 0))")
                .setParameter(1, tenant).getSingleResult())
                .chain(() -> count("tenant = ?1", tenant));
    }

    /** A delivery to the endpoint succeeded: it is failing no more. */
    public Uni<Void> succeeded(UUID id) {
        return getSession().chain(session -> session.createNativeQuery(
                "update webhook_endpoint set failing_since = null where id = cast(?1 as uuid) and failing_since is not null")
                .setParameter(1, id).executeUpdate()).replaceWithVoid();
    }

    /**
     * An attempt to the endpoint failed: it is failing since then unless it was already. If it has been failing since
     * {@code disableBefore} or earlier and is on, it is turned off (reason FAILING); answers the endpoint so turned off,
     * or null. Single statements: an owner's change meanwhile is kept.
     */
    public Uni<WebhookEndpoint> failed(UUID id, OffsetDateTime at, OffsetDateTime disableBefore) {
        return getSession().chain(session -> session.createNativeQuery(
                "update webhook_endpoint set failing_since = cast(?2 as timestamptz) where id = cast(?1 as uuid) and failing_since is null")
                .setParameter(1, id).setParameter(2, at).executeUpdate()
                .chain(() -> session.createNativeQuery("""
                        update webhook_endpoint set enabled = false, disabled_reason = 'FAILING', disabled_at = cast(?2 as timestamptz),
                               updated_at = cast(?2 as timestamptz), version = version + 1
                        where id = cast(?1 as uuid) and enabled and failing_since <= cast(?3 as timestamptz)""")
                        .setParameter(1, id).setParameter(2, at).setParameter(3, disableBefore).executeUpdate())
                .chain(disabled -> disabled == 0 ? Uni.createFrom().nullItem() : session.find(WebhookEndpoint.class, id)));
    }
}
