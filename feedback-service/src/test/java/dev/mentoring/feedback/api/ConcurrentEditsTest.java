package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Session feedback and the tenant's settings answer with their ETag; an edit may send it back in If-Match: a stale one
 * is 412 and changes nothing, none at all lets the last edit win.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConcurrentEditsTest {

    @Inject
    Pool pool;

    private static String feedback(int overall) {
        return "{\"overall\":%d,\"preparation\":4,\"communication\":4,\"comment\":\"Take %d\",\"shareWithOther\":true}".formatted(overall, overall);
    }

    private static String settings(int lateCancellations) {
        return """
                {"evaluationIntervalMonths":6,"thresholds":{"noAgreementDays":14,"cadenceFactor":1.5,"lateCancellations":%d,
                 "lookbackDays":90,"lowCommunication":3.0,"recentSessions":3,"sessionsWithoutFeedback":2,"lowProgressPercent":50,
                 "lowRelationshipQuality":2,"healthyFrom":70,"needsAttentionFrom":40}}""".formatted(lateCancellations);
    }

    @Test
    void feedbackEditsNameTheVersionTheyChangeWhenTheyWant() {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(3), null, 1);
        String path = "/sessions/" + session + "/feedback";
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(3)).post(path).then()
                .statusCode(201).header("ETag", "\"1\"").body("version", equalTo(1));
        // two edits made from the same reading: the first wins, the second is told it is stale and changes nothing
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(feedback(4))
                .put(path).then().statusCode(200).header("ETag", "\"2\"").body("overall", equalTo(4)).body("version", equalTo(2));
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(feedback(1))
                .put(path).then().statusCode(412).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", pair.mentor()).get(path).then().statusCode(200)
                .body("items[0].overall", equalTo(4)).body("items[0].comment", equalTo("Take 4")).body("items[0].version", equalTo(2));
        // the current tag (also weak, or one of a list) goes through; without one the last edit wins
        given().header("Authorization", pair.mentee()).header("If-Match", "W/\"2\"").contentType(ContentType.JSON).body(feedback(5))
                .put(path).then().statusCode(200).header("ETag", "\"3\"");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\", \"3\"").contentType(ContentType.JSON).body(feedback(2))
                .put(path).then().statusCode(200).header("ETag", "\"4\"");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(feedback(3))
                .put(path).then().statusCode(200).header("ETag", "\"5\"").body("overall", equalTo(3));
        // another's feedback is not the mentor's to edit, whatever the tag
        given().header("Authorization", pair.mentor()).header("If-Match", "\"5\"").contentType(ContentType.JSON).body(feedback(1))
                .put(path).then().statusCode(404);
    }

    @Test
    void settingsSavesNameTheVersionTheyReplaceWhenTheyWant() {
        Fixtures.Pair pair = Fixtures.started(pool);
        // the defaults are version 1
        given().header("Authorization", pair.admin()).get("/settings").then().statusCode(200).header("ETag", "\"1\"");
        given().header("Authorization", pair.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(settings(3))
                .put("/settings").then().statusCode(200).header("ETag", "\"2\"").body("thresholds.lateCancellations", equalTo(3));
        // a second admin saving over what they read before: 412, nothing stored
        given().header("Authorization", pair.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(settings(5))
                .put("/settings").then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", pair.admin()).get("/settings").then().statusCode(200).header("ETag", "\"2\"")
                .body("thresholds.lateCancellations", equalTo(3));
        // without If-Match the last save wins; each save raises the version
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body(settings(4))
                .put("/settings").then().statusCode(200).header("ETag", "\"3\"");
        given().header("Authorization", pair.admin()).header("If-Match", "\"3\"").contentType(ContentType.JSON).body(settings(4))
                .put("/settings").then().statusCode(200).header("ETag", "\"4\"");
        given().header("Authorization", pair.admin()).get("/settings").then().statusCode(200).header("ETag", "\"4\"")
                .body("thresholds.lateCancellations", equalTo(4));
        // a value out of range is refused before any tag is looked at, and a stale tag on a fresh tenant too
        given().header("Authorization", pair.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(settings(0))
                .put("/settings").then().statusCode(422);
        Fixtures.Pair fresh = Fixtures.started(pool);
        given().header("Authorization", fresh.admin()).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(settings(3))
                .put("/settings").then().statusCode(412);
        given().header("Authorization", fresh.admin()).get("/settings").then().statusCode(200).header("ETag", "\"1\"")
                .body("thresholds.lateCancellations", equalTo(2));
    }
}
