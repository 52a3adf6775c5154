package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * The feedback scenario through the gateway, after a partnership with a signed agreement and a session
 * that took place: the mentor asks the mentee for feedback (her inbox tells her; her feedback answers it), both give
 * feedback (the comment reaches the other only if shared, an admin never), the
 * mentee records a goal at 100 % and goal.achieved arrives; two late cancellations and low communication
 * ratings turn the partnership's health to needs attention with exactly those pitfalls, and exactly one
 * partnership.health-changed per change of state is published. Rules that need time to pass are tested in
 * feedback-service with its own clock.
 */
class FeedbackScenarioTest {

    private static final String MENTEE = "globex-mentee1";
    private static final String MENTOR = "globex-mentor1";
    private static final Random RANDOM = new Random();

    /** Someone with a profile (once the service knows it) who is not one of the two gets 404 here. */
    private static void assertNotFoundFor(String stranger, String path) throws InterruptedException {
        Pairs.existingProfile(stranger);
        assertThat(Platform.eventually(() -> Platform.as(stranger).get(path).then().extract(), 403).statusCode()).isEqualTo(404);
    }

    private static String session(String partnership, LocalDateTime start) throws InterruptedException {
        String body = "{\"start\":\"" + start + "\",\"timeZone\":\"UTC\",\"durationMinutes\":30,\"mode\":\"PHONE\"}";
        var scheduled = Platform.eventually(() -> Platform.as(MENTEE).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sessions/partnerships/" + partnership + "/sessions").then().extract(), 404, 403);
        assertThat(scheduled.statusCode()).as(scheduled.asString()).isEqualTo(201);
        return scheduled.path("sessions[0].id");
    }

    @Test
    void feedbackGoalsAndHealthFollowThePartnership() throws Exception {
        try (TopicReader analytics = new TopicReader(Platform.KAFKA, "mentoring.feedback.v1")) {
            scenario(analytics);
        }
    }

    private static void scenario(TopicReader analytics) throws Exception {
        String partnership = Pairs.start(MENTEE, MENTOR);
        String agreement = "/api/v1/matching/partnerships/" + partnership + "/agreement";
        Platform.as(MENTEE).contentType(ContentType.JSON).body("""
                {"goals":[{"statement":"Run the quarterly planning","measure":"plans run","target":"1","why":"Lead the team",
                 "dueDate":"%s"}],"cadence":"MONTHLY","sessionMinutes":60,"meetingMode":"PHONE"}"""
                .formatted(LocalDate.now().plusMonths(2))).put(agreement).then().statusCode(201);
        for (String signer : List.of(MENTEE, MENTOR)) {
            Platform.as(signer).contentType(ContentType.JSON).body("{\"version\":1}").post(agreement + "/signatures").then().statusCode(200);
        }
        String goals = "/api/v1/feedback/partnerships/" + partnership + "/goals";
        String goalId = null;
        for (int i = 0; i < 120 && goalId == null; i++) {
            var known = Platform.as(MENTEE).get(goals).then().extract();
            goalId = known.statusCode() == 200 ? known.path("items[0].goalId") : null;
            if (goalId == null) {
                Thread.sleep(500); // the agreement's events are on their way to feedback-service
            }
        }
        assertThat(goalId).isNotNull();
        // the goal's words come on the internal topic, apart from agreement.in-force (which carries none)
        String title = null;
        for (int i = 0; i < 120 && title == null; i++) {
            title = Platform.as(MENTEE).get(goals).then().statusCode(200).extract().path("items[0].title");
            if (title == null) {
                Thread.sleep(500);
            }
        }
        assertThat(title).isEqualTo("Run the quarterly planning");

        {
            // a session that took place (recorded afterwards), and both give feedback on it
            String held = session(partnership, LocalDate.now(ZoneOffset.UTC).minusDays(1 + RANDOM.nextInt(10))
                    .atTime(6 + RANDOM.nextInt(14), RANDOM.nextInt(4) * 15));
            Platform.as(MENTOR).contentType(ContentType.JSON).body("{\"attendance\":\"BOTH\"}")
                    .post("/api/v1/sessions/" + held + "/completion").then().statusCode(200);
            String path = "/api/v1/feedback/sessions/" + held + "/feedback";
            // the mentor asks the mentee for feedback on it (once feedback-service knows the session took place); the
            // mentee's inbox tells her, with the session to open
            String asks = "/api/v1/feedback/partnerships/" + partnership + "/feedback-asks";
            var ask = Platform.eventually(() -> Platform.as(MENTOR).contentType(ContentType.JSON).body("{\"sessionId\":\"" + held + "\"}")
                    .post(asks).then().extract(), 404, 403, 409, 422);
            assertThat(ask.statusCode()).as(ask.asString()).isEqualTo(201);
            String askId = ask.path("id");
            String told = Platform.firstOf(() -> Platform.as(MENTEE).queryParam("unread", true).queryParam("limit", 50)
                    .get("/api/v1/notifications/inbox").then().statusCode(200).extract()
                    .<String>path("items.find { it.type == 'FEEDBACK_ASKED' && it.sessionId == '" + held + "' }.text"));
            assertThat(told).as("FEEDBACK_ASKED in the mentee's inbox (in her language)")
                    .isIn("Your mentor asks for your feedback on your session.", "Din mentor beder om din feedback på jeres møde.");
            var mentee = Platform.eventually(() -> Platform.as(MENTEE).contentType(ContentType.JSON)
                    .body("{\"overall\":3,\"preparation\":4,\"communication\":1,\"comment\":\"Hard to reach between sessions\",\"shareWithOther\":true}")
                    .post(path).then().extract(), 404, 403, 409);
            assertThat(mentee.statusCode()).as(mentee.asString()).isEqualTo(201);
            Platform.as(MENTOR).contentType(ContentType.JSON)
                    .body("{\"overall\":4,\"preparation\":3,\"communication\":2,\"comment\":\"Private thought\",\"shareWithOther\":false}")
                    .post(path).then().statusCode(201);
            Platform.as(MENTOR).get(path).then().statusCode(200).body("items.comment", org.hamcrest.Matchers.hasItem("Hard to reach between sessions"));
            // her feedback answered the ask
            Platform.as(MENTOR).get(asks).then().statusCode(200)
                    .body("items.find { it.id == '" + askId + "' }.state", equalTo("ANSWERED"));
            Platform.as(MENTEE).get(path).then().statusCode(200).body("items.comment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Private thought")))
                    .body("nextCursor", org.hamcrest.Matchers.nullValue());
            // the mentee edits it with the ETag it got (the same ratings); an edit from that older reading is then stale
            String menteeFeedback = "{\"overall\":3,\"preparation\":4,\"communication\":1,\"comment\":\"Hard to reach between sessions\",\"shareWithOther\":true}";
            assertThat(mentee.header("ETag")).isEqualTo("\"1\"");
            Platform.as(MENTEE).header("If-Match", mentee.header("ETag")).contentType(ContentType.JSON).body(menteeFeedback).put(path)
                    .then().statusCode(200).header("ETag", "\"2\"");
            Platform.as(MENTEE).header("If-Match", mentee.header("ETag")).contentType(ContentType.JSON).body(menteeFeedback).put(path)
                    .then().statusCode(412).contentType("application/problem+json");
            Platform.as("globex-admin").get(path).then().statusCode(403);
            // a person of the other tenant (known to the service) is told the session does not exist
            assertNotFoundFor("acme-mentee4", path);

            // the mentee reaches the goal
            Platform.as(MENTEE).contentType(ContentType.JSON).body("{\"progressPercent\":100,\"note\":\"Ran it last week\"}")
                    .post(goals + "/" + goalId + "/check-ins").then().statusCode(201);

            // two late cancellations
            for (int i = 0; i < 2; i++) {
                String soon = session(partnership, LocalDateTime.now(ZoneOffset.UTC).plusHours(2 + 2 * i).withSecond(0).withNano(0)
                        .plusMinutes(RANDOM.nextInt(60)));
                Platform.as(MENTOR).contentType(ContentType.JSON).body("{\"reasonCategory\":\"WORKLOAD\"}")
                        .post("/api/v1/sessions/" + soon + "/cancellation").then().statusCode(200).body("cancellation.late", equalTo(true));
            }
            String health = "/api/v1/feedback/partnerships/" + partnership + "/health";
            var state = Platform.as(MENTEE).get(health).then().extract();
            for (int i = 0; i < 60 && !"NEEDS_ATTENTION".equals(state.path("state")); i++) {
                Thread.sleep(500);
                state = Platform.as(MENTEE).get(health).then().extract();
            }
            assertThat(state.<String>path("state")).isEqualTo("NEEDS_ATTENTION");
            assertThat(state.<List<String>>path("pitfalls.pitfall")).containsExactly("LACK_OF_COMMITMENT", "POOR_COMMUNICATION");
            assertThat(state.<Integer>path("score")).isEqualTo(60);
            Platform.as("globex-admin").get(health).then().statusCode(200).body("state", equalTo("NEEDS_ATTENTION"));
            // the health collection: the mentee's own partnerships (this one among them), the tenant's for the admin
            Platform.as(MENTEE).queryParam("state", "NEEDS_ATTENTION").queryParam("limit", 200).get("/api/v1/feedback/health").then()
                    .statusCode(200).body("items.partnershipId", org.hamcrest.Matchers.hasItem(partnership));
            Platform.as("globex-admin").queryParam("state", "NEEDS_ATTENTION").queryParam("limit", 200).get("/api/v1/feedback/health")
                    .then().statusCode(200).body("items.partnershipId", org.hamcrest.Matchers.hasItem(partnership));
            assertNotFoundFor("globex-mentee4", health);

            // the last change of state is on its way (the API showed it); then everything the partnership published
            assertThat(analytics.await(r -> partnership.equals(r.key()) && r.value().contains("partnership.health-changed")
                    && r.value().contains("\"NEEDS_ATTENTION\""), Duration.ofSeconds(30))).isNotNull();
            List<ConsumerRecord<String, String>> story = analytics.settled(r -> partnership.equals(r.key()), 0, Duration.ZERO,
                    Duration.ofSeconds(3));
            List<String> types = story.stream().map(r -> CloudEvents.assertValid(r).get("type").asText()).toList();
            assertThat(types).containsSubsequence("feedback.asked", "feedback.submitted", "feedback.submitted", "goal.progressed",
                    "goal.achieved");
            assertThat(types.stream().filter("goal.achieved"::equals)).hasSize(1);
            List<String> healthStates = story.stream().filter(r -> r.value().contains("partnership.health-changed"))
                    .map(r -> CloudEvents.read(r).at("/data/state").asText()).toList();
            assertThat(healthStates).containsExactly("HEALTHY", "NEEDS_ATTENTION");
            assertThat(story).allSatisfy(r -> assertThat(r.value()).doesNotContain("Hard to reach").doesNotContain("Private thought")
                    .doesNotContain("Ran it last week"));

            // the mentee raises a concern with the program admins: the mentor never sees it, nor the pitfall it is
            String concerns = "/api/v1/feedback/partnerships/" + partnership + "/concerns";
            String concernId = Platform.as(MENTEE).contentType(ContentType.JSON)
                    .body("{\"category\":\"PERSONALITY_CLASH\",\"text\":\"We clash on every decision\"}").post(concerns).then()
                    .statusCode(201).body("state", equalTo("OPEN")).extract().path("id");
            Platform.as(MENTOR).get(concerns).then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(0));
            Platform.as(MENTOR).get(health).then().statusCode(200).body("state", equalTo("NEEDS_ATTENTION")).body("score", equalTo(60))
                    .body("pitfalls.pitfall", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("PERSONALITY_CLASH")));
            Platform.as("globex-admin").get(health).then().statusCode(200).body("state", equalTo("AT_RISK")).body("score", equalTo(35))
                    .body("pitfalls.pitfall", org.hamcrest.Matchers.hasItem("PERSONALITY_CLASH"));
            // the tenant's admins read it with its text; the other tenant's admin finds nothing
            Platform.as("globex-admin").queryParam("state", "OPEN").queryParam("partnershipId", partnership)
                    .get("/api/v1/feedback/concerns").then().statusCode(200)
                    .body("items.find { it.id == '" + concernId + "' }.text", equalTo("We clash on every decision"));
            Platform.as("acme-admin").get("/api/v1/feedback/concerns/" + concernId).then().statusCode(404);
            Platform.as(MENTOR).get("/api/v1/feedback/concerns/" + concernId).then().statusCode(403);
            // an admin closes it; the mentee's inbox tells her how, and the pitfall is gone
            Platform.as("globex-admin").contentType(ContentType.JSON).body("{\"outcome\":\"TALKED_TO_BOTH\"}")
                    .post("/api/v1/feedback/concerns/" + concernId + "/closure").then().statusCode(200).body("state", equalTo("CLOSED"));
            Platform.as("globex-admin").get(health).then().statusCode(200).body("state", equalTo("NEEDS_ATTENTION"));
            String outcome = Platform.firstOf(() -> Platform.as(MENTEE).queryParam("limit", 50).get("/api/v1/notifications/inbox").then()
                    .statusCode(200).extract()
                    .<String>path("items.find { it.type == 'CONCERN_CLOSED' && it.partnershipId == '" + partnership + "' }.text"));
            assertThat(outcome).as("CONCERN_CLOSED in the mentee's inbox (in her language)").isIn(
                    "The program admins closed the concern you raised: they talked to you both.",
                    "Programadministratorerne har lukket den bekymring, du rejste: de har talt med jer begge.");
            assertThat(analytics.await(r -> partnership.equals(r.key()) && r.value().contains("\"concern.closed\""), Duration.ofSeconds(30)))
                    .isNotNull();
            List<ConsumerRecord<String, String>> concernEvents = analytics.settled(r -> partnership.equals(r.key())
                    && r.value().contains("\"concern."), 2, Duration.ofSeconds(10), Duration.ofSeconds(1));
            assertThat(concernEvents.stream().map(r -> CloudEvents.assertValid(r).get("type").asText()))
                    .containsExactly("concern.raised", "concern.closed");
            assertThat(concernEvents).allSatisfy(r -> assertThat(r.value()).doesNotContain("clash on every"));
            // no notice reached the mentor
            Platform.as(MENTOR).queryParam("limit", 50).get("/api/v1/notifications/inbox").then().statusCode(200)
                    .body("items.type", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("CONCERN_CLOSED")));
        }
        // analytics never single anybody out: no evaluation answers yet, so no promoter score
        Platform.as("globex-admin").get("/api/v1/feedback/analytics").then().statusCode(200)
                .body("netPromoterScore.suppressed", equalTo(true)).body("minimumPeople", equalTo(5));
        Platform.as(MENTEE).get("/api/v1/feedback/analytics").then().statusCode(403);
    }
}
