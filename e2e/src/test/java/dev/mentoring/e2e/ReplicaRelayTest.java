package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * Two outbox relays (one in each instance of matching-service) keep per-key order and publish each row once: four
 * people change their profiles 40 times each, one change after another, alternately through the first and the second
 * gateway (so through both instances, each writing outbox rows for the same keys), all four at once. On the topic each
 * person's participant.updated events come in the order of their versions, each version once, with no CloudEvent id
 * twice.
 */
class ReplicaRelayTest {

    private static final List<String> PEOPLE = List.of("globex-mentee1", "globex-mentee2", "globex-mentee3", "globex-mentee4");
    private static final int CHANGES = 40;

    @Test
    void bothRelaysKeepEachKeysOrderAndPublishEachRowOnce() throws Exception {
        Map<String, String> ids = new HashMap<>();
        for (String person : PEOPLE) {
            ids.put(Pairs.existingProfile(person), person);
        }
        try (TopicReader topic = new TopicReader(Platform.KAFKA, "mentoring.participant.v1")) {
            ExecutorService pool = Executors.newFixedThreadPool(PEOPLE.size());
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (String person : PEOPLE) {
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < CHANGES; i++) {
                            Replicas.via(Replicas.GATEWAYS.get(i % 2), person).contentType(ContentType.JSON)
                                    .body("{\"displayName\":\"Replica " + person + " " + i + "\",\"timeZone\":\"Europe/Berlin\",\"languages\":[\"en\"]}")
                                    .put("/api/v1/matching/participants/me").then().statusCode(200);
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
            } finally {
                pool.shutdown();
            }
            List<ConsumerRecord<String, String>> events = topic.settled(r -> ids.containsKey(r.key())
                    && Replicas.ofType(r, "participant.updated"), PEOPLE.size() * CHANGES, Duration.ofSeconds(90), Duration.ofSeconds(5));
            assertThat(events.stream().map(r -> Replicas.field(r, "/id")).distinct().count()).as("no CloudEvent id twice")
                    .isEqualTo(events.size());
            for (String id : ids.keySet()) {
                List<Long> versions = events.stream().filter(r -> id.equals(r.key()))
                        .map(r -> CloudEvents.read(r).at("/data/version").asLong()).toList();
                assertThat(versions).as("%s: one event per change", ids.get(id)).hasSize(CHANGES);
                assertThat(versions).as("%s: in the order of the versions, each once", ids.get(id)).isSorted().doesNotHaveDuplicates();
                assertThat(versions.get(CHANGES - 1) - versions.get(0)).as("no change left out").isEqualTo(CHANGES - 1);
            }
            System.out.printf("[replicas] outbox relays on two instances: %d changes of %d keys through both, %d events, "
                    + "0 duplicates, every key in order%n", PEOPLE.size() * CHANGES, PEOPLE.size(), events.size());
        }
    }
}
