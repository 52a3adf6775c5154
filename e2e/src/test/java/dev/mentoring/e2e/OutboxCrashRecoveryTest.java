package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * Kills matching-service between the commit of a change and the publication of its event, and shows
 * that the event is published after the restart. The broker is frozen (SIGSTOP) so the relay cannot get
 * the event out, the service is killed with SIGKILL while it waits, then the broker is thawed and the
 * service restarted by the platform script. With two instances the row is in the shared database, so the relay of
 * either (the restarted one, or the second instance of matching-service) publishes it: what matters is that it is.
 */
class OutboxCrashRecoveryTest {

    @Test
    void anEventCommittedBeforeACrashIsPublishedAfterTheRestart() throws Exception {
        String name = "Crash Test " + UUID.randomUUID().toString().substring(0, 8);
        try (TopicReader events = new TopicReader(Platform.KAFKA, "mentoring.participant.v1")) {
            String token = Platform.tokenOf("acme-mentee4");
            long kafka = Platform.pidOf("kafka");
            String id;
            Platform.signal("STOP", kafka);
            try {
                // through the first gateway, to the instance of matching-service killed below
                id = io.restassured.RestAssured.given().baseUri(Replicas.GATEWAY_1).header("Authorization", "Bearer " + token)
                        .contentType(ContentType.JSON)
                        .body("{\"displayName\":\"" + name + "\",\"timeZone\":\"Europe/Oslo\",\"languages\":[\"nb\"]}")
                        .put("/api/v1/matching/participants/me").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract().path("id");
                Thread.sleep(2_000); // the relay has picked the row up and waits for the frozen broker
                Platform.signal("KILL", Platform.pidOf("matching"));
            } finally {
                Platform.signal("CONT", kafka);
            }
            Platform.restart("matching", Duration.ofMinutes(3));

            ConsumerRecord<String, String> record = events.await(r -> id.equals(r.key())
                    && CloudEvents.read(r).at("/data/timeZone").asText().equals("Europe/Oslo"), Duration.ofSeconds(60));
            assertThat(record).as("the event committed before the crash, published after the restart").isNotNull();
            CloudEvents.assertValid(record);
        }
        // the restarted service serves again
        Platform.as("acme-mentee4").get("/api/v1/matching/participants/me").then().statusCode(200);
    }
}
