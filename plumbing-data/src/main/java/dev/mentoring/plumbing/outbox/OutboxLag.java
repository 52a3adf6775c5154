package dev.mentoring.plumbing.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * How far the relay is behind, as gauges: the age of the oldest row waiting to be published, how many rows wait, and
 * how many are parked. One cheap query (three lookups on the outbox's partial indexes) every
 * {@code mentoring.outbox.lag-interval} (15 s) refreshes them, so a scrape never touches the database. Every instance
 * reports the same database-wide figures (alerts take the maximum per service). An instance that does not relay
 * (Debezium reads the outbox instead, which never marks rows published) reports nothing: its lag is Debezium's.
 */
@ApplicationScoped
@Startup
public class OutboxLag {

    static final String OLDEST_PENDING_AGE = "mentoring.outbox.oldest.pending.age";
    static final String PENDING = "mentoring.outbox.pending.rows";
    static final String PARKED = "mentoring.outbox.parked.rows";

    private final Pool pool;
    private final Clock clock;
    private final boolean relaying;
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    OutboxLag(Pool pool, Clock clock, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        this.relaying = config.relayEnabled();
        if (relaying) {
            Gauge.builder(OLDEST_PENDING_AGE, oldestPendingAgeMillis, millis -> millis.get() / 1000.0).baseUnit("seconds")
                    .description("Age of the oldest outbox row not yet published (0 when none waits; parked rows excluded)")
                    .register(registry);
            Gauge.builder(PENDING, pending, AtomicLong::get)
                    .description("Outbox rows waiting to be published (parked rows excluded)").register(registry);
            Gauge.builder(PARKED, parked, AtomicLong::get)
                    .description("Outbox rows parked: the broker would not take them; an operator must act").register(registry);
        }
    }

    @Scheduled(identity = "outbox-lag", every = "${mentoring.outbox.lag-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshOnSchedule() {
        return relaying ? refresh() : Uni.createFrom().voidItem();
    }

    /** Reads the figures now (the schedule does this; tests may too). */
    public Uni<Void> refresh() {
        return pool.query("""
                select (select occurred_at from outbox_event where published_at is null and parked_at is null order by seq limit 1),
                       (select count(*) from outbox_event where published_at is null and parked_at is null),
                       (select count(*) from outbox_event where parked_at is not null and published_at is null)""")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime oldest = row.getOffsetDateTime(0);
                    oldestPendingAgeMillis.set(oldest == null ? 0
                            : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis()));
                    pending.set(row.getLong(1));
                    parked.set(row.getLong(2));
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    // the figures stay as they were; the database being away shows in readiness and in the relay's failures
                    Log.debugf("Outbox lag not read: %s", failure.getMessage());
                    return null;
                });
    }
}
