package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A tenant's settings: the evaluation interval plans evaluations, the thresholds move the health, bad values are refused. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SettingsTest {

    @Inject
    Pool pool;

    private static String settings(int months, int lateCancellations, int lookbackDays, int healthyFrom, int needsAttentionFrom) {
        return """
                {"evaluationIntervalMonths":%d,"thresholds":{"noAgreementDays":14,"cadenceFactor":1.5,"lateCancellations":%d,
                 "lookbackDays":%d,"lowCommunication":3.0,"recentSessions":3,"sessionsWithoutFeedback":2,"lowProgressPercent":50,
                 "lowRelationshipQuality":2,"healthyFrom":%d,"needsAttentionFrom":%d}}"""
                .formatted(months, lateCancellations, lookbackDays, healthyFrom, needsAttentionFrom);
    }

    @Test
    void yearlyEvaluationsAndAStricterThresholdApplyToTheTenantsPartnerships() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Pair before = Fixtures.startedIn(pool, tenant);
        given().header("Authorization", before.admin()).get("/settings").then().statusCode(200)
                .body("evaluationIntervalMonths", equalTo(6)).body("thresholds.lateCancellations", equalTo(2));
        given().header("Authorization", before.admin()).contentType(ContentType.JSON).body(settings(12, 1, 90, 70, 40))
                .put("/settings").then().statusCode(200).body("evaluationIntervalMonths", equalTo(12));
        given().header("Authorization", before.admin()).get("/settings").then().statusCode(200)
                .body("evaluationIntervalMonths", equalTo(12)).body("thresholds.lateCancellations", equalTo(1));
        // a partnership starting now: a check-in after three months, then formal ones after 12 and 24
        Fixtures.Pair pair = Fixtures.startedIn(pool, tenant);
        LocalDate start = pool.preparedQuery("select started_at from partnership_copy where id = $1").execute(Tuple.of(pair.id()))
                .await().indefinitely().iterator().next().getOffsetDateTime(0).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/evaluations").then().statusCode(200)
                .body("items.kind", contains("CHECK_IN", "FORMAL", "FORMAL"))
                .body("items.opensOn[1]", equalTo(start.plusMonths(12).toString()))
                .body("items.opensOn[2]", equalTo(start.plusMonths(24).toString()));
        // one late cancellation is already a lack of commitment in this tenant (the default needs two)
        Fixtures.session(pool, pair, "session.cancelled", "CANCELLED", OffsetDateTime.now().plusHours(5), true, 1);
        given().header("Authorization", pair.mentor()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", contains("LACK_OF_COMMITMENT"));
        // only program admins set them; other tenants keep the defaults
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(settings(6, 2, 90, 70, 40))
                .put("/settings").then().statusCode(403);
        given().header("Authorization", Fixtures.started(pool).admin()).get("/settings").then().statusCode(200)
                .body("evaluationIntervalMonths", equalTo(6));
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingEachFieldAndNothingIsStored() {
        Fixtures.Pair pair = Fixtures.started(pool);
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body(settings(6, 2, 3_000_000, 70, 40))
                .put("/settings").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("thresholds.lookbackDays"));
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body(settings(6, 0, 90, 50, 60))
                .put("/settings").then().statusCode(422)
                .body("errors.field", contains("thresholds.lateCancellations", "thresholds.needsAttentionFrom"));
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body(settings(9, 2, 90, 70, 40))
                .put("/settings").then().statusCode(422).body("errors.field", hasItem("evaluationIntervalMonths"));
        given().header("Authorization", pair.admin()).contentType(ContentType.JSON).body("{\"evaluationIntervalMonths\":6}")
                .put("/settings").then().statusCode(400).body("errors.field", hasItem("thresholds"));
        given().header("Authorization", pair.admin()).get("/settings").then().statusCode(200)
                .body("thresholds.lookbackDays", equalTo(90)).body("thresholds.lateCancellations", equalTo(2));
        // the health still computes for the tenant
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/health").then().statusCode(200)
                .body("state", equalTo("HEALTHY"));
    }
}
