package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** The partnerships' health as a collection: a person gets their own partnerships', a program admin the tenant's. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HealthCollectionTest {

    @Inject
    Pool pool;

    private static String id(Fixtures.Pair pair) {
        return pair.id().toString();
    }

    @Test
    void eachPersonSeesTheirOwnPartnershipsAndAProgramAdminTheTenants() {
        Fixtures.Pair first = Fixtures.started(pool);
        Fixtures.Pair second = Fixtures.startedWith(pool, first.tenant(), first.mentorId(), first.mentorEmployee());
        Fixtures.Pair others = Fixtures.startedIn(pool, first.tenant());
        Fixtures.Pair elsewhere = Fixtures.started(pool);

        given().header("Authorization", first.mentee()).get("/health").then().statusCode(200)
                .body("items.partnershipId", contains(id(first))).body("nextCursor", nullValue());
        given().header("Authorization", second.mentee()).get("/health").then().statusCode(200)
                .body("items.partnershipId", contains(id(second)));
        given().header("Authorization", first.mentor()).get("/health").then().statusCode(200)
                .body("items.partnershipId", containsInAnyOrder(id(first), id(second)));
        given().header("Authorization", others.mentor()).get("/health").then().statusCode(200)
                .body("items.partnershipId", contains(id(others)));
        given().header("Authorization", first.admin()).get("/health").then().statusCode(200)
                .body("items.partnershipId", containsInAnyOrder(id(first), id(second), id(others)));
        given().header("Authorization", elsewhere.admin()).get("/health").then().statusCode(200)
                .body("items.partnershipId", contains(id(elsewhere)));
        // someone of the tenant with a profile and no partnership has none; a state narrows the list
        given().header("Authorization", first.stranger()).get("/health").then().statusCode(200).body("items", empty());
        given().header("Authorization", first.mentee()).queryParam("state", "AT_RISK").get("/health").then().statusCode(200)
                .body("items", empty());
        given().header("Authorization", first.mentee()).queryParam("state", "HEALTHY").get("/health").then().statusCode(200)
                .body("items.partnershipId", contains(id(first)));
        given().header("Authorization", first.mentee()).queryParam("state", "FINE").get("/health").then().statusCode(400)
                .body("errors.field", contains("state"));
        // a person with no profile here, and a role that reads only analytics
        given().header("Authorization", TestTokens.person(first.tenant(), "NOBODY-1", "mentee").bearer()).get("/health").then()
                .statusCode(403);
        given().header("Authorization", TestTokens.machine(first.tenant(), "analytics").bearer()).get("/health").then().statusCode(403);
    }

    @Test
    void aMentorsOwnPartnershipsPageByPartnershipId() {
        Fixtures.Pair first = Fixtures.started(pool);
        List<String> mine = new ArrayList<>(List.of(id(first)));
        for (int i = 0; i < 2; i++) {
            mine.add(id(Fixtures.startedWith(pool, first.tenant(), first.mentorId(), first.mentorEmployee())));
        }
        Fixtures.startedIn(pool, first.tenant()); // not the mentor's
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", first.mentor()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/health").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.partnershipId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null && seen.size() < 10);
        assertThat(seen).containsExactlyElementsOf(mine.stream().sorted().toList());
    }
}
