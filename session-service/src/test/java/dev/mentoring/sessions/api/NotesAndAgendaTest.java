package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
                .body("items.text", contains(shared, secret)).body("nextCursor", nullValue());
        given().header("Authorization", pair.mentor()).get("/" + id + "/notes").then().statusCode(200)
                .body("items.text", contains(shared));
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"text\":\"changed\"}")
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
        // the author edits and removes their own, with its ETag
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"text\":\"calmer now\"}").put("/" + id + "/notes/" + privateId).then().statusCode(200)
                .body("text", equalTo("calmer now")).body("version", equalTo(2)).header("ETag", "\"2\"");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"2\"").delete("/" + id + "/notes/" + privateId)
                .then().statusCode(204);
    }

    @Test
    void changingOrDeletingANoteNeedsItsLatestETag() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = session(pair);
        var created = given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"text\":\"first draft\"}")
                .post("/" + id + "/notes").then().statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1)).extract();
        String note = created.path("id");
        String path = "/" + id + "/notes/" + note;
        // none: 428; another version: 412; neither changes the note
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"text\":\"lost update\"}")
                .put(path).then().statusCode(428).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", pair.mentor()).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body("{\"text\":\"lost update\"}").put(path).then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", pair.mentor()).delete(path).then().statusCode(428);
        // the ETag from the list works; the one before the change is stale afterwards
        long version = ((Number) given().header("Authorization", pair.mentee()).get("/" + id + "/notes").then().statusCode(200)
                .extract().path("items[0].version")).longValue();
        assertThat(version).isEqualTo(1);
        given().header("Authorization", pair.mentor()).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"text\":\"second draft\"}").put(path).then().statusCode(200).header("ETag", "\"2\"");
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"text\":\"lost update\"}").put(path).then().statusCode(412);
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").delete(path).then().statusCode(412);
        given().header("Authorization", pair.mentee()).get("/" + id + "/notes").then().statusCode(200)
                .body("items.text", contains("second draft")).body("items[0].version", equalTo(2));
        // a stranger's If-Match never tells them anything: 404 first
        given().header("Authorization", pair.stranger()).header("If-Match", "\"2\"").delete(path).then().statusCode(404);
        given().header("Authorization", pair.mentor()).header("If-Match", "W/\"2\"").delete(path).then().statusCode(204);
    }

    @Test
    void notesPageToTheEndOldestFirst() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = session(pair);
        List<String> written = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(given().header("Authorization", i % 2 == 0 ? pair.mentee() : pair.mentor()).contentType(ContentType.JSON)
                    .body("{\"text\":\"note " + i + "\"}").post("/" + id + "/notes").then().statusCode(201).extract().path("id"));
        }
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON)
                .body("{\"text\":\"only mine\",\"visibility\":\"PRIVATE\"}").post("/" + id + "/notes").then().statusCode(201);
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", pair.mentee()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var answer = request.get("/" + id + "/notes").then().statusCode(200).extract();
            seen.addAll(answer.path("items.id"));
            cursor = answer.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        // the mentor's private note is not the mentee's to see, on any page
        assertThat(seen).containsExactlyElementsOf(written);
        assertThat(pages).isEqualTo(3);
        given().header("Authorization", pair.mentee()).queryParam("limit", 201).get("/" + id + "/notes").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", pair.mentee()).queryParam("cursor", "%%%").get("/" + id + "/notes").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void eitherParticipantAddsOrdersAndTicksAgendaItems() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = session(pair);
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"text\":\"Feedback on the pitch\"}")
                .post("/" + id + "/agenda-items").then().statusCode(201);
        String first = given().header("Authorization", pair.mentee()).get("/" + id).then().statusCode(200)
                .body("agenda.text", contains("Goals for the quarter", "Feedback on the pitch"))
                .body("agenda.version", contains(1, 1)).extract().path("agenda[0].id");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"position\":2,\"done\":true}")
                .put("/" + id + "/agenda-items/" + first).then().statusCode(200).header("ETag", "\"2\"")
                .body("agenda.text", contains("Feedback on the pitch", "Goals for the quarter"))
                .body("agenda.done", contains(false, true)).body("agenda.position", contains(1, 2))
                .body("agenda.version", contains(2, 2));
        given().header("Authorization", pair.stranger()).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .post("/" + id + "/agenda-items").then().statusCode(404);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(501) + "\"}")
                .post("/" + id + "/agenda-items").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"2\"").delete("/" + id + "/agenda-items/" + first)
                .then().statusCode(200).body("agenda.size()", equalTo(1));
    }

    @Test
    void changingOrRemovingAnAgendaItemNeedsItsLatestETag() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = session(pair);
        var added = given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"text\":\"Feedback on the pitch\"}")
                .post("/" + id + "/agenda-items").then().statusCode(201).header("ETag", "\"1\"").extract();
        String item = added.path("agenda[1].id");
        String path = "/" + id + "/agenda-items/" + item;
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"done\":true}").put(path)
                .then().statusCode(428).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", pair.mentee()).header("If-Match", "\"5\"").contentType(ContentType.JSON)
                .body("{\"done\":true}").put(path).then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", pair.mentee()).delete(path).then().statusCode(428);
        given().header("Authorization", pair.mentee()).header("If-Match", "\"5\"").delete(path).then().statusCode(412);
        // the mentor edits it; the mentee, still holding version 1, is told to read again
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"text\":\"Feedback on the second pitch\"}").put(path).then().statusCode(200).header("ETag", "\"2\"");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"done\":true}").put(path).then().statusCode(412);
        given().header("Authorization", pair.mentee()).get("/" + id).then().statusCode(200)
                .body("agenda[1].text", equalTo("Feedback on the second pitch")).body("agenda[1].done", equalTo(false))
                .body("agenda[1].version", equalTo(2));
        given().header("Authorization", pair.mentee()).header("If-Match", "\"2\"").delete(path).then().statusCode(200)
                .body("agenda.text", contains("Goals for the quarter"));
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
                .body("items.text", contains("the mentor's"));
    }
}
