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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ParticipantEventsTest {

    private static final String TOPIC = "test.mentoring.participant.v1";

    @Inject
    ObjectMapper json;

    @Inject
    Scheduler scheduler;

    @Inject
    Pool pool;

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
    void theEventCarriesTheTraceOfTheRequestThatCausedIt() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + UUID.randomUUID().toString().substring(0, 4);
        String callerSpan = "00f067aa0ba902b7";
        try (TopicReader reader = new TopicReader(TOPIC)) {
            String id = given().header("Authorization", TestTokens.person("acme", "T-" + UUID.randomUUID(), "mentee").bearer())
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").contentType(ContentType.JSON)
                    .body("{\"displayName\":\"Traced Person\",\"timeZone\":\"UTC\",\"languages\":[\"en\"]}")
                    .put("/participants/me").then().statusCode(201).extract().path("id");

            // the outbox row keeps the context of the request's span in this service (a child of the caller's)
            String written = pool.preparedQuery("select traceparent from outbox_event where aggregateid = $1")
                    .execute(Tuple.of(id)).await().indefinitely().iterator().next().getString(0);
            assertThat(written).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callerSpan);

            // the published CloudEvent and its Kafka headers name the publish: the same trace, a span of its own
            ConsumerRecord<String, String> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(record).isNotNull();
            String traceparent = json.readTree(record.value()).get("traceparent").asText();
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(written).doesNotContain(callerSpan);
            assertThat(TopicReader.header(record, "traceparent")).isEqualTo(traceparent);
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
