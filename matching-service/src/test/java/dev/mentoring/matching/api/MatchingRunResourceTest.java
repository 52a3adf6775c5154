package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MatchingRunResourceTest {

    private static String cohort() {
        String tenant = People.newTenant();
        People.provision(tenant, "M-1", People.mentorJson("Java", "Europe/Berlin", "[{\"name\":\"java\",\"level\":5}]", "[\"java\"]", 2));
        People.provision(tenant, "M-2", People.mentorJson("Sql", "Europe/London", "[{\"name\":\"sql\",\"level\":5}]", "[\"sql\"]", 1));
        for (int i = 0; i < 5; i++) {
            People.provision(tenant, "E-" + i, People.menteeJson("Mentee " + i, "X", "learn java and sql",
                    "[{\"name\":\"" + (i % 2 == 0 ? "java" : "sql") + "\",\"level\":4}]"));
        }
        return tenant;
    }

    @Test
    void anAdminDryRunsThenCommitsAndTheRequestsAndRunEventArePublished() {
        String tenant = cohort();
        var proposal = given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"max-score\",\"minimumScore\":20}").post("/matching-runs")
                .then().statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("figures.cohortMentees", equalTo(5))
                .body("figures.menteesMatched", equalTo(3)) // capacity 2 + 1
                .body("unmatched.size()", equalTo(2))
                .body("unmatched[0].reason", equalTo("CAPACITY_TAKEN"))
                .extract();
        String runId = proposal.path("id");
        given().header("Authorization", People.admin(tenant)).get("/matching-runs/" + runId).then().statusCode(200)
                .body("assignments.size()", equalTo(3));

        try (TopicReader requests = new TopicReader("test.mentoring.partnership.v1");
                TopicReader runs = new TopicReader("test.mentoring.matching-run.v1")) {
            given().header("Authorization", People.admin(tenant)).post("/matching-runs/" + runId + "/commit")
                    .then().statusCode(200).body("status", equalTo("COMMITTED")).body("requestsCreated", equalTo(3));
            assertThat(runs.await(r -> runId.equals(r.key()) && r.value().contains("matching-run.completed"),
                    Duration.ofSeconds(20))).isNotNull();
            assertThat(requests.collect(r -> r.value().contains("mentorship.requested") && r.value().contains(runId), 3,
                    Duration.ofSeconds(20))).hasSize(3);
        }
        given().header("Authorization", People.admin(tenant)).post("/matching-runs/" + runId + "/commit")
                .then().statusCode(409).contentType("application/problem+json");

        // the matched mentees wait for answers now: the next cohort holds only the other two
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"stable\"}").post("/matching-runs").then().statusCode(201)
                .body("figures.cohortMentees", equalTo(2)).body("figures.menteesMatched", equalTo(0));
    }

    @Test
    void aProposalCommittedLaterLeavesOutWhatChangedSinceItWasMatched() {
        String tenant = cohort();
        String first = given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"max-score\",\"minimumScore\":20}").post("/matching-runs").then().statusCode(201)
                .extract().path("id");
        String second = given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"stable\",\"minimumScore\":20}").post("/matching-runs").then().statusCode(201)
                .body("figures.menteesMatched", equalTo(3)).extract().path("id");
        given().header("Authorization", People.admin(tenant)).post("/matching-runs/" + first + "/commit")
                .then().statusCode(200).body("requestsCreated", equalTo(3));
        // every place the second proposal used is taken now, and its mentees may be waiting for answers
        given().header("Authorization", People.admin(tenant)).post("/matching-runs/" + second + "/commit")
                .then().statusCode(200).body("status", equalTo("COMMITTED")).body("requestsCreated", equalTo(0));
    }

    @Test
    void stableRunsHaveNoBlockingPairs() {
        String tenant = cohort();
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"stable\",\"minimumScore\":10}").post("/matching-runs").then().statusCode(201)
                .body("figures.blockingPairs", equalTo(0)).body("figures.menteesMatched", greaterThan(0));
    }

    @Test
    void runsAreForAdminsOfTheirTenantOnly() {
        String tenant = cohort();
        String runId = given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"max-score\"}").post("/matching-runs").then().statusCode(201).extract().path("id");
        given().header("Authorization", People.admin(People.newTenant())).get("/matching-runs/" + runId).then().statusCode(404);
        given().header("Authorization", People.admin(People.newTenant())).post("/matching-runs/" + runId + "/commit")
                .then().statusCode(404);
        given().header("Authorization", TestTokens.person(tenant, "E-1", "mentee").bearer()).contentType(ContentType.JSON)
                .body("{\"objective\":\"max-score\"}").post("/matching-runs").then().statusCode(403);
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"random\"}").post("/matching-runs").then().statusCode(400)
                .body("errors[0].field", equalTo("objective"));
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"objective\":\"stable\",\"minimumScore\":120}").post("/matching-runs").then().statusCode(400)
                .body("errors[0].field", equalTo("minimumScore"));
    }
}
