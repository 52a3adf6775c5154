package dev.mentoring.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay against the real database and broker: a row only counts as published once Kafka acknowledged it, a row
 * that waits for its next attempt holds the later rows of its key back (and no other key), and a record the broker
 * refuses (too large) is parked with its error so that the rows behind it go on. Every published record names its publish
 * span (traceparent in the CloudEvent and as a header), a new trace when the row was written outside any.
 */
@QuarkusTest
class OutboxRelayTest {

    /** A topic of its own, so that no consumer of the platform reads these rows. */
    private static final String TOPIC = "mentoring.relay-check.v1";

    @Inject
    Pool pool;

    private UUID row(String key, String payload, boolean waiting) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, attempts, next_attempt_at)
                values ($1, $2, $3, 'relay.check', cast($4 as jsonb), 'acme', now(), $5, case when $6 then now() + interval '1 hour' end)""")
                .execute(Tuple.of(id, TOPIC, key, payload).addValue(waiting ? 1 : 0).addValue(waiting))
                .await().indefinitely();
        return id;
    }

    private static String payload(UUID marker) {
        return "{\"marker\":\"" + marker + "\"}";
    }

    private Row state(UUID id) {
        return pool.preparedQuery("select published_at, parked_at, attempts, last_error from outbox_event where id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next();
    }

    private static boolean carries(ConsumerRecord<String, String> record, UUID marker) {
        return record.value().contains(marker.toString());
    }

    @Test
    void aRowWaitingForItsNextAttemptHoldsBackItsKeyOnly() {
        try (TopicReader reader = new TopicReader("test." + TOPIC)) {
            String key = UUID.randomUUID().toString();
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            UUID waiting = row(key, payload(first), true);
            UUID behind = row(key, payload(second), false);
            UUID elsewhere = row(UUID.randomUUID().toString(), payload(other), false);

            assertThat(reader.await(r -> carries(r, other), Duration.ofSeconds(30))).as("another key goes on").isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> state(elsewhere).getValue(0) != null);
            // several relay passes later, the row behind the waiting one is still held back
            assertThat(reader.await(r -> carries(r, second), Duration.ofSeconds(3))).isNull();
            assertThat(state(behind).getValue(0)).isNull();
            assertThat(state(waiting).getValue(0)).isNull();

            // its time has come: both leave, in their order
            pool.preparedQuery("update outbox_event set next_attempt_at = now() - interval '1 second' where id = $1")
                    .execute(Tuple.of(waiting)).await().indefinitely();
            ConsumerRecord<String, String> one = reader.await(r -> carries(r, first), Duration.ofSeconds(30));
            ConsumerRecord<String, String> two = reader.await(r -> carries(r, second), Duration.ofSeconds(30));
            assertThat(one).isNotNull();
            assertThat(two).isNotNull();
            assertThat(two.partition()).isEqualTo(one.partition());
            assertThat(two.offset()).isGreaterThan(one.offset());
            await().atMost(Duration.ofSeconds(10)).until(() -> state(behind).getValue(0) != null);
        }
    }

    @Test
    void aRowWrittenOutsideAnyTraceStartsOneWhenPublished() {
        try (TopicReader reader = new TopicReader("test." + TOPIC)) {
            UUID marker = UUID.randomUUID();
            // a CloudEvent-like JSON object (the rows above hold JSON strings, which the relay sends as they are)
            pool.preparedQuery("""
                    insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at)
                    values ($1, $2, $3, 'relay.check', cast(cast($4 as text) as jsonb), 'acme', now())""")
                    .execute(Tuple.of(UUID.randomUUID(), TOPIC, UUID.randomUUID().toString(),
                            "{\"specversion\":\"1.0\",\"type\":\"relay.check\",\"marker\":\"" + marker + "\"}"))
                    .await().indefinitely();

            ConsumerRecord<String, String> record = reader.await(r -> carries(r, marker), Duration.ofSeconds(30));
            assertThat(record).isNotNull();
            String header = TopicReader.header(record, "traceparent");
            assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(record.value()).contains("\"traceparent\":\"" + header + "\"");
        }
    }

    @Test
    void aRecordTheBrokerRefusesIsParkedAndTheRowsBehindItGoOn() {
        try (TopicReader reader = new TopicReader("test." + TOPIC)) {
            String key = UUID.randomUUID().toString();
            UUID after = UUID.randomUUID();
            // beyond the producer's max.request.size (1 MiB): Kafka can never take it
            UUID huge = row(key, "{\"padding\":\"" + "x".repeat(1_200_000) + "\"}", false);
            UUID behind = row(key, payload(after), false);

            await().atMost(Duration.ofSeconds(30)).until(() -> state(huge).getValue(1) != null);
            Row parked = state(huge);
            assertThat(parked.getValue(0)).as("never marked published").isNull();
            assertThat(parked.getInteger(2)).isEqualTo(1);
            assertThat(parked.getString(3)).contains("RecordTooLarge");

            ConsumerRecord<String, String> next = reader.await(r -> carries(r, after), Duration.ofSeconds(30));
            assertThat(next).as("the row behind the parked one is published").isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> state(behind).getValue(0) != null);
            assertThat(reader.seen()).noneMatch(r -> r.value().contains("padding"));
        }
    }
}
