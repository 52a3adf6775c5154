package dev.mentoring.sessions.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import dev.mentoring.plumbing.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ParticipantEventsConsumerTest {

    private static final String TOPIC = "test.session-service.mentoring.participant.v1";
    private static final String DEAD_LETTERS = "test.mentoring.session-service.dlq";

    @Inject
    Pool pool;

    private static void publish(String key, String value) {
        TopicWriter.send(TOPIC, key, value);
    }

    private static String participantUpdated(UUID eventId, UUID participant, String zone, long version) {
        return """
                {"specversion":"1.0","id":"%s","source":"/mentoring/matching-service","type":"participant.updated",
                 "subject":"participants/%s","time":"2026-11-27T10:00:00Z","datacontenttype":"application/json",
                 "tenant":"acme","data":{"participantId":"%s","employeeId":"E-1","created":false,
                 "timeZone":"%s","languages":["en"],"version":%d,"someFutureField":1}}"""
                .formatted(eventId, participant, participant, zone, version);
    }

    private Row copy(UUID participant) {
        var rows = pool.preparedQuery("select time_zone, version from participant_copy where id = $1")
                .execute(Tuple.of(participant)).await().atMost(Duration.ofSeconds(5));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private long handledCount(UUID eventId) {
        return pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(Tuple.of(eventId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    @Test
    void keepsTheNewestVersionAndHandlesARedeliveredEventOnce() throws Exception {
        UUID participant = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publish(participant.toString(), participantUpdated(first, participant, "Europe/Copenhagen", 1));
        publish(participant.toString(), participantUpdated(second, participant, "Europe/Berlin", 2));
        publish(participant.toString(), participantUpdated(second, participant, "Europe/Berlin", 2)); // redelivery
        publish(participant.toString(), participantUpdated(UUID.randomUUID(), participant, "Asia/Tokyo", 1)); // stale replay

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Row row = copy(participant);
            assertThat(row).isNotNull();
            assertThat(row.getLong("version")).isEqualTo(2);
            assertThat(handledCount(second)).isEqualTo(1);
        });
        Thread.sleep(1000); // give the stale replay every chance to do harm
        assertThat(copy(participant).getString("time_zone")).isEqualTo("Europe/Berlin");
    }

    @Test
    void anErasedParticipantLeavesNoPersonalDataAndStaysErased() throws Exception {
        UUID participant = UUID.randomUUID();
        publish(participant.toString(), participantUpdated(UUID.randomUUID(), participant, "Europe/Rome", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> copy(participant) != null);
        publish(participant.toString(), """
                {"specversion":"1.0","id":"%s","source":"/mentoring/matching-service","type":"participant.erased",
                 "subject":"participants/%s","time":"2026-11-27T10:00:00Z","tenant":"acme","data":{"participantId":"%s"}}"""
                .formatted(UUID.randomUUID(), participant, participant));
        publish(participant.toString(), participantUpdated(UUID.randomUUID(), participant, "Europe/Paris", 5)); // late
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var rows = pool.preparedQuery("select employee_id, time_zone from participant_copy where id = $1")
                    .execute(Tuple.of(participant)).await().atMost(Duration.ofSeconds(5));
            Row row = rows.iterator().next();
            assertThat(row.getString("employee_id")).isEqualTo("erased");
            assertThat(row.getString("time_zone")).isEqualTo("UTC");
        });
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() throws Exception {
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            String poisonKey = "poison-" + UUID.randomUUID();
            publish(poisonKey, "{this is not a CloudEvent");
            UUID participant = UUID.randomUUID();
            publish(participant.toString(), participantUpdated(UUID.randomUUID(), participant, "Europe/Oslo", 1));

            var dead = deadLetters.await(r -> poisonKey.equals(r.key()), Duration.ofSeconds(20));
            assertThat(dead).as("poison event on the dead-letter topic").isNotNull();
            assertThat(TopicReader.header(dead, "dead-letter-reason")).isNotBlank();
            await().atMost(Duration.ofSeconds(20)).until(() -> copy(participant) != null);
        }
    }
}
