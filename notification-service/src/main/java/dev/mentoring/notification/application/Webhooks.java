package dev.mentoring.notification.application;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mentoring.notification.domain.WebhookRules;
import dev.mentoring.notification.events.WebhookSender;
import dev.mentoring.notification.events.WebhookSettings;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository.AttemptRow;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository.DeliveryRow;
import dev.mentoring.notification.persistence.WebhookEndpoint;
import dev.mentoring.notification.persistence.WebhookEndpointRepository;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.deployment.ProductionGuard;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * A tenant's webhook endpoints, as its integration clients and program admins manage them: register (the signing secret
 * is shown once), list, read, change (URL, event types, description, on or off: turning an endpoint on again after it
 * was turned off for failing), rotate the secret, delete; and each endpoint's delivery log, with redelivery. Another
 * tenant's endpoint or delivery is 404, as one that does not exist.
 */
@ApplicationScoped
public class Webhooks {

    /** What an endpoint's owner asks for. */
    public record Change(String url, List<String> eventTypes, String description, Boolean enabled) {
    }

    /** A registered endpoint and its secret, which is shown only now. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    /** A new secret, and until when the one before still signs beside it. */
    public record Rotated(WebhookEndpoint endpoint, String secret, OffsetDateTime previousSecretValidUntil) {
    }

    /** A delivery and its attempts, newest first. */
    public record DeliveryDetail(DeliveryRow delivery, List<AttemptRow> attempts) {
    }

    /** How many attempts a delivery's detail shows at most. */
    static final int ATTEMPTS_SHOWN = 50;

    private final Caller caller;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final WebhookSecrets secrets;
    private final Clock clock;

