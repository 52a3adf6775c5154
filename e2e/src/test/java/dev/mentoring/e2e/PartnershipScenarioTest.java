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
 * The partnership scenario through the gateway with real tokens: a mentee asks, the mentor accepts, the
 * partnership starts, both sign an agreement with two SMART goals, and an analytics consumer sees the
 * story in order under one key; nobody else sees the request, the partnership or the agreement.
 */
class PartnershipScenarioTest {

    @Test
    void aMenteeAsksTheMentorAcceptsAndThePartnershipStarts() {
        String mentorId = Pairs.profile("globex-mentor2", "Ole Hansen");
        Pairs.profile("globex-mentee3", "Emma Larsen");
        Pairs.clear("globex-mentee3", mentorId);
        try (TopicReader analytics = new TopicReader(Platform.KAFKA, "mentoring.partnership.v1")) {
            String requestId = Platform.as("globex-mentee3").contentType(ContentType.JSON)
                    .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"I would love your guidance\"}")
                    .post("/api/v1/matching/mentorship-requests").then().statusCode(201).extract().path("id");
            Platform.as("globex-mentor2").get("/api/v1/matching/mentorship-requests/" + requestId).then().statusCode(200)
                    .body("message", equalTo("I would love your guidance"));

            // nobody else sees it: a third person of the tenant, the other tenant
            for (String stranger : List.of("globex-mentee4", "acme-mentee4")) {
                Platform.as(stranger).get("/api/v1/matching/mentorship-requests/" + requestId).then().statusCode(404);
            }

            Platform.as("globex-mentor2").post("/api/v1/matching/mentorship-requests/" + requestId + "/acceptance")
                    .then().statusCode(200).body("id", equalTo(requestId)).body("state", equalTo("ACTIVE"));
            for (String stranger : List.of("globex-mentee4", "acme-mentee4")) {
                Platform.as(stranger).get("/api/v1/matching/partnerships/" + requestId).then().statusCode(404);
                Platform.as(stranger).post("/api/v1/matching/partnerships/" + requestId + "/pause").then().statusCode(404);
            }
            Platform.as("acme-admin").get("/api/v1/matching/partnerships/" + requestId).then().statusCode(404);
            // the collection is scoped by role: the mentee's own, with the private texts; never another tenant's
            Platform.as("globex-mentee3").get("/api/v1/matching/partnerships?state=ACTIVE").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(requestId));
            Platform.as("acme-mentee4").get("/api/v1/matching/partnerships?state=ACTIVE").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(requestId)));

            // both sign an agreement with two SMART goals
            String agreement = "/api/v1/matching/partnerships/" + requestId + "/agreement";
            String due = java.time.LocalDate.now().plusMonths(5).toString();
            Platform.as("globex-mentee3").contentType(ContentType.JSON).body("""
                    {"goals":[
                      {"statement":"Lead the team's next release","measure":"releases led","target":"1","why":"Step towards team lead","dueDate":"%s"},
                      {"statement":"Speak at the internal tech forum","measure":"talks given","target":"2","why":"Visibility and confidence","dueDate":"%s"}],
                     "cadence":"MONTHLY","sessionMinutes":90,"meetingMode":"VIDEO","placeOrLink":"https://meet.example.com/emma"}"""
                    .formatted(due, due))
                    .put(agreement).then().statusCode(201).header("ETag", "\"1\"");
            Platform.as("acme-mentee4").get(agreement).then().statusCode(404);
            for (String signer : List.of("globex-mentee3", "globex-mentor2")) {
                Platform.as(signer).contentType(ContentType.JSON).body("{\"version\":1}").post(agreement + "/signatures")
                        .then().statusCode(200);
            }
            Platform.as("globex-mentor2").get(agreement).then().statusCode(200).body("inForce.version", equalTo(1))
                    .body("inForce.goals.size()", equalTo(2));

            List<ConsumerRecord<String, String>> story = analytics.collect(r -> requestId.equals(r.key()), 6, Duration.ofSeconds(30));
            assertThat(story).extracting(r -> CloudEvents.assertValid(r).get("type").asText())
                    .containsExactly("mentorship.requested", "mentorship.accepted", "partnership.started",
                            "agreement.signed", "agreement.signed", "agreement.in-force");
            assertThat(CloudEvents.read(story.get(5)).at("/data/goals").size()).isEqualTo(2);
            assertThat(CloudEvents.read(story.get(5)).at("/data/cadence").asText()).isEqualTo("MONTHLY");
            assertThat(story).allSatisfy(r -> {
                assertThat(CloudEvents.read(r).get("tenant").asText()).isEqualTo("globex");
                assertThat(r.value()).doesNotContain("guidance");
                // the goals' words are on no public topic
                assertThat(r.value()).doesNotContain("Lead the team's next release", "releases led", "talks given");
            });
        }
    }
}
