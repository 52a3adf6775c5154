package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * A leaver, across the services through Kafka: the HR platform erases a mentee in the middle of a partnership. Their
 * partnership ends (LEFT_ORGANISATION) in matching-service, session-service cancels the future session and deletes the
 * note they wrote, feedback-service removes the text of the concern they raised, matching-service the message they
 * asked with; the mentor is told. The people are made for this test in the realm (an erased person is gone for good).
 */
class LeaversScenarioTest {

    private static final String HR = "hr-acme";

    private static String provision(String employeeId, String profile) {
        return Callers.as(HR).contentType(ContentType.JSON).body(profile)
                .put("/api/v1/matching/participants/by-employee-id/" + employeeId).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract().path("id");
    }

    /** Waits (up to 60 s) until the check holds: the services learn of the erasure through Kafka. */
    private static void eventually(String what, Supplier<Boolean> check) throws InterruptedException {
        assertThat(Platform.firstOf(() -> check.get() ? Boolean.TRUE : null)).as(what + " never happened").isNotNull();
    }

    @Test
    void anErasedMenteeLeavesEveryServiceAndEveryWordTheyWroteGoes() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String mentee = "leaver-" + suffix;
        String mentor = "stayer-" + suffix;
        String menteeEmployee = "L-" + suffix;
        String mentorEmployee = "S-" + suffix;
        List<String> realmUsers = new ArrayList<>();
        try {
            provision(mentorEmployee, """
                    {"displayName":"Stayer %s","timeZone":"Europe/Copenhagen","languages":["en"],"yearsOfExperience":12,"seniority":"SENIOR",
                     "skills":[{"name":"product","level":5}],"industries":["software"],"expertise":["product"],
                     "mentor":{"capacity":2,"acceptingMentees":true}}""".formatted(suffix));
            String menteeId = provision(menteeEmployee, """
                    {"displayName":"Leaver %s","timeZone":"Europe/Copenhagen","languages":["en"],"yearsOfExperience":2,"seniority":"JUNIOR",
                     "skills":[],"industries":["software"],
                     "mentee":{"goals":"Grow into product work","desiredSkills":[{"name":"product","level":4}],"optedIn":true}}"""
                    .formatted(suffix));
            realmUsers.add(RealmUsers.create(mentor, "acme", mentorEmployee, "mentor"));
            realmUsers.add(RealmUsers.create(mentee, "acme", menteeEmployee, "mentee"));

            String partnership = Pairs.start(mentee, mentor);
            String body = "{\"start\":\"" + LocalDate.now().plusDays(20) + "T10:00\",\"timeZone\":\"UTC\",\"durationMinutes\":30,\"mode\":\"PHONE\"}";
            var scheduled = Platform.eventually(() -> Platform.as(mentee).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/sessions/partnerships/" + partnership + "/sessions").then().extract(), 404, 403);
            assertThat(scheduled.statusCode()).as(scheduled.asString()).isEqualTo(201);
            String session = scheduled.path("sessions[0].id");
            Platform.as(mentee).contentType(ContentType.JSON).body("{\"text\":\"My manager is leaving too\"}")
                    .post("/api/v1/sessions/" + session + "/notes").then().statusCode(201);
            Platform.as(mentor).get("/api/v1/sessions/" + session + "/notes").then().statusCode(200)
                    .body("items.text", org.hamcrest.Matchers.hasItem("My manager is leaving too"));
            var raised = Platform.eventually(() -> Platform.as(mentee).contentType(ContentType.JSON)
                    .body("{\"category\":\"LACK_OF_COMMITMENT\",\"text\":\"He never prepares\"}")
                    .post("/api/v1/feedback/partnerships/" + partnership + "/concerns").then().extract(), 404, 403);
            assertThat(raised.statusCode()).as(raised.asString()).isEqualTo(201);
            String concern = raised.path("id");

            try (TopicReader events = new TopicReader(Platform.KAFKA, "mentoring.partnership.v1")) {
                Callers.as(HR).delete("/api/v1/matching/participants/by-employee-id/" + menteeEmployee).then().statusCode(204);
                var ended = events.await(r -> partnership.equals(r.key()) && r.value().contains("partnership.ended"), Duration.ofSeconds(30));
                assertThat(ended).isNotNull();
                assertThat(CloudEvents.assertValid(ended).at("/data/reasonCategory").asText()).isEqualTo("LEFT_ORGANISATION");
            }
            // matching-service: the partnership ended because she left; her request's message is gone
            Platform.as(mentor).get("/api/v1/matching/partnerships/" + partnership).then().statusCode(200)
                    .body("state", equalTo("ENDED_EARLY")).body("endReason", equalTo("LEFT_ORGANISATION"));
            Platform.as(mentor).get("/api/v1/matching/mentorship-requests/" + partnership).then().statusCode(200)
                    .body("message", nullValue());
            // session-service: the future session is cancelled, her note deleted
            eventually("the session cancelled", () -> "CANCELLED".equals(Platform.as(mentor).get("/api/v1/sessions/" + session)
                    .then().extract().path("state")));
            Platform.as(mentor).get("/api/v1/sessions/" + session).then().statusCode(200)
                    .body("cancellation.reasonCategory", equalTo("PARTNERSHIP_ENDED"));
            eventually("her note erased", () -> Platform.as(mentor).get("/api/v1/sessions/" + session + "/notes").then().extract()
                    .<List<Object>>path("items").isEmpty());
            // feedback-service: the concern stays for the admins' record, without her words
            eventually("her concern's text erased", () -> Platform.as("acme-admin").get("/api/v1/feedback/concerns/" + concern).then()
                    .extract().path("text") == null);
            // the mentor is told the partnership ended
            eventually("the mentor told", () -> Platform.as(mentor).queryParam("limit", 50).get("/api/v1/notifications/inbox").then()
                    .extract().<List<String>>path("items.findAll { it.partnershipId == '" + partnership + "' }.type")
                    .contains("PARTNERSHIP_ENDED"));
            // and she is nobody to the platform now
            Callers.as(HR).get("/api/v1/matching/participants/" + menteeId).then().statusCode(404);
        } finally {
            realmUsers.forEach(RealmUsers::delete);
            Callers.as(HR).delete("/api/v1/matching/participants/by-employee-id/" + mentorEmployee);
        }
    }
}
