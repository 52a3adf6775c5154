package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Every list is paged with one cursor: a client walks it to its end, neither repeating nor skipping an item. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ListPagingTest {

    @Inject
    Pool pool;

    /** Walks the list page by page ({@code limit} a page) and answers the values at {@code field} of every item. */
    private static List<String> walk(String token, String path, int limit, String field) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 20; pages++) {
            var request = given().header("Authorization", token).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items." + field, String.class);
            assertThat(items).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(items);
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return seen;
            }
            assertThat(items).hasSize(limit);
        }
        throw new AssertionError("the list of " + path + " never ended");
    }

    private static List<String> all(String token, String path, String field) {
        JsonPath page = given().header("Authorization", token).get(path).then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath();
        return page.getList("items." + field, String.class);
    }

    @Test
    void evaluationsPageByDateToTheEnd() {
        Fixtures.Pair pair = Fixtures.started(pool);
        String path = "/partnerships/" + pair.id() + "/evaluations";
        List<String> all = all(pair.mentee(), path, "id");
        assertThat(all).hasSize(5);
        assertThat(walk(pair.mentee(), path, 2, "id")).containsExactlyElementsOf(all);
        assertThat(walk(pair.mentor(), path, 1, "id")).containsExactlyElementsOf(all);
        assertThat(walk(pair.mentee(), path, 200, "id")).containsExactlyElementsOf(all);
        assertThat(walk(pair.mentee(), path, 2, "opensOn")).isSorted();
    }

    @Test
    void goalsPageByDueDateThenIdToTheEnd() {
        Fixtures.Pair pair = Fixtures.started(pool);
        // a newer agreement with three goals, two of them due the same day
        LocalDate due = LocalDate.now().plusMonths(3);
        List<UUID> goals = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "agreement.activated", """
                {"partnershipId":"%s","version":2,"cadence":"MONTHLY","sessionMinutes":60,"reviewDate":"%s","goals":[
                 {"goalId":"%s","title":"Later","measure":"m","target":"1","dueDate":"%s"},
                 {"goalId":"%s","title":"Same day A","measure":"m","target":"1","dueDate":"%s"},
                 {"goalId":"%s","title":"Same day B","measure":"m","target":"1","dueDate":"%s"}]}"""
                .formatted(pair.id(), due.plusMonths(3), goals.get(0), due.plusMonths(1), goals.get(1), due, goals.get(2), due));
        await().atMost(Duration.ofSeconds(30)).until(() -> pool
                .preparedQuery("select count(*) from goal where partnership_id = $1 and in_force").execute(Tuple.of(pair.id()))
                .await().indefinitely().iterator().next().getLong(0) == 3);
        String path = "/partnerships/" + pair.id() + "/goals";
        List<String> sameDay = goals.subList(1, 3).stream().map(UUID::toString).sorted().toList();
        List<String> expected = List.of(sameDay.get(0), sameDay.get(1), goals.get(0).toString());
        assertThat(all(pair.mentee(), path, "goalId")).containsExactlyElementsOf(expected);
        assertThat(walk(pair.mentee(), path, 1, "goalId")).containsExactlyElementsOf(expected);
        assertThat(walk(pair.mentor(), path, 2, "goalId")).containsExactlyElementsOf(expected);
    }

    @Test
    void sessionFeedbackPagesOldestFirstToTheEnd() {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(3), null, 1);
        String path = "/sessions/" + session + "/feedback";
        List<String> given = new ArrayList<>();
        for (String token : List.of(pair.mentee(), pair.mentor())) {
            given.add(given().header("Authorization", token).contentType(ContentType.JSON)
                    .body("{\"overall\":4,\"preparation\":4,\"communication\":4,\"shareWithOther\":true}")
                    .post(path).then().statusCode(201).extract().path("id"));
        }
        assertThat(all(pair.mentor(), path, "id")).containsExactlyElementsOf(given);
        assertThat(walk(pair.mentor(), path, 1, "id")).containsExactlyElementsOf(given);
        assertThat(walk(pair.mentee(), path, 5, "id")).containsExactlyElementsOf(given);
    }

    @Test
    void aBadLimitOrCursorIsRefusedNamingIt() {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(3), null, 1);
        for (String path : List.of("/partnerships/" + pair.id() + "/evaluations", "/partnerships/" + pair.id() + "/goals",
                "/sessions/" + session + "/feedback", "/health")) {
            for (String limit : List.of("0", "201", "-1", "many", "99999999999")) {
                given().header("Authorization", pair.mentee()).queryParam("limit", limit).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", contains("limit"));
            }
            for (String cursor : List.of("not a cursor!", "bm90LWEta2V5", "fHw")) {
                given().header("Authorization", pair.mentee()).queryParam("cursor", cursor).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", contains("cursor"));
            }
        }
        // one page of one evaluation: the cursor it gives leads on
        String next = given().header("Authorization", pair.mentee()).queryParam("limit", 1).get("/partnerships/" + pair.id() + "/evaluations")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("nextCursor");
        given().header("Authorization", pair.mentee()).queryParam("limit", 1).queryParam("cursor", next)
                .get("/partnerships/" + pair.id() + "/evaluations").then().statusCode(200).body("items[0].kind", equalTo("FORMAL"));
    }
}
