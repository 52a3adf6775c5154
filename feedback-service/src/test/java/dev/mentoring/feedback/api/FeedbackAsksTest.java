package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.feedback.application.DailyAssessments;
import dev.mentoring.plumbing.testing.MovableClock;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Asking for feedback: either person asks the other, on a session that took place or on the partnership so far; the
 * ask is published as feedback.asked (ids only), answered by the feedback the other gives, listed for both of the pair
 * only, and counts in the lack-of-feedback pitfall once it has been open for more than 7 days.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FeedbackAsksTest {

    @Inject
    Pool pool;

    @Inject
    DailyAssessments health;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    private static String asks(Fixtures.Pair pair) {
        return "/partnerships/" + pair.id() + "/feedback-asks";
    }

    @Test
    void theMentorAsksOnASessionTheMenteeIsToldAndHerFeedbackAnswersIt() throws Exception {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(3), null, 1);
        String askId;
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            askId = given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"sessionId\":\"" + session + "\"}")
                    .post(asks(pair)).then().statusCode(201)
                    .body("sessionId", equalTo(session.toString())).body("askedBy", equalTo(pair.mentorId().toString()))
                    .body("askedOf", equalTo(pair.menteeId().toString())).body("askedByRole", equalTo("MENTOR"))
                    .body("state", equalTo("OPEN")).body("mine", equalTo(true)).body("answeredAt", nullValue())
                    .extract().path("id");
            var asked = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("\"feedback.asked\""), 1);
            assertThat(asked).hasSize(1);
            JsonNode data = new ObjectMapper().readTree(asked.get(0).value()).get("data");
            assertThat(data.get("askId").asText()).isEqualTo(askId);
            assertThat(data.get("sessionId").asText()).isEqualTo(session.toString());
            assertThat(data.get("askedOf").asText()).isEqualTo(pair.menteeId().toString());
        }
        // once is enough while it is open
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"sessionId\":\"" + session + "\"}")
                .post(asks(pair)).then().statusCode(409).contentType("application/problem+json");
        // both see it; nobody else does
        given().header("Authorization", pair.mentee()).queryParam("state", "OPEN").get(asks(pair)).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(askId)).body("items[0].mine", equalTo(false));
        given().header("Authorization", pair.stranger()).get(asks(pair)).then().statusCode(404);
        given().header("Authorization", pair.admin()).get(asks(pair)).then().statusCode(403);
        given().header("Authorization", pair.stranger()).contentType(ContentType.JSON).body("{}").post(asks(pair)).then().statusCode(404);

        // the mentee's feedback on the session answers it
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"overall\":5,\"preparation\":4,\"communication\":4,\"shareWithOther\":true}")
                .post("/sessions/" + session + "/feedback").then().statusCode(201);
        given().header("Authorization", pair.mentor()).get(asks(pair)).then().statusCode(200)
                .body("items[0].state", equalTo("ANSWERED")).body("items[0].answeredAt", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", pair.mentor()).queryParam("state", "OPEN").get(asks(pair)).then().statusCode(200)
                .body("items", hasSize(0));
        // asking again on a session the other rated is 409
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"sessionId\":\"" + session + "\"}")
                .post(asks(pair)).then().statusCode(409);
    }

    @Test
    void anAskOnASessionLapsesWithTheSessionsFeedbackWindowAndStopsCounting() throws Throwable {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusDays(2), null, 1);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"sessionId\":\"" + session + "\"}")
                .post(asks(pair)).then().statusCode(201).body("state", equalTo("OPEN"));
        // 8 days on, unanswered: lack of feedback
        MovableClock.advance(Duration.ofDays(8));
        VertxContextSupport.subscribeAndAwait(health::recomputeActive);
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", hasItem("LACK_OF_FEEDBACK"));
        // the session's window closed (14 days after it): the ask lapsed, is no longer open, and no longer counts
        MovableClock.advance(Duration.ofDays(5));
        VertxContextSupport.subscribeAndAwait(health::recomputeActive);
        given().header("Authorization", pair.mentee()).get(asks(pair)).then().statusCode(200).body("items[0].state", equalTo("LAPSED"));
        given().header("Authorization", pair.mentee()).queryParam("state", "OPEN").get(asks(pair)).then().statusCode(200)
                .body("items", hasSize(0));
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.find { it.pitfall == 'LACK_OF_FEEDBACK' }.evidence",
                        anyOf(nullValue(), not(hasItem("1 ask(s) for feedback unanswered for more than 7 days"))));
    }

    @Test
    void badAsksAreRefusedAndNameWhatIsWrong() {
        Fixtures.Pair pair = Fixtures.started(pool);
        Fixtures.Pair other = Fixtures.startedIn(pool, pair.tenant());
        UUID othersSession = Fixtures.session(pool, other, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(3), null, 1);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"sessionId\":\"" + othersSession + "\"}")
                .post(asks(pair)).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("sessionId"));
        UUID upcoming = Fixtures.session(pool, pair, "session.scheduled", "SCHEDULED", OffsetDateTime.now().plusDays(3), null, 0);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"sessionId\":\"" + upcoming + "\"}")
                .post(asks(pair)).then().statusCode(409);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"sessionId\":\"not-a-uuid\"}")
                .post(asks(pair)).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", pair.mentee()).queryParam("state", "CLOSED").get(asks(pair)).then().statusCode(400)
                .body("errors.field", hasItem("state"));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{}")
                .post("/partnerships/" + UUID.randomUUID() + "/feedback-asks").then().statusCode(404);
    }

    @Test
    void anAskOnThePartnershipLeftOpenForAWeekIsLackOfFeedbackUntilAnEvaluationOrFeedbackAnswersIt() throws Throwable {
        Fixtures.Pair pair = Fixtures.started(pool);
        // an empty JSON body: the partnership so far
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).post(asks(pair)).then().statusCode(201)
                .body("sessionId", nullValue()).body("askedOf", equalTo(pair.mentorId().toString()));
        VertxContextSupport.subscribeAndAwait(health::recomputeActive);
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", not(hasItem("LACK_OF_FEEDBACK")));
        MovableClock.advance(Duration.ofDays(8));
        VertxContextSupport.subscribeAndAwait(health::recomputeActive);
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.find { it.pitfall == 'LACK_OF_FEEDBACK' }.evidence",
                        hasItem("1 ask(s) for feedback unanswered for more than 7 days"));
        // the mentor's feedback on a session answers an ask on the partnership too
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().plusDays(7), null, 1);
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON)
                .body("{\"overall\":4,\"preparation\":4,\"communication\":4,\"shareWithOther\":false}")
                .post("/sessions/" + session + "/feedback").then().statusCode(201);
        given().header("Authorization", pair.mentee()).get(asks(pair)).then().statusCode(200).body("items[0].state", equalTo("ANSWERED"));
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.find { it.pitfall == 'LACK_OF_FEEDBACK' }", nullValue());
    }
}
