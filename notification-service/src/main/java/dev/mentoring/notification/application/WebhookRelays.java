package dev.mentoring.notification.application;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends the webhook deliveries that are due, on every instance, keeping up to {@code batch} sends in flight: each tick
 * (and each finished send, while there is more to do) claims as many due deliveries as there are free places, with a
 * lease (the oldest due delivery of each endpoint and order key; a tenant has at most {@code per-tenant} in flight on
 * the whole platform, so one tenant's backlog does not crowd the others out), and starts sending them; each outcome is
 * written as it comes ({@link WebhookDeliveries#attempted}), in a context of its own. A slow receiver holds only its
 * own place. A delivery whose instance dies keeps its lease until it runs out, then another instance sends it again
 * (at least once). Deliveries and their attempts are removed after {@code mentoring.webhooks.retention}.
 */
@ApplicationScoped
public class WebhookRelays {

    private final WebhookDeliveryRepository deliveries;
    private final WebhookDeliveries outcomes;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final WebhookSecrets secrets;
    private final Purges purges;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Vertx vertx;
    /** Places taken: sends in flight, and places reserved by a claim under way. */
    private final AtomicInteger taken = new AtomicInteger();
    /** Whether a claim is under way (one at a time per instance). */
    private final java.util.concurrent.atomic.AtomicBoolean claiming = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean sealed;
    /** Whether the last claim filled every place it asked for (then a finished send claims again at once). */
    private volatile boolean more;

    WebhookRelays(WebhookDeliveryRepository deliveries, WebhookDeliveries outcomes, WebhookSender sender, WebhookSettings settings,
            WebhookSecrets secrets, Purges purges, Clock clock, MeterRegistry registry, Vertx vertx) {
        this.secrets = secrets;
        this.registry = registry;
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.sender = sender;
        this.settings = settings;
        this.purges = purges;
        this.clock = clock;
        this.vertx = vertx;
        Gauge.builder("mentoring.webhook.in.flight", taken, AtomicInteger::get)
                .description("Webhook deliveries this instance is sending now").register(registry);
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
            }).chain(() -> fill()).replaceWithVoid();
        }
        return fill().replaceWithVoid();
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

    /** Claims due deliveries for the free places and starts sending them; answers how many it started. */
    public Uni<Integer> fill() {
        if (!claiming.compareAndSet(false, true)) {
            return Uni.createFrom().item(0); // one claim at a time per instance; the one under way takes the free places
        }
        int free = reserve();
        if (free == 0) {
            claiming.set(false);
            return Uni.createFrom().item(0);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID lease = UUID.randomUUID();
        // long enough for one send (the lookup and the answer's time) and for its outcome to wait for a connection and be written
        OffsetDateTime leaseUntil = now.plus(settings.timeout().plusMillis(WebhookSender.LOOKUP_MILLIS)).plusSeconds(60);
        return Uni.createFrom().deferred(() -> deliveries.claim(now, settings.perTenant(), free, lease, leaseUntil))
                .onFailure().invoke(() -> taken.addAndGet(-free))
                .map(claimed -> {
                    taken.addAndGet(claimed.size() - free); // the places reserved and not used are free again
                    more = claimed.size() == free;
                    // a claim that came back after the instance began to stop starts nothing: the leases run out and
                    // another instance sends those deliveries
                    for (Claimed delivery : claimed) {
                        if (stopped) {
                            taken.decrementAndGet();
                        } else {
                            start(delivery, lease);
                        }
                    }
                    return claimed.size();
                })
                .onTermination().invoke(() -> claiming.set(false));
    }

    /** Takes all free places (none while stopping); answers how many. */
    private int reserve() {
        while (!stopped) {
            int now = taken.get();
            int free = settings.batch() - now;
            if (free <= 0) {
                return 0;
            }
            if (taken.compareAndSet(now, now + free)) {
                return free;
            }
        }
        return 0;
    }

    /**
     * Sends one claimed delivery and writes its outcome, on a context of its own (each outcome's transaction has its own
     * session); its place is freed when the outcome is written, whatever happened, and then, when there was more to
     * claim and a quarter of the places are free, more is claimed at once.
     */
    private void start(Claimed delivery, UUID lease) {
        Context own = isolated();
        own.runOnContext(ignored -> Uni.createFrom().deferred(() -> send(delivery))
                // a delivery that cannot even be tried (a secret or URL that does not parse) is a failed attempt, logged as one
                .onFailure().recoverWithItem(failure -> new Sent(delivery, OffsetDateTime.now(clock),
                        new Outcome(null, 0, "the delivery could not be made (" + failure.getClass().getSimpleName() + ")")))
                .emitOn(task -> own.runOnContext(again -> task.run()))
                .chain(sent -> outcomes.attempted(sent.claimed(), lease, sent.at(), sent.outcome()))
                .onFailure().invoke(failure -> Log.warnf("The outcome of webhook delivery %s was not written (%s); it is sent "
                        + "again when its lease runs out", delivery.id(), failure.toString()))
                .onFailure().recoverWithNull()
                .onTermination().invoke(() -> taken.decrementAndGet())
                .subscribe().with(done -> {
                    if (more && !stopped && settings.batch() - taken.get() >= Math.max(1, settings.batch() / 4)) {
                        Context next = isolated();
                        next.runOnContext(go -> fill().subscribe().with(started -> { }, failure -> Log.warnf(
                                "Claiming webhook deliveries failed (%s); the next tick tries again", failure.toString())));
                    }
                }));
    }

    /** A context of its own, flagged safe for a Hibernate Reactive session of its own. */
    private Context isolated() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
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
