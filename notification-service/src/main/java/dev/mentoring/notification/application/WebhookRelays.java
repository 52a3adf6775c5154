package dev.mentoring.notification.application;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mentoring.notification.domain.WebhookRules;
import dev.mentoring.notification.events.WebhookSender;
import dev.mentoring.notification.events.WebhookSender.Outcome;
import dev.mentoring.notification.events.WebhookSettings;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository.Claimed;
import dev.mentoring.plumbing.jobs.Purges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the webhook deliveries that are due, on every instance: each pass claims a batch with a lease (the oldest due
 * delivery of each endpoint and order key, at most {@code per-tenant} of one tenant), sends them side by side, and
 * writes each outcome as it comes ({@link WebhookDeliveries#attempted}); a full batch is followed by another pass at
 * once. A delivery whose instance dies keeps its lease until it runs out, then another instance sends it again (at least
 * once). Deliveries and their attempts are removed after {@code mentoring.webhooks.retention}.
 */
@ApplicationScoped
public class WebhookRelays {

    /** Sends one pass makes side by side. */
    static final int SIDE_BY_SIDE = 16;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookDeliveries outcomes;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Purges purges;
    private final Clock clock;
    private final MeterRegistry registry;
    private final WebhookSecrets secrets;
    private volatile boolean stopped;
    private volatile boolean sealed;

    WebhookRelays(WebhookDeliveryRepository deliveries, WebhookDeliveries outcomes, WebhookSender sender, WebhookSettings settings,
            WebhookSecrets secrets, Purges purges, Clock clock, MeterRegistry registry) {
        this.secrets = secrets;
        this.registry = registry;
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.sender = sender;
        this.settings = settings;
        this.purges = purges;
        this.clock = clock;
    }

    @Scheduled(identity = "webhook-relay", every = "${mentoring.webhooks.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayOnSchedule() {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        if (!sealed) { // secrets stored in the clear before the encryption came are sealed first, once per start
            return secrets.sealStoredInTheClear().invoke(count -> {
                sealed = true;
                if (count > 0) {
                    Log.infof("Sealed the signing secrets of %d webhook endpoints stored in the clear", count);
                }
            }).chain(() -> passes()).replaceWithVoid();
        }
        return passes().replaceWithVoid();
    }

    @Scheduled(identity = "webhook-purge", every = "${mentoring.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        // a delivery still to be sent (its endpoint off for longer than the retention) is kept
        return purges.purge("webhook_delivery", "created_at", settings.retention(), "state <> 'PENDING'").replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
    }

    /** Passes until one claims less than a full batch; answers how many deliveries were attempted. */
    public Uni<Integer> passes() {
        return pass().chain(sent -> sent >= settings.batch() && !stopped ? passes().map(more -> sent + more) : Uni.createFrom().item(sent));
    }

    /** One pass: claims what is due, sends it, writes the outcomes; answers how many were attempted. */
    public Uni<Integer> pass() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID lease = UUID.randomUUID();
        // long enough for the last of the batch's rounds of SIDE_BY_SIDE sends, each at most a lookup and the answer's time
        long rounds = (settings.batch() + SIDE_BY_SIDE - 1) / SIDE_BY_SIDE;
        OffsetDateTime leaseUntil = now.plus(settings.timeout().plusMillis(WebhookSender.LOOKUP_MILLIS).multipliedBy(rounds)).plusSeconds(30);
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        // each outcome's transaction runs on this pass's context, one after the other (they share its session storage)
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return deliveries.claim(now, settings.perTenant(), settings.batch(), lease, leaseUntil).chain(claimed -> claimed.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(this::send).merge(SIDE_BY_SIDE)
                        .emitOn(onContext)
                        .onItem().transformToUniAndConcatenate(sent -> outcomes.attempted(sent.claimed(), lease, sent.at(), sent.outcome())
                                .onFailure().invoke(failure -> Log.warnf("The outcome of webhook delivery %s was not written (%s); it is sent "
                                        + "again when its lease runs out", sent.claimed().id(), failure.toString()))
                                .onFailure().recoverWithNull())
                        .collect().with(java.util.stream.Collectors.counting())
                        .map(Long::intValue));
    }

    private record Sent(Claimed claimed, OffsetDateTime at, Outcome outcome) {
    }

    private Uni<Sent> send(Claimed delivery) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        long timestamp = at.toEpochSecond();
        List<String> secrets = new ArrayList<>();
        try {
            secrets.add(this.secrets.open(delivery.tenant(), delivery.endpointId(), delivery.secret()));
            if (delivery.previousSecret() != null && delivery.previousUntil() != null && delivery.previousUntil().isAfter(at)) {
                secrets.add(this.secrets.open(delivery.tenant(), delivery.endpointId(), delivery.previousSecret()));
            }
        } catch (IllegalStateException unopened) {
            // a key taken out of mentoring.webhooks.secret-keys too soon: this delivery fails (and is tried again), the others go on
            Log.errorf("The signing secret of webhook endpoint %s does not open: %s", delivery.endpointId(), unopened.getMessage());
            return Uni.createFrom().item(new Sent(delivery, at, new Outcome(null, 0, "the endpoint's signing secret cannot be opened here")));
        }
        String messageId = delivery.eventId().toString();
        String signature = WebhookRules.signature(messageId, timestamp, delivery.body(), secrets);
        return sender.send(URI.create(delivery.url()), messageId, timestamp, signature, delivery.body())
                .invoke(this::count)
                .map(outcome -> new Sent(delivery, at, outcome));
    }

    /** mentoring_webhook_attempts_total{outcome} and the receivers' answer times (mentoring_webhook_latency_seconds). */
    private void count(Outcome outcome) {
        Counter.builder("mentoring.webhook.attempts").tag("outcome", outcome.delivered() ? "delivered" : outcome.status() == null ? "no-answer" : "refused")
                .description("Webhook delivery attempts, by outcome: delivered (2xx), refused (another status), no-answer").register(registry)
                .increment();
        Timer.builder("mentoring.webhook.latency").description("How long receivers took to answer a webhook delivery").register(registry)
                .record(java.time.Duration.ofMillis(outcome.latencyMs()));
    }
}
