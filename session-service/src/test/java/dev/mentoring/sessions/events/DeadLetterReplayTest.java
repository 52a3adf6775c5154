package dev.mentoring.sessions.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import dev.mentoring.plumbing.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A program admin lists the events session-service gave up on (its dead-letter topic on the real broker) for their
 * tenant, and replays one once the cause is fixed: through the same consumer, once, whatever the number of replays.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadLetterReplayTest {

    private static final String TOPIC = "test.session-service.mentoring.participant.v1";
    private static final String DEAD_LETTERS = "test.mentoring.session-service.dlq";

    @Inject
    Pool pool;

    private static String admin(String tenant) {
        return TestTokens.person(tenant, "E-ADMIN-" + tenant, "program-admin").bearer();
    }

    private static String participantUpdated(UUID eventId, String tenant, UUID participant, String zone) {
        return """
                {"specversion":"1.0","id":"%s","source":"/mentoring/matching-service","type":"participant.updated",
                 "subject":"participants/%s","time":"2026-11-27T10:00:00Z","datacontenttype":"application/json",
                 "tenant":"%s","data":{"participantId":"%s","employeeId":"E-DL","created":false,
                 "timeZone":"%s","languages":["en"],"version":1}}"""
                .formatted(eventId, participant, tenant, participant, zone);
    }

    /**
     * A dead letter as the consumers' dead-letter strategy writes it, e.g. one given up on while the database was away;
     * answers its place on the topic, "partition-offset", which is its id in the list.
     */
    private static String deadLetter(String key, String cloudEvent) {
        return TopicWriter.send(DEAD_LETTERS, key, cloudEvent, Map.of(
                "dead-letter-reason", "Connection refused: the database was away",
                "dead-letter-cause", "io.vertx.core.impl.NoStackTraceThrowable",
                "dead-letter-topic", TOPIC,
                "dead-letter-partition", "0",
                "dead-letter-offset", "42"));
    }

    private boolean copied(UUID participant) {
        return pool.preparedQuery("select 1 from participant_copy where id = $1").execute(Tuple.of(participant))
                .await().atMost(Duration.ofSeconds(5)).size() == 1;
    }

    private static JsonPath list(String token) {
        return given().header("Authorization", token).get("/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> listed(String token, String eventId) {
        List<Map<String, Object>> items = list(token).getList("items");
        return items.stream().filter(item -> eventId.equals(item.get("eventId"))).findFirst().orElse(null);
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedOnceTheCauseIsFixed() {
        UUID participant = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String place = deadLetter(participant.toString(), participantUpdated(eventId, "acme", participant, "Europe/Vienna"));
        assertThat(copied(participant)).as("never handled: it is only on the dead-letter topic").isFalse();

        Map<String, Object> letter = listed(admin("acme"), eventId.toString());
        assertThat(letter).as("listed for the tenant's program admin").isNotNull();
        assertThat(letter).containsEntry("eventType", "participant.updated").containsEntry("topic", TOPIC)
                .containsEntry("reason", "Connection refused: the database was away").containsEntry("handled", false)
                .containsEntry("key", participant.toString());
        String id = (String) letter.get("id");
        assertThat(id).isEqualTo(place);

        given().header("Authorization", admin("acme")).post("/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("outcome", equalTo("HANDLED")).body("deadLetter.handled", equalTo(true));
        assertThat(copied(participant)).as("the consumer handled it now").isTrue();

        // again: nothing is done twice
        given().header("Authorization", admin("acme")).post("/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("outcome", equalTo("HANDLED_BEFORE"));
        long handled = pool.preparedQuery("select count(*) from processed_event where event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertThat(handled).isEqualTo(1);
        assertThat(listed(admin("acme"), eventId.toString())).as("still on the topic, listed as handled")
                .containsEntry("handled", true);
    }

    @Test
    void anEventThatStillFailsIsAnsweredWithWhyAndStaysUnhandled() {
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            UUID participant = UUID.randomUUID();
            UUID eventId = UUID.randomUUID();
            // a real dead letter: the consumer refuses an update without its participant id
            TopicWriter.send(TOPIC, participant.toString(), participantUpdated(eventId, "acme", participant, "Europe/Oslo")
                    .replace("\"participantId\":\"" + participant + "\",", ""));
            assertThat(deadLetters.await(r -> participant.toString().equals(r.key()), Duration.ofSeconds(20)))
                    .as("the consumer gave up on it").isNotNull();

            Map<String, Object> letter = await().atMost(Duration.ofSeconds(10))
                    .until(() -> listed(admin("acme"), eventId.toString()), found -> found != null);
            assertThat((String) letter.get("reason")).isNotBlank();
            given().header("Authorization", admin("acme")).post("/dead-letters/" + letter.get("id") + "/replay").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("The event still cannot be handled"));
            assertThat(listed(admin("acme"), eventId.toString())).containsEntry("handled", false);
        }
    }

    @Test
    void theOperationsAreNamedAfterTheServiceSoThatTheCombinedDocumentKeepsThemApart() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(document.getString("paths.'/dead-letters'.get.operationId")).isEqualTo("listSessionServiceDeadLetters");
        assertThat(document.getString("paths.'/dead-letters/{deadLetterId}/replay'.post.operationId"))
                .isEqualTo("replaySessionServiceDeadLetter");
    }

    @Test
    void anotherTenantsDeadLettersDoNotExistForYouAndOnlyProgramAdminsSeeAny() {
        UUID participant = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String place = deadLetter(participant.toString(), participantUpdated(eventId, "globex", participant, "Europe/Madrid"));
        assertThat(listed(admin("acme"), eventId.toString())).as("not listed for another tenant").isNull();
        assertThat(listed(admin("globex"), eventId.toString())).as("listed for its own").isNotNull();

        given().header("Authorization", admin("acme")).post("/dead-letters/" + place + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(copied(participant)).as("nothing replayed").isFalse();
        for (String id : List.of("0-999999999999", "nonsense", "-1-2", "99-0")) {
            given().header("Authorization", admin("acme")).post("/dead-letters/" + id + "/replay").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.person("acme", "E-M", "mentee").bearer()).get("/dead-letters").then()
                .statusCode(403);
        given().get("/dead-letters").then().statusCode(401);
    }
}
