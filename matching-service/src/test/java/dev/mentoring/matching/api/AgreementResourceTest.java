package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.matching.application.AgreementReviews;
import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AgreementResourceTest {

    @Inject
    Pool pool;

    @Inject
    AgreementReviews reviews;

    private record Pair(String tenant, String partnershipId, String mentee, String mentor) {
    }

    private static Pair partnership() {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X", "grow", "[]"));
        People.provision(tenant, "E-3", People.menteeJson("Third", "X", "grow", "[]"));
        String mentee = TestTokens.person(tenant, "E-1", "mentee").bearer();
        String mentor = TestTokens.person(tenant, "M-1", "mentor").bearer();
        String id = given().header("Authorization", mentee).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentorId + "\"}").post("/mentorship-requests").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", mentor).post("/mentorship-requests/" + id + "/acceptance").then().statusCode(200);
        return new Pair(tenant, id, mentee, mentor);
    }

    private static String goal(String statement, String measure, String target, LocalDate due) {
        return "{\"statement\":\"" + statement + "\",\"measure\":" + (measure == null ? "null" : "\"" + measure + "\"")
                + ",\"target\":\"" + target + "\",\"why\":\"It matters for my next role\",\"dueDate\":"
                + (due == null ? "null" : "\"" + due + "\"") + "}";
    }

    private static String agreement(String... goals) {
        return "{\"goals\":[" + String.join(",", goals) + "],\"cadence\":\"MONTHLY\",\"sessionMinutes\":90,"
                + "\"meetingMode\":\"VIDEO\",\"placeOrLink\":\"https://meet.example.com/anna\",\"channel\":\"chat\","
                + "\"responseTimeHours\":48,\"groundRules\":\"Come prepared\"}";
    }

    private static final LocalDate LATER = LocalDate.now().plusMonths(4);

    @Test
    void bothSignTwoSmartGoalsAndTheAgreementIsInForce() {
        Pair pair = partnership();
        String path = "/partnerships/" + pair.partnershipId() + "/agreement";
        try (TopicReader events = new TopicReader("test.mentoring.partnership.v1");
                TopicReader words = new TopicReader("test.mentoring.internal.agreement-text.v1")) {
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                    .body(agreement(goal("Lead a team of three", "team size led", "3 people", LATER),
                            goal("Present at the architecture forum", "talks given", "1 talk", LATER)))
                    .put(path).then().statusCode(201).header("ETag", "\"1\"")
                    .body("latest.confidentiality", org.hamcrest.Matchers.containsString("stays between"))
                    .body("latest.reviewDate", equalTo(LocalDate.now().plusMonths(6).toString()))
                    .body("inForce", nullValue());
            String body = "{\"version\":1}";
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(body).post(path + "/signatures")
                    .then().statusCode(200).body("inForce", nullValue());
            given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body(body).post(path + "/signatures")
                    .then().statusCode(200).body("inForce.version", equalTo(1));
            given().header("Authorization", pair.mentor()).get("/partnerships/" + pair.partnershipId()).then()
                    .body("cadence", equalTo("MONTHLY"));

            var story = events.settled(r -> pair.partnershipId().equals(r.key()) && r.value().contains("agreement."), 3);
            assertThat(story).extracting(r -> r.value().replaceAll(".*\"type\": ?\"([a-z.-]+)\".*", "$1"))
                    .containsExactly("agreement.signed", "agreement.signed", "agreement.in-force");
            assertThat(story.get(2).value()).contains("MONTHLY", LATER.toString());
            // the words the pair wrote are on no public topic: only on the internal one, for the platform's services
            assertThat(story).allSatisfy(r -> assertThat(r.value()).doesNotContain("Come prepared", "Lead a team of three", "talks given"));
            var texts = words.settled(r -> pair.partnershipId().equals(r.key()), 1);
            assertThat(texts.get(0).value()).contains("agreement.goal-texts", "Lead a team of three", "team size led", "3 people", "talks given")
                    .containsPattern("\"version\": ?1\\b");
        }

        // an edit is a new draft; the signed version stays in force until both sign the new one
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(agreement(goal("Lead a team of five", "team size led", "5 people", LATER)))
                .put(path).then().statusCode(200).header("ETag", "\"2\"")
                .body("latest.version", equalTo(2)).body("inForce.version", equalTo(1));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"version\":1}")
                .post(path + "/signatures").then().statusCode(409);
    }

    @Test
    void aGoalThatIsNotSmartIsRefusedNamingTheMissingElement() {
        Pair pair = partnership();
        String path = "/partnerships/" + pair.partnershipId() + "/agreement";
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body(agreement(goal("Lead a team", null, "3", LATER)))
                .put(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("goals[0].measure"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Measurable"));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body(agreement(goal("Lead a team", "size", "3", LATER), goal("Ship it", "releases", "2", LocalDate.now().minusDays(1))))
                .put(path).then().statusCode(422).body("errors[0].field", equalTo("goals[1].dueDate"));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body(agreement(goal("Lead a team", "size", "3", null)))
                .put(path).then().statusCode(422).body("errors[0].field", equalTo("goals[0].dueDate"));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body(agreement(goal("Lead a team", "size", "3", LATER)).replace("90", "300"))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("sessionMinutes"));
        given().header("Authorization", pair.mentee()).get(path).then().statusCode(404); // nothing written
    }

    @Test
    void concurrentEditorsNeedTheCurrentETag() {
        Pair pair = partnership();
        String path = "/partnerships/" + pair.partnershipId() + "/agreement";
        String body = agreement(goal("Lead a team of three", "team size led", "3 people", LATER));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(body).put(path).then().statusCode(201);
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body(body).put(path).then().statusCode(428);
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .put(path).then().statusCode(200).header("ETag", "\"2\"");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .put(path).then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void nobodyElseSeesOrTouchesTheAgreement() {
        Pair pair = partnership();
        String path = "/partnerships/" + pair.partnershipId() + "/agreement";
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body(agreement(goal("Lead a team of three", "team size led", "3 people", LATER))).put(path).then().statusCode(201);
        for (String stranger : List.of(TestTokens.person(pair.tenant(), "E-3", "mentee").bearer(),
                TestTokens.person(People.newTenant(), "E-1", "mentee").bearer())) {
            given().header("Authorization", stranger).get(path).then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
            given().header("Authorization", stranger).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                    .body(agreement(goal("Take over", "x", "y", LATER))).put(path).then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
            given().header("Authorization", stranger).contentType(ContentType.JSON).body("{\"version\":1}")
                    .post(path + "/signatures").then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        }
        given().header("Authorization", People.admin(pair.tenant())).get(path).then().statusCode(403);
        given().header("Authorization", pair.mentor()).get(path).then().statusCode(200).body("latest.version", equalTo(1));
    }

    @Test
    void aReviewDueIsPublishedOnce() throws Throwable {
        Pair pair = partnership();
        String path = "/partnerships/" + pair.partnershipId() + "/agreement";
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body(agreement(goal("Lead a team of three", "team size led", "3 people", LATER))).put(path).then().statusCode(201);
        for (String signer : List.of(pair.mentee(), pair.mentor())) {
            given().header("Authorization", signer).contentType(ContentType.JSON).body("{\"version\":1}")
                    .post(path + "/signatures").then().statusCode(200);
        }
        pool.preparedQuery("update agreement_version set review_date = current_date - 1 where partnership_id = $1")
                .execute(Tuple.of(UUID.fromString(pair.partnershipId()))).await().atMost(Duration.ofSeconds(5));
        try (TopicReader events = new TopicReader("test.mentoring.partnership.v1")) {
            VertxContextSupport.subscribeAndAwait(() -> reviews.publishDue());
            VertxContextSupport.subscribeAndAwait(() -> reviews.publishDue());
            var due = events.settled(r -> pair.partnershipId().equals(r.key()) && r.value().contains("agreement.review-due"), 1);
            assertThat(due).hasSize(1);
        }
    }
}
