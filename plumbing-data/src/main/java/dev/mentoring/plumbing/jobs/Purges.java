package dev.mentoring.plumbing.jobs;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mentoring.plumbing.outbox.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Removes the plumbing tables' rows past their retention: published outbox rows ({@code mentoring.outbox.retention},
 * 7 days), idempotency keys ({@code mentoring.idempotency.retention}, 1 day) and the inbox's handled-event ids
 * ({@code mentoring.inbox.retention}, 35 days: longer than the topics' 30 days, so that an event redelivered from
 * the oldest offset is still recognised).
 *
 * <p>Every instance runs every purge. Each deletes in batches of {@value #BATCH} rows it claims with
 * {@code FOR UPDATE SKIP LOCKED}, each batch its own short statement: two instances purging at the same moment share
 * the rows instead of waiting on each other's locks, every expired row is deleted by exactly one of them, and no
 * batch holds locks long enough to stall the writers. Rows deleted are counted in
 * {@code mentoring_purged_rows_total{table}}.
 */
@ApplicationScoped
public class Purges {

    static final int BATCH = 1000;

    private final Pool pool;
    private final MeterRegistry registry;
    private final Duration outboxRetention;
    private final Duration idempotencyRetention;
    private final Duration inboxRetention;

    Purges(Pool pool, MeterRegistry registry, OutboxConfig outbox,
            @ConfigProperty(name = "mentoring.idempotency.retention", defaultValue = "P1D") Duration idempotencyRetention,
            @ConfigProperty(name = "mentoring.inbox.retention", defaultValue = "P35D") Duration inboxRetention) {
        this.pool = pool;
        this.registry = registry;
        this.outboxRetention = outbox.retention();
        this.idempotencyRetention = idempotencyRetention;
        this.inboxRetention = inboxRetention;
    }

    @Scheduled(identity = "outbox-purge", every = "${mentoring.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOutbox() {
        return outbox().replaceWithVoid();
    }

    @Scheduled(identity = "idempotency-purge", every = "${mentoring.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeIdempotencyKeys() {
        return idempotencyKeys().replaceWithVoid();
    }

    @Scheduled(identity = "inbox-purge", every = "${mentoring.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeInbox() {
        return inbox().replaceWithVoid();
    }

    /** Deletes the published outbox rows past their retention; answers how many (waiting and parked rows stay). */
    public Uni<Long> outbox() {
        return purge("outbox_event", "published_at", outboxRetention);
    }

    /** Deletes the idempotency keys past their retention; answers how many. */
    public Uni<Long> idempotencyKeys() {
        return purge("idempotent_request", "created_at", idempotencyRetention);
    }

    /** Deletes the handled-event ids past their retention; answers how many. */
    public Uni<Long> inbox() {
        return purge("processed_event", "processed_at", inboxRetention);
    }

    /**
     * Deletes the rows of {@code table} whose {@code column} is older than the retention, batch by batch, as the purges
     * above do; a service purges a table of its own with it (its own {@code @Scheduled} job).
     */
    public Uni<Long> purge(String table, String column, Duration retention) {
        return purge(table, column, retention, "true");
    }

    /** {@link #purge(String, String, Duration)} of the rows that also meet {@code condition} (SQL of the table's columns). */
    public Uni<Long> purge(String table, String column, Duration retention, String condition) {
        String sql = "delete from " + table + " where ctid = any(array(select ctid from " + table + " where " + column
                + " < now() - make_interval(secs => $1) and (" + condition + ") limit $2 for update skip locked))";
        Counter deleted = Counter.builder("mentoring.purged.rows").tag("table", table)
                .description("Rows removed by the retention purges, by table").register(registry);
        return batches(sql, Tuple.of((double) retention.toSeconds(), BATCH), deleted, 0);
    }

    private Uni<Long> batches(String sql, Tuple arguments, Counter deleted, long sofar) {
        return pool.preparedQuery(sql).execute(arguments).flatMap(rows -> {
            deleted.increment(rows.rowCount());
            long total = sofar + rows.rowCount();
            return rows.rowCount() < BATCH ? Uni.createFrom().item(total) : batches(sql, arguments, deleted, total);
        });
    }
}
