package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
import io.vertx.mutiny.sqlclient.Pool;

/** With enough people, the figures show; one tenant's figures never include another's. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AnalyticsTest {

    @Inject
    Pool pool;

    @Test
    void figuresFromFivePeopleOrMoreAreShown() {
        Fixtures.Pair first = Fixtures.started(pool);
        List<Fixtures.Pair> pairs = new ArrayList<>(List.of(first));
        for (int i = 0; i < 2; i++) {
            pairs.add(Fixtures.startedIn(pool, first.tenant()));
        }
        for (Fixtures.Pair pair : pairs) {
            UUID held = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(2), null, 1);
            for (String token : List.of(pair.mentee(), pair.mentor())) {
                given().header("Authorization", token).contentType(ContentType.JSON)
                        .body("{\"overall\":4,\"preparation\":4,\"communication\":5}").post("/sessions/" + held + "/feedback")
                        .then().statusCode(201);
            }
        }
        given().header("Authorization", first.admin()).get("/analytics").then().statusCode(200)
                .body("activePartnerships.value", equalTo(3.0f))
                .body("averageOverall.value", equalTo(4.0f))
                .body("averageCommunication.value", equalTo(5.0f))
                .body("attendanceRatePercent.value", equalTo(100.0f))
                .body("partnershipsByHealth.HEALTHY.value", equalTo(3.0f))
                .body("trend[0].sessionsHeld.value", equalTo(3.0f))
                .body("netPromoterScore.suppressed", equalTo(true)); // nobody answered an evaluation yet
        Fixtures.Pair other = Fixtures.started(pool);
        given().header("Authorization", other.admin()).get("/analytics").then().statusCode(200)
                .body("activePartnerships.suppressed", equalTo(true));
    }

    @Test
    void aMentorWithSeveralMenteesIsOnePersonInTheCount() {
        // three partnerships of one mentor are four people: too few; a fourth mentee makes five
        Fixtures.Pair first = Fixtures.started(pool);
        for (int i = 0; i < 2; i++) {
            Fixtures.startedWith(pool, first.tenant(), first.mentorId(), first.mentorEmployee());
        }
        given().header("Authorization", first.admin()).get("/analytics").then().statusCode(200)
                .body("activePartnerships.suppressed", equalTo(true))
                .body("partnershipsByHealth.HEALTHY.suppressed", equalTo(true));
        Fixtures.startedWith(pool, first.tenant(), first.mentorId(), first.mentorEmployee());
        given().header("Authorization", first.admin()).get("/analytics").then().statusCode(200)
                .body("activePartnerships.value", equalTo(4.0f))
                .body("partnershipsByHealth.HEALTHY.value", equalTo(4.0f));
    }
}
