package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.sessions.Partnerships;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The one Idempotency-Key filter on a creating POST of session-service: a retry gets the first answer (status, body,
 * Location, ETag) and creates nothing; a refused request (400) releases its key; the same key with another body is 422.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class IdempotencyKeyTest {

    @Inject
    Pool pool;

    private static ExtractableResponse<Response> create(Partnerships.Pair pair, String key, String body) {
        return given().header("Authorization", pair.mentor()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/partnerships/" + pair.id() + "/action-items").then().extract();
    }

    private static String item(String title) {
        return "{\"title\":\"" + title + "\",\"assignee\":\"MENTEE\",\"dueDate\":\"" + LocalDate.now().plusDays(5) + "\"}";
    }

    private static List<String> items(Partnerships.Pair pair) {
        return given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/action-items").then()
                .statusCode(200).extract().path("items.id");
    }

    @Test
    void aRetryOfACreatingPostGetsTheFirstAnswerAndCreatesNothing() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String key = UUID.randomUUID().toString();
        var first = create(pair, key, item("Read the book"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();

        var retry = create(pair, key, item("Read the book"));
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(items(pair)).containsExactly(first.<String>path("id"));

        given().header("Authorization", pair.mentor()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(item("Something else")).post("/partnerships/" + pair.id() + "/action-items").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(items(pair)).hasSize(1);
    }

    @Test
    void aRefusedRequestReleasesItsKeySoTheCorrectedRetryDoesTheWork() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String key = UUID.randomUUID().toString();
        assertThat(create(pair, key, "{\"title\":\"\",\"assignee\":\"MENTEE\"}").statusCode()).isEqualTo(400);
        var corrected = create(pair, key, item("Draft the plan"));
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(corrected.header("Idempotency-Replayed")).isNull();
        assertThat(items(pair)).containsExactly(corrected.<String>path("id"));
    }

    @Test
    void aKeyThatIsTooLongIs400NamingTheHeader() {
        Partnerships.Pair pair = Partnerships.started(pool);
        given().header("Authorization", pair.mentor()).header("Idempotency-Key", "k".repeat(201)).contentType(ContentType.JSON)
                .body(item("Too long a key")).post("/partnerships/" + pair.id() + "/action-items").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(items(pair)).isEmpty();
    }
}
