package dev.mentoring.plumbing.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent. Safe on any number of
 * instances: a transaction-scoped advisory lock lets one relay work at a time, so events of one
 * aggregate leave in the order they were written. Delivery is at least once (a crash after the send
 * and before the mark publishes a row again); consumers drop the repeat by the CloudEvent id.
 */
@ApplicationScoped
public class OutboxRelay {

    static final long LOCK_KEY = 0x6d656e746f72L; // "mentor"

    private final Pool pool;
    private final OutboxSender sender;
    private final OutboxConfig config;

    OutboxRelay(Pool pool, OutboxSender sender, OutboxConfig config) {
        this.pool = pool;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(identity = "outbox-relay", every = "${mentoring.outbox.relay-interval:1s}", 
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    Uni<Void> relayOnSchedule() {
        return relayPending().replaceWithVoid();
    }

    /** One relay pass; answers how many events were published. */
    public Uni<Integer> relayPending() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
                .chain(rows -> rows.iterator().next().getBoolean(0) ? publishBatch(connection) : Uni.createFrom().item(0)))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Outbox relay pass failed, will retry: %s", failure.getMessage());
                    return 0;
                });
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery("""
                select id, aggregatetype, aggregateid, payload::text from outbox_event
                where published_at is null order by seq limit $1""")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Uni<UUID>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        UUID id = row.getUUID(0);
                        sends.add(Uni.createFrom().deferred(() -> send(row))
                                .onFailure().recoverWithItem(failure -> {
                                    Log.warnf("Kafka refused outbox event %s, it stays pending: %s", id, failure.getMessage());
                                    return null;
                                }));
                    }
                    if (sends.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // sent in row order: the producer keeps that order per partition
                    return Uni.join().all(sends).andFailFast()
                            .map(results -> results.stream().filter(java.util.Objects::nonNull).toList())
                            .chain(sent -> markPublished(connection, sent));
                });
    }

    private Uni<UUID> send(Row row) {
        UUID id = row.getUUID(0);
        return sender.send(config.topicPrefix().orElse("") + row.getString(1), row.getString(2), row.getString(3))
                .replaceWith(id);
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<UUID> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                .execute(Tuple.of(sent.toArray(new UUID[0])))
                .map(result -> sent.size());
    }

    @Scheduled(identity = "outbox-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgePublished() {
        return pool.preparedQuery("delete from outbox_event where published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .replaceWithVoid();
    }

    /** Skips the relay on instances configured not to relay. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {

        private final OutboxConfig config;

        RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
