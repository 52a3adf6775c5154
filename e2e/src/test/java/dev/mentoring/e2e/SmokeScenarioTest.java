package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * The smallest whole journey, on its own data: profiles, a request accepted, its events on Kafka, and session-service
 * learning the partnership from them. `deploy/local/platform test` runs it again against the services as containers
 * (the images, played from deploy/k8s/overlays/local), where it is the proof that the deployment works.
 */
class SmokeScenarioTest {

    private static final String MENTEE = "acme-mentee2";
    private static final String MENTOR = "acme-mentor3";
    private static final java.util.Random RANDOM = new java.util.Random();

    @Test
    void aRequestIsAcceptedItsEventsArePublishedAndTheSessionServiceKnowsThePartnership() throws InterruptedException {
        String mentorId = Pairs.profile(MENTOR, "Jonas Berg");
        String menteeId = Pairs.profile(MENTEE, "Sofie Holm");
        Platform.as(MENTEE).get("/api/v1/matching/participants/me").then().statusCode(200).body("id", equalTo(menteeId));
        Pairs.clear(MENTEE, mentorId);
        try (TopicReader analytics = new TopicReader(Platform.KAFKA, "mentoring.partnership.v1")) {
            String requestId = Platform.as(MENTEE).contentType(ContentType.JSON)
                    .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"Smoke test\"}")
                    .post("/api/v1/matching/mentorship-requests").then().statusCode(201).extract().path("id");
            Platform.as(MENTOR).post("/api/v1/matching/mentorship-requests/" + requestId + "/acceptance")
                    .then().statusCode(200).body("state", equalTo("ACTIVE"));

            List<ConsumerRecord<String, String>> story = analytics.collect(r -> requestId.equals(r.key()), 3, Duration.ofSeconds(30));
            assertThat(story).extracting(r -> CloudEvents.assertValid(r).get("type").asText())
                    .containsExactly("mentorship.requested", "mentorship.accepted", "partnership.started");

            // session-service has the partnership from those events: the mentee can schedule in it
            var scheduled = Platform.eventually(() -> Platform.as(MENTEE).contentType(ContentType.JSON).body("""
                    {"start":"%s","timeZone":"Europe/Copenhagen","durationMinutes":45,"mode":"PHONE"}"""
                    .formatted(java.time.LocalDate.now().plusDays(20 + RANDOM.nextInt(300)).atTime(7 + RANDOM.nextInt(12), 0)))
                    .post("/api/v1/sessions/partnerships/" + requestId + "/sessions").then().extract(), 404, 403);
            assertThat(scheduled.statusCode()).as(scheduled.asString()).isEqualTo(201);
        }
    }
}
