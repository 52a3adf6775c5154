package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.plumbing.testing.MovableClock;
import dev.mentoring.feedback.application.DailyAssessments;
import dev.mentoring.feedback.application.EvaluationDeadlines;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FeedbackFlowTest {

    @Inject
    Pool pool;

    @Inject
    EvaluationDeadlines evaluations;

    @Inject
    DailyAssessments health;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    private static String feedback(int overall, int communication, String comment, boolean shared) {
        return """
                {"overall":%d,"preparation":4,"communication":%d,"comment":"%s","shareWithOther":%s}"""
                .formatted(overall, communication, comment, shared);
    }

    @Test
    void bothGiveFeedbackOnceTheOtherSeesItOnlyIfSharedAndAdminsNever() throws Exception {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(3), null, 1);
        String path = "/sessions/" + session + "/feedback";
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(5, 4, "Clear advice, thanks", true))
                    .post(path).then().statusCode(201).body("authorRole", equalTo("MENTEE"));
            given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body(feedback(4, 5, "Anna was well prepared", false))
                    .post(path).then().statusCode(201);
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(1, 1, "again", true))
                    .post(path).then().statusCode(409).contentType("application/problem+json");
            var submitted = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("feedback.submitted"), 2);
            assertThat(submitted).hasSize(2).allSatisfy(r -> assertThat(r.value()).doesNotContain("Clear advice").doesNotContain("prepared"));
        }
        // the mentor sees the mentee's shared one; the mentee does not see the mentor's unshared one
        given().header("Authorization", pair.mentor()).get(path).then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", pair.mentee()).get(path).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].mine", equalTo(true));
        given().header("Authorization", pair.admin()).get(path).then().statusCode(403);
        given().header("Authorization", pair.stranger()).get(path).then().statusCode(404);
        // an edit within 24 hours, published with its ratings only; not after
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(4, 4, "Clear advice", true))
                    .put(path).then().statusCode(200).body("overall", equalTo(4));
            var updated = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("feedback.updated"), 1);
            assertThat(updated).hasSize(1);
            assertThat(updated.get(0).value()).doesNotContain("Clear advice");
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(updated.get(0).value()).at("/data/overall").asInt())
                    .isEqualTo(4);
        }
        MovableClock.advance(Duration.ofHours(25));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(3, 3, "later", true))
                .put(path).then().statusCode(409);
        // bad input names the field
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"overall\":6,\"preparation\":4,\"communication\":4}")
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("overall")));
    }

    @Test
    void feedbackOnlyOnHeldSessionsWithinFourteenDays() {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID scheduled = Fixtures.session(pool, pair, "session.scheduled", "SCHEDULED", OffsetDateTime.now().plusDays(3), null, 0);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(5, 5, "x", false))
                .post("/sessions/" + scheduled + "/feedback").then().statusCode(409);
        UUID old = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusDays(15), null, 1);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(5, 5, "x", false))
                .post("/sessions/" + old + "/feedback").then().statusCode(409);
    }

    @Test
    void aGoalReachingAHundredPercentIsAchievedOnce() {
        Fixtures.Pair pair = Fixtures.started(pool);
        String checkIns = "/partnerships/" + pair.id() + "/goals/" + pair.goalId() + "/check-ins";
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"progressPercent\":60,\"note\":\"Plan drafted\"}")
                    .post(checkIns).then().statusCode(201).body("progressPercent", equalTo(60)).body("achievedAt", org.hamcrest.Matchers.nullValue());
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"progressPercent\":100}")
                    .post(checkIns).then().statusCode(201).body("achievedAt", org.hamcrest.Matchers.notNullValue());
            given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"progressPercent\":100,\"achieved\":true}")
                    .post(checkIns).then().statusCode(201);
            var achieved = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("goal.achieved"), 1);
            assertThat(achieved).hasSize(1);
            assertThat(achieved.get(0).value()).contains(pair.goalId().toString()).doesNotContain("Plan drafted");
        }
        given().header("Authorization", pair.stranger()).contentType(ContentType.JSON).body("{\"progressPercent\":10}")
                .post(checkIns).then().statusCode(404);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"progressPercent\":10}")
                .post("/partnerships/" + pair.id() + "/goals/" + UUID.randomUUID() + "/check-ins").then().statusCode(404);
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/goals").then().statusCode(200)
                .body("items[0].progressPercent", equalTo(100));
    }

    @Test
    void evaluationsOpenAfterThreeMonthsGoOverdueAndCompleteWhenBothAnswer() throws Throwable {
        Fixtures.Pair pair = Fixtures.started(pool);
        String list = "/partnerships/" + pair.id() + "/evaluations";
        given().header("Authorization", pair.mentee()).get(list).then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.contains("CHECK_IN", "FORMAL", "FORMAL", "FORMAL", "FORMAL"))
                .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("PLANNED")));
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            MovableClock.advance(Duration.ofDays(93));
            VertxContextSupport.subscribeAndAwait(evaluations::publishDue);
            VertxContextSupport.subscribeAndAwait(evaluations::publishDue); // a second pass publishes nothing again
            assertThat(events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("evaluation.due"), 1))
                    .hasSize(1);
            MovableClock.advance(Duration.ofDays(15));
            VertxContextSupport.subscribeAndAwait(evaluations::publishDue);
            assertThat(events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("evaluation.overdue"), 1))
                    .hasSize(1);
            // time passed: no session in 108 days of a monthly cadence, and an evaluation overdue
            VertxContextSupport.subscribeAndAwait(health::recomputeActive);
            given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                    .body("pitfalls.pitfall", org.hamcrest.Matchers.hasItems("LACK_OF_COMMITMENT", "LACK_OF_FEEDBACK"));
            String evaluation = given().header("Authorization", pair.mentee()).get(list).then().statusCode(200)
                    .body("items[0].state", equalTo("OVERDUE")).extract().path("items[0].id");
            String answer = """
                    {"goals":[{"goalId":"%s","progressPercent":40,"status":"ON_TRACK"}],"relationshipQuality":4,"recommend":9,
                     "wentWell":"Honest talks","wasHard":"Finding time"}""".formatted(pair.goalId());
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(answer)
                    .post(list + "/" + evaluation + "/answers").then().statusCode(201).body("state", equalTo("OVERDUE"));
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(answer)
                    .post(list + "/" + evaluation + "/answers").then().statusCode(409);
            given().header("Authorization", pair.mentor()).contentType(ContentType.JSON)
                    .body(answer.replace(pair.goalId().toString(), UUID.randomUUID().toString()))
                    .post(list + "/" + evaluation + "/answers").then().statusCode(422).body("errors[0].field", equalTo("goals[0].goalId"));
            // progress on each goal of the agreement: none missing, none twice
            given().header("Authorization", pair.mentor()).contentType(ContentType.JSON)
                    .body(answer.replaceAll("\\[\\{.*\\}\\]", "[]"))
                    .post(list + "/" + evaluation + "/answers").then().statusCode(422).body("errors[0].field", equalTo("goals"));
            given().header("Authorization", pair.mentor()).contentType(ContentType.JSON)
                    .body(answer.replaceAll("\\[(\\{.*\\})\\]", "[$1,$1]"))
                    .post(list + "/" + evaluation + "/answers").then().statusCode(422).body("errors[0].field", equalTo("goals[1].goalId"));
            given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body(answer)
                    .post(list + "/" + evaluation + "/answers").then().statusCode(201).body("state", equalTo("COMPLETED"));
            var completed = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("evaluation.completed"), 1);
            assertThat(completed).hasSize(1);
            assertThat(completed.get(0).value()).doesNotContain("Honest talks").doesNotContain("Finding time");
        }
    }

    @Test
    void aPausedPartnershipIsNotFaultedForNotMeetingAndAnActiveOneIs() throws Throwable {
        Fixtures.Pair paused = Fixtures.started(pool);
        Fixtures.Pair active = Fixtures.startedIn(pool, paused.tenant());
        Fixtures.publish(Fixtures.PARTNERSHIPS, paused.id().toString(), paused.tenant(), "partnership.paused", """
                {"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"PAUSED","cadence":null,"at":"%s"}"""
                .formatted(paused.id(), paused.menteeId(), paused.mentorId(), OffsetDateTime.now()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(pool
                .preparedQuery("select state from partnership_copy where id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(paused.id()))
                .await().indefinitely().iterator().next().getString(0)));
        MovableClock.advance(Duration.ofDays(60)); // two months of a monthly cadence without a session
        VertxContextSupport.subscribeAndAwait(health::recomputeActive);
        given().header("Authorization", paused.mentee()).get("/partnerships/" + paused.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("LACK_OF_COMMITMENT")));
        given().header("Authorization", active.mentee()).get("/partnerships/" + active.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", org.hamcrest.Matchers.hasItem("LACK_OF_COMMITMENT"));
    }

    @Test
    void formalEvaluationsGoOnForAsLongAsThePartnershipRuns() throws Throwable {
        Fixtures.Pair pair = Fixtures.started(pool);
        String list = "/partnerships/" + pair.id() + "/evaluations";
        java.util.List<String> planned = given().header("Authorization", pair.mentee()).get(list).then().statusCode(200)
                .extract().path("items.opensOn");
        java.time.LocalDate lastPlanned = java.time.LocalDate.parse(planned.get(planned.size() - 1));
        // two years on, the last planned formal evaluation opens: the next one is planned six months after it
        MovableClock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.now(), lastPlanned) + 1));
        VertxContextSupport.subscribeAndAwait(evaluations::publishDue);
        VertxContextSupport.subscribeAndAwait(evaluations::publishDue);
        given().header("Authorization", pair.mentee()).get(list).then().statusCode(200)
                .body("items.findAll { it.state == 'PLANNED' }.opensOn", org.hamcrest.Matchers.contains(lastPlanned.plusMonths(6).toString()))
                .body("items.findAll { it.kind == 'FORMAL' }.size()", equalTo(5));
    }

    @Test
    void lateCancellationsAndLowCommunicationChangeTheHealthOncePerState() {
        // the reader opens before the pair starts: the first assessment (none -> HEALTHY) is one of the changes
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            Fixtures.Pair pair = Fixtures.started(pool);
            String health = "/partnerships/" + pair.id() + "/health";
            given().header("Authorization", pair.mentor()).get(health).then().statusCode(200).body("state", equalTo("HEALTHY"))
                    .body("score", equalTo(100));
            for (int i = 0; i < 2; i++) {
                Fixtures.session(pool, pair, "session.cancelled", "CANCELLED", OffsetDateTime.now().plusHours(5 + i), true, 1);
            }
            given().header("Authorization", pair.mentor()).get(health).then().statusCode(200)
                    .body("state", equalTo("HEALTHY")).body("score", equalTo(80))
                    .body("pitfalls.pitfall", org.hamcrest.Matchers.contains("LACK_OF_COMMITMENT"));
            UUID held = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(2), null, 1);
            for (String token : List.of(pair.mentee(), pair.mentor())) {
                given().header("Authorization", token).contentType(ContentType.JSON).body(feedback(3, 1, "Hard to reach", false))
                        .post("/sessions/" + held + "/feedback").then().statusCode(201);
            }
            given().header("Authorization", pair.admin()).get(health).then().statusCode(200)
                    .body("state", equalTo("NEEDS_ATTENTION")).body("score", equalTo(60))
                    .body("pitfalls.pitfall", org.hamcrest.Matchers.contains("LACK_OF_COMMITMENT", "POOR_COMMUNICATION"))
                    .body("pitfalls[1].evidence[0]", org.hamcrest.Matchers.containsString("1.0"));
            var changes = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("partnership.health-changed"), 2);
            assertThat(changes).hasSize(2);
            // the envelope's JSON may be compact or spaced: compared without the spaces after the colons
            assertThat(changes.get(0).value().replace("\": ", "\":")).contains("\"state\":\"HEALTHY\"").doesNotContain("\"previousState\":\"");
            assertThat(changes.get(1).value().replace("\": ", "\":")).contains("\"previousState\":\"HEALTHY\"")
                    .contains("\"state\":\"NEEDS_ATTENTION\"");
            given().header("Authorization", pair.admin()).queryParam("state", "NEEDS_ATTENTION").get("/health").then().statusCode(200)
                    .body("items.partnershipId", org.hamcrest.Matchers.hasItem(pair.id().toString()));
            given().header("Authorization", pair.stranger()).get(health).then().statusCode(404);
            // the collection, for one of the two, is their own partnerships' health
            given().header("Authorization", pair.mentee()).queryParam("state", "NEEDS_ATTENTION").get("/health").then().statusCode(200)
                    .body("items.partnershipId", org.hamcrest.Matchers.contains(pair.id().toString()));
        }
    }

    @Test
    void analyticsSuppressFiguresFromFewerThanFivePeople() {
        Fixtures.Pair pair = Fixtures.started(pool);
        given().header("Authorization", pair.admin()).get("/analytics").then().statusCode(200)
                .body("minimumPeople", equalTo(5))
                .body("activePartnerships.suppressed", equalTo(true))
                .body("activePartnerships.value", org.hamcrest.Matchers.nullValue())
                .body("netPromoterScore.suppressed", equalTo(true));
        given().header("Authorization", dev.mentoring.plumbing.testing.TestTokens.machine(pair.tenant(), "analytics").bearer())
                .get("/analytics").then().statusCode(200);
        given().header("Authorization", pair.mentee()).get("/analytics").then().statusCode(403);
        given().header("Authorization", pair.admin()).queryParam("months", 99).get("/analytics").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
