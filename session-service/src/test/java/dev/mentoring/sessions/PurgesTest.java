package dev.mentoring.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.jobs.Purges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The retention purges against the real database: three purges of one table started at the same moment (as three
 * instances would) share the expired rows and delete each once, in batches, and leave the rows within their retention
 * and the outbox rows never published.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PurgesTest {

    private static final int EXPIRED = 4_500;

    @Inject
    Pool pool;

    @Inject
    Purges purges;

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }

    private void run(String sql) {
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(60));
    }

    @AfterEach
    void cleanUp() {
        run("delete from outbox_event where aggregatetype = 'purge-check'");
    }

    @Test
    void concurrentPurgesDeleteEachExpiredRowOnceAndKeepTheRest() {
        run("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, published_at)
                  select gen_random_uuid(), 'purge-check', 'expired-' || g, 'purge.check', '{}', 'purge-check',
                         now() - interval '30 days', now() - interval '30 days' from generate_series(1, %d) g""".formatted(EXPIRED));
        run("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, published_at)
                  select gen_random_uuid(), 'purge-check', 'kept-' || g, 'purge.check', '{}', 'purge-check',
                         now() - interval '6 days', now() - interval '6 days' from generate_series(1, 50) g""");
        run("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, parked_at, attempts)
                  select gen_random_uuid(), 'purge-check', 'parked-' || g, 'purge.check', '{}', 'purge-check',
                         now() - interval '30 days', now() - interval '30 days', 10 from generate_series(1, 5) g""");
        long expiredBefore = count("select count(*) from outbox_event where published_at < now() - interval '7 days'");
        assertThat(expiredBefore).isGreaterThanOrEqualTo(EXPIRED);

        List<Long> deleted = Uni.join().all(purges.outbox(), purges.outbox(), purges.outbox()).andFailFast()
                .await().atMost(Duration.ofSeconds(60));

        System.out.printf("[purges] %d expired outbox rows, deleted by three concurrent purges: %s%n", expiredBefore, deleted);
        assertThat(deleted.stream().mapToLong(Long::longValue).sum()).as("rows deleted by the three purges together, %s", deleted)
                .isEqualTo(expiredBefore);
        assertThat(count("select count(*) from outbox_event where published_at < now() - interval '7 days'")).isZero();
        assertThat(count("select count(*) from outbox_event where aggregateid like 'kept-%' and aggregatetype = 'purge-check'")).isEqualTo(50);
        assertThat(count("select count(*) from outbox_event where aggregateid like 'parked-%' and aggregatetype = 'purge-check'")).isEqualTo(5);
        // nothing left to do: a purge with no expired rows deletes nothing
        assertThat(purges.outbox().await().atMost(Duration.ofSeconds(30))).isZero();
    }

    @Test
    void idempotencyKeysAndHandledEventsArePurgedAfterTheirOwnRetentions() {
        run("""
                insert into idempotent_request (tenant, caller, idempotency_key, fingerprint, status, created_at) values
                  ('purge-check', 'someone', 'old', repeat('0', 64), 201, now() - interval '25 hours'),
                  ('purge-check', 'someone', 'new', repeat('0', 64), 201, now() - interval '23 hours')""");
        run("""
                insert into processed_event (consumer, event_id, processed_at) values
                  ('purge-check', gen_random_uuid(), now() - interval '36 days'),
                  ('purge-check', gen_random_uuid(), now() - interval '34 days')""");
        try {
            Uni.join().all(purges.idempotencyKeys(), purges.idempotencyKeys()).andFailFast().await().atMost(Duration.ofSeconds(30));
            Uni.join().all(purges.inbox(), purges.inbox()).andFailFast().await().atMost(Duration.ofSeconds(30));
            assertThat(pool.query("select idempotency_key from idempotent_request where tenant = 'purge-check'").execute()
                    .await().atMost(Duration.ofSeconds(30)).stream().map((Row row) -> row.getString(0)).toList()).containsExactly("new");
            assertThat(count("select count(*) from processed_event where consumer = 'purge-check'")).isEqualTo(1);
        } finally {
            run("delete from idempotent_request where tenant = 'purge-check'");
            run("delete from processed_event where consumer = 'purge-check'");
        }
    }
}
