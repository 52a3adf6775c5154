package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Raising a concern: either person tells the program admins privately; the other person never sees it, no event carries
 * its text, the admins read and close it with an outcome, and an open personality clash or breach of confidentiality is
 * a health pitfall only the admins see.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConcernsTest {

    private static final String TEXT = "He told his team what I said about my manager";

    @Inject
    Pool pool;

    private static String concerns(Fixtures.Pair pair) {
        return "/partnerships/" + pair.id() + "/concerns";
    }

    private static String raise(Fixtures.Pair pair, String token, String category, String text) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(text == null ? "{\"category\":\"" + category + "\"}" : "{\"category\":\"" + category + "\",\"text\":\"" + text + "\"}")
                .post(concerns(pair)).then().statusCode(201).extract().path("id");
    }

    private static int score(Fixtures.Pair pair, String token) {
        return given().header("Authorization", token).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .extract().path("score");
    }

    @Test
    void theMenteeTellsTheAdminsPrivatelyAndAnAdminClosesItWithAnOutcome() throws Exception {
        Fixtures.Pair pair = Fixtures.started(pool);
        int before = score(pair, pair.admin());
        String id;
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            id = given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                    .body("{\"category\":\"BREACH_OF_CONFIDENTIALITY\",\"text\":\"" + TEXT + "\"}")
                    .post(concerns(pair)).then().statusCode(201)
                    .body("partnershipId", equalTo(pair.id().toString())).body("raisedBy", equalTo(pair.menteeId().toString()))
                    .body("raisedByRole", equalTo("MENTEE")).body("category", equalTo("BREACH_OF_CONFIDENTIALITY"))
                    .body("text", equalTo(TEXT)).body("state", equalTo("OPEN")).body("outcome", nullValue())
                    .extract().path("id");
            var raised = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("\"concern.raised\""), 1);
            assertThat(raised).hasSize(1);
            assertThat(raised.get(0).value()).doesNotContain("manager").doesNotContain("\"text\"");
            JsonNode data = new ObjectMapper().readTree(raised.get(0).value()).get("data");
            assertThat(data.get("concernId").asText()).isEqualTo(id);
            assertThat(data.get("category").asText()).isEqualTo("BREACH_OF_CONFIDENTIALITY");
        }
        // once per category while open; another category is another concern
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"category\":\"BREACH_OF_CONFIDENTIALITY\"}")
                .post(concerns(pair)).then().statusCode(409).contentType("application/problem+json");

        // the mentee sees hers; the mentor sees none of it, nor the pitfall; a stranger and an admin cannot raise one here
        given().header("Authorization", pair.mentee()).get(concerns(pair)).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].text", equalTo(TEXT));
        given().header("Authorization", pair.mentor()).get(concerns(pair)).then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", pair.stranger()).get(concerns(pair)).then().statusCode(404);
        given().header("Authorization", pair.stranger()).contentType(ContentType.JSON).body("{\"category\":\"OTHER\"}")
                .post(concerns(pair)).then().statusCode(404);
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{\"category\":\"OTHER\"}")
                .post(concerns(pair)).then().statusCode(403);
        given().header("Authorization", pair.mentor()).get("/concerns").then().statusCode(403);

        // health: the admins see the breach, 35 points; the two people see the partnership as it was
        given().header("Authorization", pair.admin()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", hasItem("BREACH_OF_CONFIDENTIALITY"));
        assertThat(score(pair, pair.admin())).isEqualTo(before - 35);
        for (String person : new String[] { pair.mentee(), pair.mentor() }) {
            given().header("Authorization", person).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                    .body("pitfalls.pitfall", not(hasItem("BREACH_OF_CONFIDENTIALITY")));
            assertThat(score(pair, person)).isEqualTo(before);
            given().header("Authorization", person).get("/health").then().statusCode(200)
                    .body("items.find { it.partnershipId == '" + pair.id() + "' }.score", equalTo(before));
        }

        // the admins read it with its text, in the tenant's list and alone
        given().header("Authorization", pair.admin()).queryParam("state", "OPEN").queryParam("partnershipId", pair.id().toString())
                .get("/concerns").then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("items[0].text", equalTo(TEXT));
        given().header("Authorization", pair.admin()).get("/concerns/" + id).then().statusCode(200).body("text", equalTo(TEXT));

        // an admin closes it: the raiser is told the outcome (never the text), and the pitfall is gone
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{\"outcome\":\"TALKED_TO_BOTH\"}")
                    .post("/concerns/" + id + "/closure").then().statusCode(200)
                    .body("state", equalTo("CLOSED")).body("outcome", equalTo("TALKED_TO_BOTH")).body("closedAt", notNullValue());
            var closed = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("\"concern.closed\""), 1);
            assertThat(closed).hasSize(1);
            assertThat(closed.get(0).value()).contains("\"TALKED_TO_BOTH\"").contains(pair.menteeId().toString())
                    .doesNotContain("manager").doesNotContain("ADMIN-1");
        }
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{\"outcome\":\"REMATCHED\"}")
                .post("/concerns/" + id + "/closure").then().statusCode(409).contentType("application/problem+json");
        assertThat(score(pair, pair.admin())).isEqualTo(before);
        given().header("Authorization", pair.mentee()).get(concerns(pair)).then().statusCode(200)
                .body("items[0].state", equalTo("CLOSED")).body("items[0].outcome", equalTo("TALKED_TO_BOTH"));
        given().header("Authorization", pair.admin()).queryParam("state", "OPEN").queryParam("partnershipId", pair.id().toString())
                .get("/concerns").then().statusCode(200).body("items", hasSize(0));
        // closed, it may be raised again
        raise(pair, pair.mentee(), "BREACH_OF_CONFIDENTIALITY", null);
    }

    @Test
    void aPersonalityClashIsThePitfallTheAdminsSeeAndTheMentorsConcernStaysHis() {
        Fixtures.Pair pair = Fixtures.started(pool);
        int before = score(pair, pair.admin());
        raise(pair, pair.mentor(), "PERSONALITY_CLASH", null);
        raise(pair, pair.mentor(), "LACK_OF_COMMITMENT", "Cancels every other session");
        given().header("Authorization", pair.admin()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", hasItem("PERSONALITY_CLASH"));
        assertThat(score(pair, pair.admin())).isEqualTo(before - 25);
        given().header("Authorization", pair.mentee()).get(concerns(pair)).then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", pair.mentor()).get(concerns(pair)).then().statusCode(200).body("items", hasSize(2))
                .body("items.category", hasItem("LACK_OF_COMMITMENT"));
        given().header("Authorization", pair.admin()).queryParam("category", "PERSONALITY_CLASH").queryParam("partnershipId", pair.id().toString())
                .get("/concerns").then().statusCode(200).body("items", hasSize(1)).body("items[0].raisedByRole", equalTo("MENTOR"));
        // paged, newest first
        given().header("Authorization", pair.admin()).queryParam("partnershipId", pair.id().toString()).queryParam("limit", 1)
                .get("/concerns").then().statusCode(200).body("items", hasSize(1)).body("items[0].category", equalTo("LACK_OF_COMMITMENT"))
                .body("nextCursor", notNullValue());
    }

    @Test
    void anotherTenantsAdminFindsNothing() {
        Fixtures.Pair pair = Fixtures.started(pool);
        String id = raise(pair, pair.mentee(), "OTHER", TEXT);
        String otherAdmin = TestTokens.person("t-other-" + UUID.randomUUID().toString().substring(0, 6), "ADMIN-1", "program-admin").bearer();
        given().header("Authorization", otherAdmin).get("/concerns/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", otherAdmin).contentType(ContentType.JSON).body("{\"outcome\":\"REMATCHED\"}")
                .post("/concerns/" + id + "/closure").then().statusCode(404);
        given().header("Authorization", otherAdmin).queryParam("partnershipId", pair.id().toString()).get("/concerns").then()
                .statusCode(200).body("items", hasSize(0));
        given().header("Authorization", pair.admin()).get("/concerns/" + id).then().statusCode(200).body("state", equalTo("OPEN"));
    }

    @Test
    void badConcernsAreRefusedAndNameWhatIsWrong() {
        Fixtures.Pair pair = Fixtures.started(pool);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"text\":\"no category\"}")
                .post(concerns(pair)).then().statusCode(anyOf(equalTo(400), equalTo(422))).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("category")));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"category\":\"BORED\"}")
                .post(concerns(pair)).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"category\":\"OTHER\",\"text\":\"" + "x".repeat(2001) + "\"}")
                .post(concerns(pair)).then().statusCode(anyOf(equalTo(400), equalTo(422)))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("text")));
        given().header("Authorization", pair.mentee()).contentType(ContentType.TEXT).body("OTHER")
                .post(concerns(pair)).then().statusCode(415);
        String id = raise(pair, pair.mentee(), "OTHER", null);
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{}")
                .post("/concerns/" + id + "/closure").then().statusCode(anyOf(equalTo(400), equalTo(422)))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("outcome")));
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{\"outcome\":\"FORGOTTEN\"}")
                .post("/concerns/" + id + "/closure").then().statusCode(400);
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{\"outcome\":\"REMATCHED\"}")
                .post("/concerns/" + UUID.randomUUID() + "/closure").then().statusCode(404);
        for (String[] param : new String[][] { { "state", "SHUT" }, { "category", "BORED" }, { "partnershipId", "nope" } }) {
            given().header("Authorization", pair.admin()).queryParam(param[0], param[1]).get("/concerns").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(param[0]));
        }
        // nothing of the refused ones was kept
        given().header("Authorization", pair.admin()).queryParam("partnershipId", pair.id().toString()).get("/concerns").then()
                .statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anAdminWhoIsTheOtherPersonSeesNothingOfIt() {
        Fixtures.Pair pair = Fixtures.started(pool);
        String mentorAdmin = TestTokens.person(pair.tenant(), pair.mentorEmployee(), "mentor", "program-admin").bearer();
        int before = score(pair, pair.admin());
        String id = raise(pair, pair.mentee(), "PERSONALITY_CLASH", TEXT);
        // with a breach too (25 + 35), the admins' state differs from the one the two people see
        raise(pair, pair.mentee(), "BREACH_OF_CONFIDENTIALITY", null);
        given().header("Authorization", mentorAdmin).queryParam("partnershipId", pair.id().toString()).get("/concerns").then()
                .statusCode(200).body("items", hasSize(0));
        given().header("Authorization", mentorAdmin).get("/concerns/" + id).then().statusCode(404);
        given().header("Authorization", mentorAdmin).contentType(ContentType.JSON).body("{\"outcome\":\"REMATCHED\"}")
                .post("/concerns/" + id + "/closure").then().statusCode(404);
        given().header("Authorization", mentorAdmin).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("score", equalTo(before)).body("pitfalls.pitfall", not(hasItem("PERSONALITY_CLASH")));
        given().header("Authorization", mentorAdmin).queryParam("limit", 200).get("/health").then().statusCode(200)
                .body("items.find { it.partnershipId == '" + pair.id() + "' }.score", equalTo(before));
        // asked for the state it is in for the admins, their own partnership is not among them; for the state they see, it is
        String adminState = given().header("Authorization", pair.admin()).get("/partnerships/" + pair.id() + "/health").then()
                .statusCode(200).extract().path("state");
        String sharedState = given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then()
                .statusCode(200).extract().path("state");
        assertThat(adminState).isNotEqualTo(sharedState);
        given().header("Authorization", mentorAdmin).queryParam("state", adminState).queryParam("limit", 200).get("/health").then()
                .statusCode(200).body("items.partnershipId", not(hasItem(pair.id().toString())));
        given().header("Authorization", mentorAdmin).queryParam("state", sharedState).queryParam("limit", 200).get("/health").then()
                .statusCode(200).body("items.partnershipId", hasItem(pair.id().toString()));
        // another admin of the tenant reads and closes it
        given().header("Authorization", pair.admin()).get("/concerns/" + id).then().statusCode(200).body("text", equalTo(TEXT));
    }

    @Test
    void closingAConcernOfAnEndedPartnershipTakesItsPitfallAway() {
        Fixtures.Pair pair = Fixtures.started(pool);
        String id = raise(pair, pair.mentee(), "BREACH_OF_CONFIDENTIALITY", null);
        given().header("Authorization", pair.admin()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", hasItem("BREACH_OF_CONFIDENTIALITY"));
        Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "partnership.ended", """
                {"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"ENDED_EARLY","cadence":null,"reasonCategory":"NOT_A_GOOD_FIT","at":"%s"}"""
                .formatted(pair.id(), pair.menteeId(), pair.mentorId(), java.time.OffsetDateTime.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> pool
                .preparedQuery("select count(*) from partnership_copy where id = $1 and state = 'ENDED_EARLY'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(pair.id())).await().indefinitely().iterator().next().getLong(0) == 1);
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{\"outcome\":\"PARTNERSHIP_ENDED\"}")
                .post("/concerns/" + id + "/closure").then().statusCode(200);
        given().header("Authorization", pair.admin()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", not(hasItem("BREACH_OF_CONFIDENTIALITY")));
    }
}
