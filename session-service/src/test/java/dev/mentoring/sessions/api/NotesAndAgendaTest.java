package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.sessions.Partnerships;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class NotesAndAgendaTest {

    @Inject
    Pool pool;

    private String session(Partnerships.Pair pair) {
        return SchedulingTest.schedule(pair.mentee(), pair,
                SchedulingTest.body(LocalDate.now().plusDays(9).atTime(8, 0), "Europe/Copenhagen", 60, null)).path("sessions[0].id");
    }

    @Test
    void privateNotesStayWithTheirAuthorSharedOnesWithTheTwoAndNoneWithAdminsOrInTheDatabase() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = session(pair);
        String shared = "We agreed to focus on stakeholder management";
        String secret = "I feel nervous about the promotion talk";
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"text\":\"" + shared + "\"}")
                .post("/" + id + "/notes").then().statusCode(201).body("visibility", equalTo("SHARED"));
        String privateId = given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + secret + "\",\"visibility\":\"PRIVATE\"}")
                .post("/" + id + "/notes").then().statusCode(201).extract().path("id");

        given().header("Authorization", pair.mentee()).get("/" + id + "/notes").then().statusCode(200)
                .body("text", contains(shared, secret));
        given().header("Authorization", pair.mentor()).get("/" + id + "/notes").then().statusCode(200)
                .body("text", contains(shared));
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"text\":\"changed\"}")
                .put("/" + id + "/notes/" + privateId).then().statusCode(404);
        given().header("Authorization", pair.admin()).get("/" + id + "/notes").then().statusCode(403);
        given().header("Authorization", pair.stranger()).get("/" + id + "/notes").then().statusCode(404);

        List<Row> rows = pool.preparedQuery("select * from session_note where session_id = $1::uuid")
                .execute(Tuple.of(id)).await().indefinitely().stream().toList();
        assertThat(rows).hasSize(2);
        for (Row row : rows) {
            StringBuilder everything = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.getValue(i);
                everything.append(value instanceof io.vertx.mutiny.core.buffer.Buffer b ? b.toString(StandardCharsets.ISO_8859_1) : String.valueOf(value));
            }
            assertThat(everything.toString()).doesNotContain("stakeholder").doesNotContain("nervous");
            assertThat(row.getString("key_id")).isEqualTo("local-1");
        }
        // the author edits and removes their own
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"text\":\"calmer now\"}")
                .put("/" + id + "/notes/" + privateId).then().statusCode(200).body("text", equalTo("calmer now"));
        given().header("Authorization", pair.mentee()).delete("/" + id + "/notes/" + privateId).then().statusCode(204);
    }

    @Test
    void eitherParticipantAddsOrdersAndTicksAgendaItems() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = session(pair);
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"text\":\"Feedback on the pitch\"}")
                .post("/" + id + "/agenda-items").then().statusCode(201);
        String first = given().header("Authorization", pair.mentee()).get("/" + id).then().statusCode(200)
                .body("agenda.text", contains("Goals for the quarter", "Feedback on the pitch")).extract().path("agenda[0].id");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"position\":2,\"done\":true}")
                .put("/" + id + "/agenda-items/" + first).then().statusCode(200)
                .body("agenda.text", contains("Feedback on the pitch", "Goals for the quarter"))
                .body("agenda.done", contains(false, true)).body("agenda.position", contains(1, 2));
        given().header("Authorization", pair.stranger()).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .post("/" + id + "/agenda-items").then().statusCode(404);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(501) + "\"}")
                .post("/" + id + "/agenda-items").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", pair.mentee()).delete("/" + id + "/agenda-items/" + first).then().statusCode(200)
                .body("agenda.size()", equalTo(1));
    }

    private long count(String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void anErasedParticipantsNotesAndFeedAreGoneAndTheOthersStay() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().plusDays(3).atTime(10, 0),
                "Europe/Copenhagen", 60, null)).path("sessions[0].id");
        for (String visibility : List.of("SHARED", "PRIVATE")) {
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                    .body("{\"text\":\"mine\",\"visibility\":\"" + visibility + "\"}").post("/" + id + "/notes").then().statusCode(201);
        }
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"text\":\"the mentor's\"}")
                .post("/" + id + "/notes").then().statusCode(201);
        given().header("Authorization", pair.mentee()).post("/calendar-feed").then().statusCode(200);
        Partnerships.publish(Partnerships.PARTICIPANTS, pair.menteeId().toString(), Partnerships.event("participant.erased",
                pair.tenant(), "{\"participantId\":\"%s\"}".formatted(pair.menteeId())));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from session_note where author_id = $1", pair.menteeId()) == 0);
        assertThat(count("select count(*) from calendar_feed where participant_id = $1", pair.menteeId())).isZero();
        assertThat(count("select count(*) from session_note where author_id = $1", pair.mentorId())).isEqualTo(1);
        given().header("Authorization", pair.mentor()).get("/" + id + "/notes").then().statusCode(200)
                .body("text", contains("the mentor's"));
    }
}
