package dev.mentoring.matching.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ParticipantEventsTest {

    private static final String TOPIC = "test.mentoring.participant.v1";

    @Inject
    ObjectMapper json;

    @Inject
    Scheduler scheduler;

    private String putProfile(String token, String name) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + name + "\",\"timeZone\":\"Europe/Copenhagen\",\"languages\":[\"da\"]}")
                .put("/participants/me").then().statusCode(201).extract().path("id");
    }

    @Test
    void aProfileChangeIsPublishedAsACloudEventKeyedByParticipant() throws Exception {
        try (TopicReader reader = new TopicReader(TOPIC)) {
            String id = putProfile(TestTokens.person("acme", "P-" + UUID.randomUUID(), "mentee").bearer(), "Event Person");

            ConsumerRecord<String, String> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(record).as("participant.updated for %s", id).isNotNull();
            assertThat(TopicReader.header(record, "content-type")).startsWith("application/cloudevents+json");
            JsonNode event = json.readTree(record.value());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("participant.updated");
            assertThat(event.get("source").asText()).isEqualTo("/mentoring/matching-service");
            assertThat(event.get("subject").asText()).isEqualTo("participants/" + id);
            assertThat(event.get("tenant").asText()).isEqualTo("acme");
            assertThat(event.get("time").asText()).endsWith("Z");
            assertThat(UUID.fromString(event.get("id").asText())).isNotNull();
            assertThat(event.at("/data/participantId").asText()).isEqualTo(id);
            assertThat(event.at("/data/created").asBoolean()).isTrue();
            assertThat(event.get("data").has("displayName")).as("no names in events").isFalse();
        }
    }

    @Test
    void anEventCommittedWhileTheRelayWasDownIsPublishedWhenItRuns() {
        try (TopicReader reader = new TopicReader(TOPIC)) {
            scheduler.pause("outbox-relay");
            String id;
            try {
                id = putProfile(TestTokens.person("acme", "R-" + UUID.randomUUID(), "mentee").bearer(), "Relay Person");
                assertThat(reader.await(r -> id.equals(r.key()), Duration.ofSeconds(3)))
                        .as("nothing leaves while the relay is down").isNull();
            } finally {
                scheduler.resume("outbox-relay");
            }
            assertThat(reader.await(r -> id.equals(r.key()), Duration.ofSeconds(20))).isNotNull();
        }
    }
}
