package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The matching scenario through the gateway with real tokens: HR platforms bulk-import their people,
 * a mentee gets explained recommendations, an admin dry-runs and commits a cohort run, the requests and
 * the run are published, and the other tenant sees none of it. Expects the fresh end-to-end databases that
 * {@code deploy/local/platform test} creates: on a long-lived platform, earlier commits hold the mentors' places.
 */
class MatchingScenarioTest {

    private static RequestSpecification hr(String tenant) {
        return Callers.as("hr-" + tenant);
    }

    private static Set<String> participantIds(String tenant) {
        Set<String> ids = new HashSet<>();
        String cursor = "";
        do {
            var page = hr(tenant).queryParam("limit", 200).queryParam("cursor", cursor).get("/api/v1/matching/participants")
                    .then().statusCode(200).extract();
            ids.addAll(page.<List<String>>path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void hrImportsAMenteeGetsRecommendationsAndAnAdminCommitsACohortRun() throws Exception {
        Pairs.importSeed("acme");
        Pairs.importSeed("globex");
        Set<String> acme = participantIds("acme");
        Set<String> globex = participantIds("globex");
        assertThat(acme).hasSizeGreaterThanOrEqualTo(49).doesNotContainAnyElementsOf(globex);

        // a mentee's recommendations: explained, from their own tenant, with the excluded and why
        var recommendations = Platform.as("acme-mentee2").get("/api/v1/matching/participants/me/recommendations?includeExcluded=true")
                .then().statusCode(200).body("recommendations.size()", greaterThan(0)).extract();
        List<String> recommended = recommendations.path("recommendations.mentor.id");
        assertThat(acme).containsAll(recommended);
        List<List<Object>> explanations = recommendations.path("recommendations.explanation");
        assertThat(explanations).allSatisfy(explanation -> assertThat(explanation).hasSize(7));
        List<Map<String, String>> excluded = recommendations.path("excluded");
        assertThat(excluded).anySatisfy(e -> {
            assertThat(e.get("rule")).isEqualTo("IS_MENTEES_MANAGER");
            assertThat(e.get("displayName")).isEqualTo("Sofia Berg");
        });
        Platform.as("globex-mentee2").get("/api/v1/matching/participants/me/recommendations").then().statusCode(200)
                .extract().<List<String>>path("recommendations.mentor.id")
                .forEach(id -> assertThat(globex).contains(id));

        // an admin dry-runs the cohort
        var run = Platform.as("acme-admin").contentType(ContentType.JSON).body("{\"objective\":\"max-score\",\"minimumScore\":30}")
                .post("/api/v1/matching/matching-runs").then().statusCode(201).body("status", equalTo("PROPOSED")).extract();
        String runId = run.path("id");
        int cohort = run.path("figures.cohortMentees");
        int matched = run.path("figures.menteesMatched");
        assertThat(matched).isPositive();
        assertThat(run.<List<?>>path("unmatched")).hasSize(cohort - matched);
        List<String> proposedMentees = run.path("assignments.menteeId");
        List<String> proposedMentors = run.path("assignments.mentorId");
        assertThat(acme).containsAll(proposedMentees).containsAll(proposedMentors);

        // the other tenant does not see it, nor can commit it
        Platform.as("globex-admin").get("/api/v1/matching/matching-runs/" + runId).then().statusCode(404);
        Platform.as("globex-admin").post("/api/v1/matching/matching-runs/" + runId + "/commit").then().statusCode(404);
        Platform.as("acme-mentee1").post("/api/v1/matching/matching-runs/" + runId + "/commit").then().statusCode(403);

        try (TopicReader requests = new TopicReader(Platform.KAFKA, "mentoring.partnership.v1");
                TopicReader runs = new TopicReader(Platform.KAFKA, "mentoring.matching-run.v1")) {
            int created = Platform.as("acme-admin").post("/api/v1/matching/matching-runs/" + runId + "/commit")
                    .then().statusCode(200).body("status", equalTo("COMMITTED")).extract().path("requestsCreated");
            assertThat(created).isEqualTo(matched);

            ConsumerRecord<String, String> completed = runs.await(r -> runId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(completed).as("matching-run.completed").isNotNull();
            JsonNode event = CloudEvents.assertValid(completed);
            assertThat(event.get("type").asText()).isEqualTo("matching-run.completed");
            assertThat(event.get("tenant").asText()).isEqualTo("acme");
            assertThat(event.at("/data/requestsCreated").asInt()).isEqualTo(created);

            List<ConsumerRecord<String, String>> asked = requests.collect(
                    r -> runId.equals(CloudEvents.read(r).at("/data/matchingRunId").asText()), created, Duration.ofSeconds(30));
            assertThat(asked).hasSize(created);
            for (ConsumerRecord<String, String> record : asked) {
                JsonNode request = CloudEvents.assertValid(record);
                assertThat(request.get("type").asText()).isEqualTo("mentorship.requested");
                assertThat(request.get("tenant").asText()).isEqualTo("acme");
                assertThat(acme).contains(request.at("/data/menteeId").asText(), request.at("/data/mentorId").asText());
            }
        }
        Platform.as("acme-admin").post("/api/v1/matching/matching-runs/" + runId + "/commit").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aMenteeCannotProvisionAndAnHrClientCannotReadAnotherTenant() {
        Platform.as("acme-mentee3").contentType(ContentType.JSON).body("{\"participants\":[]}")
                .post("/api/v1/matching/participants/imports").then().statusCode(403).contentType("application/problem+json");
        String acmeMentee = Platform.as("acme-mentee3").contentType(ContentType.JSON)
                .body("{\"displayName\":\"Emma Larsen\",\"timeZone\":\"Europe/Copenhagen\",\"languages\":[\"en\"]}")
                .put("/api/v1/matching/participants/me").then().extract().path("id");
        hr("globex").get("/api/v1/matching/participants/" + acmeMentee).then().statusCode(404);
        Platform.as("acme-mentor1").get("/api/v1/matching/participants").then().statusCode(403);
    }
}
