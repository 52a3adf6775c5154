package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Leavers: when their HR platform deactivates or erases a person, their running partnerships end (LEFT_ORGANISATION)
 * and their open requests are withdrawn, each published; erasure also removes every text they wrote here.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LeaversTest {

    private static final String PARTNERSHIPS = "test.mentoring.partnership.v1";

    @Inject
    Pool pool;

    private static String mentee(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentee").bearer();
    }

    private static String mentor(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentor").bearer();
    }

    private static String ask(String tenant, String menteeEmployee, String mentorId, String message) {
        return given().header("Authorization", mentee(tenant, menteeEmployee)).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"" + message + "\"}")
                .post("/mentorship-requests").then().statusCode(201).extract().path("id");
    }

    private static String partnership(String tenant, String menteeEmployee, String mentorEmployee, String mentorId) {
        String id = ask(tenant, menteeEmployee, mentorId, "Would you mentor me?");
        given().header("Authorization", mentor(tenant, mentorEmployee)).post("/mentorship-requests/" + id + "/acceptance")
                .then().statusCode(200);
        return id;
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    @Test
    void aMentorWhoLeavesEndsTheirPartnershipsAndTheirOpenRequestsAreWithdrawn() {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[]", "[]", 3));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        People.provision(tenant, "E-2", People.menteeJson("Bo", "X-1", "lead", "[]"));
        People.provision(tenant, "E-3", People.menteeJson("Cai", "X-1", "lead", "[]"));
        String running = partnership(tenant, "E-1", "M-1", mentorId);
        String paused = partnership(tenant, "E-3", "M-1", mentorId);
        given().header("Authorization", mentee(tenant, "E-3")).post("/partnerships/" + paused + "/pause").then().statusCode(200);
        String open = ask(tenant, "E-2", mentorId, "Please?");
        try (TopicReader events = new TopicReader(PARTNERSHIPS)) {
            given().header("Authorization", People.hr(tenant)).post("/participants/by-employee-id/M-1/deactivation")
                    .then().statusCode(200).body("active", equalTo(false));
            var ended = events.settled(r -> (running.equals(r.key()) || paused.equals(r.key())) && r.value().contains("partnership.ended"), 2);
            assertThat(ended).hasSize(2).allSatisfy(r -> assertThat(r.value()).contains("\"LEFT_ORGANISATION\"").contains("\"ENDED_EARLY\""));
            var withdrawn = events.settled(r -> open.equals(r.key()) && r.value().contains("mentorship.withdrawn"), 1);
            assertThat(withdrawn).singleElement().satisfies(r -> assertThat(r.value()).contains("\"LEFT_ORGANISATION\""));
            // deactivating again changes nothing and publishes nothing
            given().header("Authorization", People.hr(tenant)).post("/participants/by-employee-id/M-1/deactivation").then().statusCode(200);
            assertThat(events.settled(r -> (running.equals(r.key()) || paused.equals(r.key()) || open.equals(r.key()))
                    && (r.value().contains("partnership.ended") || r.value().contains("mentorship.withdrawn")), 3)).hasSize(3);
        }
        for (String[] seen : new String[][] { { running, "E-1" }, { paused, "E-3" } }) {
            given().header("Authorization", mentee(tenant, seen[1])).get("/partnerships/" + seen[0]).then().statusCode(200)
                    .body("state", equalTo("ENDED_EARLY")).body("endReason", equalTo("LEFT_ORGANISATION"));
        }
        given().header("Authorization", mentee(tenant, "E-2")).get("/mentorship-requests/" + open).then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        // the mentees are free to find another mentor: nothing of the leaver holds their places
        String other = People.provision(tenant, "M-2", People.mentorJson("Ole", "Europe/Copenhagen", "[]", "[]", 3));
        partnership(tenant, "E-1", "M-2", other);
    }

    @Test
    void aMenteeWhoIsErasedLeavesAndEveryWordTheyWroteGoes() {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[]", "[]", 3));
        String menteeId = People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        People.provision(tenant, "E-2", People.menteeJson("Bo", "X-1", "lead", "[]"));
        // a partnership the mentee ended with a note and a thank-you, on an agreement she drafted
        String ended = partnership(tenant, "E-1", "M-1", mentorId);
        given().header("Authorization", mentee(tenant, "E-1")).contentType(ContentType.JSON)
                .body("{\"goals\":[{\"statement\":\"Lead a team of three\",\"measure\":\"team size\",\"target\":\"3\",\"why\":\"Next role\","
                        + "\"dueDate\":\"" + LocalDate.now().plusMonths(4) + "\"}],\"cadence\":\"MONTHLY\",\"sessionMinutes\":60,"
                        + "\"meetingMode\":\"VIDEO\",\"placeOrLink\":\"https://meet.example.com/anna\",\"channel\":\"chat\","
                        + "\"responseTimeHours\":48,\"groundRules\":\"Never mention my manager\"}")
                .put("/partnerships/" + ended + "/agreement").then().statusCode(201);
        given().header("Authorization", mentee(tenant, "E-1")).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"NOT_A_GOOD_FIT\",\"note\":\"He was late\",\"thankYouMessage\":\"Thanks anyway\"}")
                .post("/partnerships/" + ended + "/ending").then().statusCode(200);
        // a running one, and a request the mentor declined with a message
        String secondMentor = People.provision(tenant, "M-2", People.mentorJson("Ole", "Europe/Copenhagen", "[]", "[]", 3));
        String running = partnership(tenant, "E-1", "M-2", secondMentor);
        String declined = ask(tenant, "E-2", mentorId, "Bo asks");
        given().header("Authorization", mentor(tenant, "M-1")).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"NO_CAPACITY\",\"message\":\"I am full\"}")
                .post("/mentorship-requests/" + declined + "/decline").then().statusCode(200);

        given().header("Authorization", People.hr(tenant)).delete("/participants/by-employee-id/E-1").then().statusCode(204);
        UUID anna = UUID.fromString(menteeId);
        assertThat(count("select count(*) from mentorship_request where mentee_id = $1 and message is not null", anna)).isZero();
        assertThat(count("select count(*) from mentorship_request where mentee_id = $1", anna)).isEqualTo(2);
        assertThat(count("select count(*) from partnership where ended_by = $1 and (end_note is not null or thank_you is not null)", anna))
                .isZero();
        assertThat(count("select count(*) from agreement_version where created_by = $1 and (ground_rules is not null "
                + "or place_or_link is not null or channel is not null)", anna)).isZero();
        assertThat(count("select count(*) from agreement_version where created_by = $1", anna)).isEqualTo(1);
        // the words of the goals she wrote go; the goal (its id, its due date) stays
        assertThat(count("select count(*) from agreement_goal where partnership_id = $1 and statement is null and measure is null "
                + "and target is null and why is null and due_date is not null", UUID.fromString(ended))).isEqualTo(1);
        given().header("Authorization", mentor(tenant, "M-1")).get("/partnerships/" + ended + "/agreement").then().statusCode(200)
                .body("latest.goals[0].statement", nullValue()).body("latest.goals[0].why", nullValue());
        // she left: the running partnership ended
        given().header("Authorization", mentor(tenant, "M-2")).get("/partnerships/" + running).then().statusCode(200)
                .body("state", equalTo("ENDED_EARLY")).body("endReason", equalTo("LEFT_ORGANISATION")).body("endedBy", nullValue());
        // the mentor's words are his until he is erased too
        UUID maria = UUID.fromString(mentorId);
        assertThat(count("select count(*) from mentorship_request where mentor_id = $1 and decline_message is not null", maria)).isEqualTo(1);
        given().header("Authorization", People.hr(tenant)).delete("/participants/by-employee-id/M-1").then().statusCode(204);
        assertThat(count("select count(*) from mentorship_request where mentor_id = $1 and decline_message is not null", maria)).isZero();
    }
}
