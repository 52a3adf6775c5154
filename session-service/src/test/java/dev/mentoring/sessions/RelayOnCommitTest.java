package dev.mentoring.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.outbox.OutboxNotifications;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay wakes when a transaction with outbox rows commits (LISTEN/NOTIFY), not when its poll ticks: here the poll
 * runs once an hour, so only the notification can publish a row within seconds. A row rolled back notifies nothing, and
 * a listening connection that the database ends is replaced.
 */
@QuarkusTest
@TestProfile(RelayOnCommitTest.HourlyPoll.class)
class RelayOnCommitTest {

    /** The poll as good as off. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mentoring.outbox.relay-interval", "1h");
        }
    }

    private static final String TOPIC = "mentoring.relay-check.v1";
    private static final Duration ARRIVES = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    OutboxNotifications notifications;

    private UUID commit(boolean rollBack) {
        UUID marker = UUID.randomUUID();
        var insert = pool.withTransaction(connection -> connection.preparedQuery("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at)
                values ($1, $2, $3, 'relay.check', cast($4 as jsonb), 'acme', now())""")
                .execute(Tuple.of(UUID.randomUUID(), TOPIC, marker.toString(), "{\"marker\":\"" + marker + "\"}"))
                .chain(rows -> rollBack ? io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("rolled back"))
                        : io.smallrye.mutiny.Uni.createFrom().item(rows)));
        if (rollBack) {
            insert.onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(5));
        } else {
            insert.await().atMost(Duration.ofSeconds(5));
        }
        return marker;
    }

    private static boolean carries(ConsumerRecord<String, String> record, UUID marker) {
        return record.value().contains(marker.toString());
    }

    @Test
    void aCommittedRowIsPublishedAtOnceAndARolledBackOneNever() {
        await().atMost(Duration.ofSeconds(10)).until(notifications::listening);
        try (TopicReader reader = new TopicReader("test." + TOPIC)) {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                UUID marker = commit(false);
                assertThat(reader.await(r -> carries(r, marker), ARRIVES)).as("published on commit, the poll being hourly").isNotNull();
                System.out.printf("[relay] commit to the record read back: %.1f ms%n", (System.nanoTime() - started) / 1e6);
            }
            UUID rolledBack = commit(true);
            UUID after = commit(false);
            assertThat(reader.await(r -> carries(r, after), ARRIVES)).isNotNull();
            assertThat(reader.seen()).noneMatch(r -> carries(r, rolledBack));
        }
    }

    private java.util.List<Integer> listeners() {
        return pool.query("""
                select pid from pg_stat_activity
                where datname = current_database() and query = 'listen outbox_event' and pid <> pg_backend_pid()""")
                .execute().await().atMost(Duration.ofSeconds(5)).stream().map(row -> row.getInteger(0)).toList();
    }

    @Test
    void aListeningConnectionTheDatabaseEndsIsReplaced() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !listeners().isEmpty());
        var before = listeners();
        pool.preparedQuery("select pg_terminate_backend(pid) from unnest($1::int[]) pid")
                .execute(Tuple.of(before.toArray(new Integer[0]))).await().atMost(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(15)).until(() -> listeners().stream().anyMatch(pid -> !before.contains(pid)));
        try (TopicReader reader = new TopicReader("test." + TOPIC)) {
            UUID marker = commit(false);
            assertThat(reader.await(r -> carries(r, marker), ARRIVES)).as("published on commit after listening again").isNotNull();
        }
    }
}
