package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.sessions.Partnerships;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ActionItemsTest {

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private static String create(Partnerships.Pair pair, String title, LocalDate due) {
        return given().header("Authorization", pair.mentor()).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"assignee\":\"MENTEE\",\"dueDate\":\"" + due + "\"}")
                .post("/partnerships/" + pair.id() + "/action-items").then().statusCode(201)
                .header("ETag", "\"1\"").body("version", equalTo(1)).extract().path("id");
    }

    @Test
    void theListPagesToItsEndByDueDate() {
        Partnerships.Pair pair = Partnerships.started(pool);
        LocalDate today = LocalDate.now();
        // written out of order; two share a due date (then the first written comes first)
        String third = create(pair, "Third", today.plusDays(9));
        String first = create(pair, "First", today.plusDays(3));
        String fourth = create(pair, "Fourth", today.plusDays(9));
        String second = create(pair, "Second", today.plusDays(5));
        String fifth = create(pair, "Fifth", today.plusDays(30));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", pair.mentee()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var answer = request.get("/partnerships/" + pair.id() + "/action-items").then().statusCode(200).extract();
            assertThat(answer.<List<String>>path("items.id")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(answer.path("items.id"));
            cursor = answer.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly(first, second, third, fourth, fifth);
        assertThat(pages).isEqualTo(3);
        given().header("Authorization", pair.mentee()).queryParam("limit", "x").get("/partnerships/" + pair.id() + "/action-items")
                .then().statusCode(400);
        given().header("Authorization", pair.mentee()).queryParam("cursor", "bm90LWEta2V5")
                .get("/partnerships/" + pair.id() + "/action-items").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void changingAnActionItemNeedsItsLatestETag() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String item = create(pair, "Draft the promotion case", LocalDate.now().plusDays(10));
        String path = "/partnerships/" + pair.id() + "/action-items/" + item;
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"state\":\"DONE\"}").put(path)
                .then().statusCode(428).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", pair.mentee()).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"state\":\"DONE\"}").put(path).then().statusCode(412).contentType("application/problem+json");
        // the mentor moves the due date; the mentee's stale version is refused, the fresh one from the list accepted
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"dueDate\":\"" + LocalDate.now().plusDays(12) + "\"}").put(path).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2));
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"state\":\"DONE\"}").put(path).then().statusCode(412);
        int version = given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/action-items")
                .then().statusCode(200).extract().path("items[0].version");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"state\":\"DONE\"}").put(path).then().statusCode(200).header("ETag", "\"3\"")
                .body("state", equalTo("DONE")).body("dueDate", equalTo(LocalDate.now().plusDays(12).toString()));
        // strangers learn nothing from an If-Match: 404 as before
        given().header("Authorization", pair.stranger()).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body("{\"state\":\"OPEN\"}").put(path).then().statusCode(404);
    }
}
