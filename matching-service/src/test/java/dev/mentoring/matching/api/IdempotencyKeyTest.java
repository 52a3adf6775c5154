package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class IdempotencyKeyTest {

    private static final String PATH = "/participants/me";
    private static final String FIRST = "{\"displayName\":\"First\",\"timeZone\":\"UTC\",\"languages\":[\"en\"]}";
    private static final String SECOND = "{\"displayName\":\"Second\",\"timeZone\":\"UTC\",\"languages\":[\"en\"]}";

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndChangesNothing() {
        String token = TestTokens.person("acme", "I-" + UUID.randomUUID(), "mentee").bearer();
        String key = UUID.randomUUID().toString();

        String id = given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(FIRST)
                .put(PATH).then().statusCode(201).extract().path("id");

        // someone changes the profile in between
        given().header("Authorization", token).contentType(ContentType.JSON).body(SECOND)
                .put(PATH).then().statusCode(200);

        // the retry of the first request answers as the first time did, and does not undo the change
        given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(FIRST)
                .put(PATH).then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("id", equalTo(id)).body("displayName", equalTo("First"));

        given().header("Authorization", token).get(PATH).then().body("displayName", equalTo("Second"));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String token = TestTokens.person("acme", "I-" + UUID.randomUUID(), "mentee").bearer();
        String key = UUID.randomUUID().toString();
        given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(FIRST).put(PATH).then().statusCode(201);
        given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(SECOND).put(PATH).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.person("acme", "I-" + UUID.randomUUID(), "mentee").bearer())
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(FIRST)
                .put(PATH).then().statusCode(201);
        given().header("Authorization", TestTokens.person("acme", "I-" + UUID.randomUUID(), "mentee").bearer())
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(FIRST)
                .put(PATH).then().statusCode(201).header("Idempotency-Replayed", (String) null);
    }
}
