package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The people's inbox through HAProxy, two gateways and two instances of every service, with real Keycloak tokens: a
 * request and its acceptance reach both people's inboxes and live streams (whichever instance wrote them), a stream
 * stays open while quiet, and a reconnect with the last event id misses nothing and repeats nothing.
 */
class InboxScenarioTest {

    private static final String MENTEE = "acme-mentee4";
    private static final String MENTOR = "acme-mentor2";
    private static final String STREAM = Platform.GATEWAY + "/api/v1/notifications/inbox/stream";

    @Test
    void aRequestAndItsAcceptanceReachBothInboxesAndStreamsAndAReconnectMissesNothing() throws Exception {
        String mentorId = Pairs.existingProfile(MENTOR);
        Pairs.existingProfile(MENTEE);
        Pairs.clear(MENTEE, mentorId);
        // the profiles' events may still be on their way to notification-service
        Platform.eventually(() -> Platform.as(MENTOR).get("/api/v1/notifications/inbox/unread-count").then().extract(), 403);
        Platform.eventually(() -> Platform.as(MENTEE).get("/api/v1/notifications/inbox/unread-count").then().extract(), 403);

        List<String> seen = new ArrayList<>();
        String requestId;
        long delivered;
        try (SseStream stream = new SseStream(STREAM, Platform.tokenOf(MENTOR), null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.nextLine(Duration.ofSeconds(15))).isEqualTo(":following");
            // quiet for longer than the gateway's route timeout (15 s, an idle timeout): the keep-alive holds it open
            Thread.sleep(17_000);
            long asked = System.nanoTime();
            requestId = Platform.as(MENTEE).contentType(ContentType.JSON)
                    .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"Would you mentor me?\"}")
                    .post("/api/v1/matching/mentorship-requests").then().statusCode(201).extract().path("id");
            SseStream.Event event = stream.next(Duration.ofSeconds(20));
            delivered = (System.nanoTime() - asked) / 1_000_000;
            assertThat(event).as("the request on the mentor's stream").isNotNull();
            assertThat(event.data()).contains("\"type\":\"REQUEST_RECEIVED\"").contains(requestId);
            seen.add(event.id());
        }
        System.out.println("inbox scenario: the request reached the mentor's live stream " + delivered
                + " ms after the mentee's POST answered (through matching-service's outbox, Kafka and notification-service)");

        // while the mentor's app is away, they accept on another device; the partnership starts
        Platform.as(MENTOR).post("/api/v1/matching/mentorship-requests/" + requestId + "/acceptance").then().statusCode(200);
        var mentee = Platform.as(MENTEE).get("/api/v1/notifications/inbox?unread=true").then().statusCode(200).extract();
        // (the mentee's inbox may hold unread notices of earlier runs: wait for this partnership's own)
        String thisStart = "items.find { it.type == 'PARTNERSHIP_STARTED' && it.partnershipId == '" + requestId + "' }";
        for (int i = 0; i < 60 && mentee.jsonPath().get(thisStart) == null; i++) {
            Thread.sleep(500);
            mentee = Platform.as(MENTEE).get("/api/v1/notifications/inbox?unread=true").then().statusCode(200).extract();
        }
        assertThat(mentee.jsonPath().getList("items.type", String.class)).startsWith("PARTNERSHIP_STARTED", "REQUEST_ACCEPTED");
        assertThat(mentee.jsonPath().getString("items[0].partnershipId")).isEqualTo(requestId);

        // the mentor's app comes back with the last id it saw: exactly what came meanwhile, once
        try (SseStream stream = new SseStream(STREAM, Platform.tokenOf(MENTOR), seen.get(0))) {
            assertThat(stream.nextLine(Duration.ofSeconds(15))).isEqualTo(":following");
            SseStream.Event started = stream.next(Duration.ofSeconds(20));
            assertThat(started).isNotNull();
            assertThat(started.data()).contains("\"type\":\"PARTNERSHIP_STARTED\"").doesNotContain("REQUEST_RECEIVED");
            assertThat(Long.parseLong(started.id())).isGreaterThan(Long.parseLong(seen.get(0)));
            assertThat(stream.next(Duration.ofSeconds(2))).as("nothing repeated").isNull();
        }

        // reading: one, then all; the counts follow
        String first = mentee.jsonPath().getString("items[0].id");
        Platform.as(MENTEE).post("/api/v1/notifications/inbox/" + first + "/read").then().statusCode(200).body("read", equalTo(true));
        Platform.as(MENTEE).post("/api/v1/notifications/inbox/read-all").then().statusCode(200);
        Platform.as(MENTEE).get("/api/v1/notifications/inbox/unread-count").then().statusCode(200).body("unread", equalTo(0));
        // another person reads nothing of it
        Platform.as(MENTOR).get("/api/v1/notifications/inbox/" + first).then().statusCode(404);
    }
}
