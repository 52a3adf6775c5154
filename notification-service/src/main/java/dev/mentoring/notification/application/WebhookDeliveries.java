package dev.mentoring.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.WebhookEvents;
import dev.mentoring.notification.domain.WebhookRules;
import dev.mentoring.notification.events.WebhookSender.Outcome;
import dev.mentoring.notification.events.WebhookSettings;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository.Claimed;
import dev.mentoring.notification.persistence.WebhookEndpointRepository;
import dev.mentoring.plumbing.inbox.EventDispatch.RawEvent;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Webhook deliveries as they are made and as they end: each event read becomes a delivery to every enabled endpoint of
 * its tenant that asked for its type (in the consumer's transaction, once per event and endpoint); each attempt's
 * outcome is written in a transaction of its own: delivered, due again after the retry schedule's next wait, or failed
 * for good; an endpoint failing for longer than {@code mentoring.webhooks.disable-after} is turned off, and
 * {@code webhook.endpoint-disabled} published in the same transaction.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, WebhookSettings settings, Outbox outbox,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The event's deliveries. Their order key is the event's {@code partitionkey} (one partnership's events share it), so
     * that one partnership's events reach an endpoint in the order they were published.
     */
    @WithTransaction
    public Uni<Void> fanOut(ReceivedEvent event, RawEvent raw) {
        String key = raw.attribute("partitionkey") != null ? raw.attribute("partitionkey")
                : raw.attribute("subject") != null ? raw.attribute("subject") : event.id().toString();
        return deliveries.fanOut(event.tenant(), event.id(), event.type(), key.length() > 200 ? key.substring(0, 200) : key, raw.text(),
                OffsetDateTime.now(clock)).replaceWithVoid();
    }

    /** The outcome of one attempt of a claimed delivery (nothing, if its lease ran out and another instance has it now). */
    @WithTransaction
    public Uni<Void> attempted(Claimed claimed, java.util.UUID lease, OffsetDateTime at, Outcome outcome) {
        boolean delivered = outcome.delivered();
        Duration wait = delivered ? null : WebhookRules.retryAfter(settings.retrySchedule(), claimed.tries() + 1, ThreadLocalRandom.current());
        String state = delivered ? "DELIVERED" : wait == null ? "FAILED" : "PENDING";
        OffsetDateTime next = wait == null ? null : at.plus(wait);
        return deliveries.recordAttempt(claimed.id(), lease, state, at, next, outcome.status(), outcome.latencyMs(), outcome.error())
                .chain(endpointId -> {
                    if (endpointId == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (delivered) {
                        return endpoints.succeeded(endpointId);
                    }
                    return endpoints.failed(endpointId, at, at.minus(settings.disableAfter())).chain(disabled -> disabled == null
                            ? Uni.createFrom().voidItem()
                            : outbox.append(DomainEvent.of(disabled.tenant, WebhookEvents.ENDPOINT_DISABLED, new WebhookEvents.EndpointDisabled(
                                    disabled.id, "FAILING", disabled.failingSince, outcome.status(), at))).replaceWithVoid());
                });
    }
}
