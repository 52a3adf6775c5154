package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * The first scenario through the gateway with real Keycloak tokens: a mentee puts their profile, reads it
 * back, and participant.updated arrives on Kafka for their tenant; the other tenant never sees it; no
 * token, no entry.
 */
class ProfileScenarioTest {

    private static final String ME = "/api/v1/matching/participants/me";

    @Test
    void aMenteePutsTheirProfileAndTheEventArrivesForTheirTenant() {
        Instant start = Instant.now().minusSeconds(1);
        String name = "Anna Nielsen " + UUID.randomUUID().toString().substring(0, 6);
        try (TopicReader events = new TopicReader(Platform.KAFKA, "mentoring.participant.v1")) {
            String id = Platform.as("acme-mentee1").contentType(ContentType.JSON)
                    .body("{\"displayName\":\"" + name + "\",\"timeZone\":\"Europe/Copenhagen\",\"languages\":[\"da\",\"en\"]}")
                    .put(ME).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                    .body("employeeId", equalTo("A-2001"))
                    .extract().path("id");

            String etag = Platform.as("acme-mentee1").get(ME).then().statusCode(200)
                    .body("id", equalTo(id)).body("displayName", equalTo(name))
                    .body("timeZone", equalTo("Europe/Copenhagen")).extract().header("ETag");
            // an edit naming another version than the profile's current one changes nothing (If-Match through the gateway)
            assertThat(etag).matches("\"\\d+\"");
            Platform.as("acme-mentee1").header("If-Match", "\"" + (Long.parseLong(etag.replace("\"", "")) + 1000) + "\"")
                    .contentType(ContentType.JSON).body("{\"displayName\":\"Stale\",\"timeZone\":\"UTC\",\"languages\":[\"en\"]}")
                    .put(ME).then().statusCode(412).contentType("application/problem+json");

            ConsumerRecord<String, String> record = events.await(r -> id.equals(r.key())
                    && Instant.parse(CloudEvents.read(r).get("time").asText()).isAfter(start), Duration.ofSeconds(30));
            assertThat(record).as("participant.updated for %s on Kafka", id).isNotNull();
            JsonNode event = CloudEvents.assertValid(record);
            assertThat(event.get("type").asText()).isEqualTo("participant.updated");
            assertThat(event.get("tenant").asText()).isEqualTo("acme");
            assertThat(event.get("subject").asText()).isEqualTo("participants/" + id);
            assertThat(event.at("/data/participantId").asText()).isEqualTo(id);
            assertThat(record.value()).doesNotContain(name);

            // the other tenant never sees it: not as their own profile, not by id
            Platform.as("globex-mentee1").get(ME).then().body("id", not(equalTo(id)));
            Platform.as("globex-admin").get("/api/v1/matching/participants/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            // nor does an unrelated person of the same tenant; their HR platform does
            Platform.as("acme-mentee2").get("/api/v1/matching/participants/" + id).then().statusCode(404);
            Platform.anonymous().header("Authorization", "Bearer " + Platform.clientToken("hr-acme", "hr-acme-local-secret"))
                    .get("/api/v1/matching/participants/" + id).then().statusCode(200).body("id", equalTo(id))
                    .body("view", equalTo("PROFILE"));
            Platform.anonymous().header("Authorization", "Bearer " + Platform.clientToken("hr-globex", "hr-globex-local-secret"))
                    .get("/api/v1/matching/participants/" + id).then().statusCode(404);
        }
    }

    @Test
    void noTokenNoEntry() {
        Platform.anonymous().get(ME).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        Platform.anonymous().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.").get(ME).then().statusCode(401)
                .contentType("application/problem+json");
    }
}