    Webhooks(Caller caller, WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, WebhookSender sender,
            WebhookSettings settings, WebhookSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.caller = caller;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Webhooks go over https only in production: a production run that allows http refuses to start. */
    void refuseHttpInProduction(@Observes StartupEvent started) {
        refuseHttp(settings.allowHttp(), ProductionGuard.demoRun());
    }

    static void refuseHttp(boolean allowHttp, boolean demoRun) {
        if (allowHttp && !demoRun) {
            throw new IllegalStateException("refusing to start in production with mentoring.webhooks.allow-http=true: webhooks "
                    + "carry the tenants' events and go over https only (http is for a local receiver, QUARKUS_PROFILE=local)");
        }
    }

    /** The event types an endpoint may ask for. */
    public List<String> eventTypes() {
        return WebhookRules.eventTypes();
    }

    /** Registers an endpoint, on unless asked otherwise. 409 when the tenant has its most endpoints already. */
    public Uni<Registered> register(Change change) {
        String tenant = caller.tenant();
        // an integration client is named by its client id, a person by their subject
        String owner = caller.hasRole("integration") ? caller.client().orElse(caller.subject()) : caller.subject();
        URI url = WebhookRules.url(change.url(), settings.allowHttp());
        List<String> types = WebhookRules.eventTypes(change.eventTypes());
        String description = WebhookRules.description(change.description());
        return checked(url).chain(() -> store(tenant, owner, url, types, description, change.enabled() == null || change.enabled()));
    }

    @WithTransaction
    Uni<Registered> store(String tenant, String owner, URI url, List<String> types, String description, boolean enabled) {
        return endpoints.countInTenantLocked(tenant).chain(count -> {
            if (count >= settings.maxEndpoints()) {
                return Uni.createFrom().failure(new Conflict("The tenant has " + count + " webhook endpoints, the most it may have: delete one first"));
            }
            OffsetDateTime now = now();
            WebhookEndpoint endpoint = new WebhookEndpoint();
            endpoint.id = UUID.randomUUID();
            endpoint.tenant = tenant;
            endpoint.url = url.toString();
            endpoint.eventTypes = String.join(",", types);
            endpoint.description = description;
            String secret = WebhookRules.newSecret();
            endpoint.secret = secrets.seal(tenant, endpoint.id, secret);
            endpoint.enabled = enabled;
            endpoint.disabledReason = enabled ? null : "BY_OWNER";
            endpoint.disabledAt = enabled ? null : now;
            endpoint.createdBy = owner;
            endpoint.createdAt = now;
            endpoint.updatedAt = now;
            endpoint.version = 1;
            return endpoints.persist(endpoint).map(saved -> new Registered(saved, secret));
        });
    }

    @WithSession
    public Uni<Page<WebhookEndpoint>> list(PageRequest page) {
        String tenant = caller.tenant();
        return endpoints.page(tenant, page.afterId(), page.limit() + 1)
                .map(rows -> page.page(rows, endpoint -> endpoint.id.toString(), endpoint -> endpoint));
    }

    @WithSession
    public Uni<WebhookEndpoint> one(UUID id) {
        String tenant = caller.tenant();
        return found(endpoints.inTenant(tenant, id), id);
    }

    /**
     * Changes the endpoint as asked (a field left out stays as it is); If-Match, when sent, must name its latest version.
     * Turning it on again forgets its failures; a new URL does too.
     */
    public Uni<WebhookEndpoint> change(UUID id, Change change, String ifMatch) {
        String tenant = caller.tenant();
        URI url = change.url() == null ? null : WebhookRules.url(change.url(), settings.allowHttp());
        List<String> types = change.eventTypes() == null ? null : WebhookRules.eventTypes(change.eventTypes());
        String description = WebhookRules.description(change.description());
        return (url == null ? Uni.createFrom().voidItem() : checked(url))
                .chain(() -> apply(tenant, id, url, types, description, change.enabled(), change.description() != null, ifMatch));
    }

    @WithTransaction
    Uni<WebhookEndpoint> apply(String tenant, UUID id, URI url, List<String> types, String description, Boolean enabled,
            boolean describe, String ifMatch) {
        return found(endpoints.lockedInTenant(tenant, id), id).map(endpoint -> {
            EntityTags.check(ifMatch, endpoint.version, false, "the webhook endpoint");
            OffsetDateTime now = now();
            if (url != null && !url.toString().equals(endpoint.url)) {
                endpoint.url = url.toString();
                endpoint.failingSince = null;
            }
            if (types != null) {
                endpoint.eventTypes = String.join(",", types);
            }
            if (describe) {
                endpoint.description = description;
            }
            if (enabled != null && enabled != endpoint.enabled) {
                endpoint.enabled = enabled;
                endpoint.disabledReason = enabled ? null : "BY_OWNER";
                endpoint.disabledAt = enabled ? null : now;
                if (enabled) {
                    endpoint.failingSince = null;
                }
            }
            endpoint.updatedAt = now;
            endpoint.version++;
            return endpoint;
        });
    }

    /** A new signing secret, shown now; the one before keeps signing beside it for {@link WebhookRules#ROTATION_OVERLAP}. */
    @WithTransaction
    public Uni<Rotated> rotateSecret(UUID id) {
        String tenant = caller.tenant();
        return found(endpoints.lockedInTenant(tenant, id), id).map(endpoint -> {
            OffsetDateTime now = now();
            String secret = WebhookRules.newSecret();
            endpoint.previousSecret = endpoint.secret;
            endpoint.previousUntil = now.plus(WebhookRules.ROTATION_OVERLAP);
            endpoint.secret = secrets.seal(tenant, endpoint.id, secret);
            endpoint.updatedAt = now;
            endpoint.version++;
            return new Rotated(endpoint, secret, endpoint.previousUntil);
        });
    }

    /** Deletes the endpoint and its delivery log; deliveries not yet made are not made. */
    @WithTransaction
    public Uni<Void> delete(UUID id) {
        String tenant = caller.tenant();
        return found(endpoints.lockedInTenant(tenant, id), id).chain(endpoint -> endpoints.delete(endpoint));
    }

    /** The endpoint's deliveries, newest first, optionally in one state (PENDING, DELIVERED, FAILED). */
    @WithSession
    public Uni<Page<DeliveryRow>> deliveries(UUID id, String state, PageRequest page) {
        String tenant = caller.tenant();
        if (state != null && !List.of("PENDING", "DELIVERED", "FAILED").contains(state)) {
            return Uni.createFrom().failure(ProblemException.badRequest("state", "must be PENDING, DELIVERED or FAILED"));
        }
        Long before;
        try {
            before = page.after() == null ? null : Long.valueOf(page.after());
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(ProblemException.badRequest("cursor", "is not a cursor this API gave out"));
        }
        return found(endpoints.inTenant(tenant, id), id)
                .chain(endpoint -> deliveries.log(tenant, id, state, before, page.limit() + 1))
                .map(rows -> page.page(rows, row -> Long.toString(row.seq()), row -> row));
    }

    /** One delivery of the endpoint, with its attempts. */
    public Uni<DeliveryDetail> delivery(UUID id, UUID deliveryId) {
        String tenant = caller.tenant();
        return deliveries.one(tenant, id, deliveryId).chain(row -> row == null
                ? Uni.createFrom().failure(ProblemException.notFound("Webhook delivery", deliveryId))
                : deliveries.attempts(deliveryId, ATTEMPTS_SHOWN).map(attempts -> new DeliveryDetail(row, attempts)));
    }

    /**
     * Sends a delivery again (a delivered one too: the receiver gets the same webhook-id), at once and with the whole retry
     * schedule; it keeps its place in its key's order. 409 while its endpoint is off or while it is being sent.
     */
    public Uni<DeliveryRow> redeliver(UUID id, UUID deliveryId) {
        String tenant = caller.tenant();
        return requeue(tenant, id, deliveryId).chain(() -> deliveries.one(tenant, id, deliveryId));
    }

    @WithTransaction
    Uni<Void> requeue(String tenant, UUID id, UUID deliveryId) {
        return found(endpoints.inTenant(tenant, id), id).chain(endpoint -> {
            if (!endpoint.enabled) {
                return Uni.createFrom().failure(new Conflict("The webhook endpoint is off: turn it on (enabled true) to send again"));
            }
            return deliveries.requeue(tenant, id, deliveryId, now()).chain(queued -> queued ? Uni.createFrom().voidItem()
                    : deliveries.one(tenant, id, deliveryId).chain(row -> Uni.createFrom().failure(row == null
                            ? ProblemException.notFound("Webhook delivery", deliveryId)
                            : new Conflict("The delivery is being sent now: ask again when its attempt is in the log"))));
        });
    }

    /** The URL's host must not resolve to a refused address (checked again at each delivery). */
    private Uni<Void> checked(URI url) {
        return sender.refusal(url).chain(refused -> refused.isPresent()
                ? Uni.createFrom().failure(new RuleViolation("url", refused.get()))
                : Uni.createFrom().voidItem());
    }

    private static <T> Uni<T> found(Uni<T> lookup, UUID id) {
        return lookup.onItem().ifNull().failWith(() -> ProblemException.notFound("Webhook endpoint", id));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
