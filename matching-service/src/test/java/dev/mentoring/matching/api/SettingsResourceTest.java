package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SettingsResourceTest {

    private static final String WEIGHTS = "/settings/weights";
    private static final String LIMITS = "/settings/partnership-limits";

    @Test
    void aTenantStartsWithTheDefaultsAtVersion0() {
        String admin = People.admin(People.newTenant());
        given().header("Authorization", admin).get("/settings").then().statusCode(200)
                .body("weights.SKILLS", equalTo(30)).body("weights.TIME_ZONE", equalTo(10))
                .body("partnershipLimits.maxOpenRequests", equalTo(3)).body("partnershipLimits.maxActiveMentors", equalTo(2));
        given().header("Authorization", admin).get(WEIGHTS).then().statusCode(200).header("ETag", "\"0\"")
                .body("GOALS_EXPERTISE", equalTo(20));
        given().header("Authorization", admin).get(LIMITS).then().statusCode(200).header("ETag", "\"0\"")
                .body("maxOpenRequests", equalTo(3));
    }

    @Test
    void everyChangeOfTheWeightsRaisesTheirVersionAndAStaleIfMatchIs412() {
        String admin = People.admin(People.newTenant());
        given().header("Authorization", admin).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"SKILLS\":50}")
                .put(WEIGHTS).then().statusCode(200).header("ETag", "\"1\"").body("SKILLS", equalTo(50)).body("INDUSTRY", equalTo(0));
        // another admin still holds the defaults' ETag
        given().header("Authorization", admin).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"LANGUAGE\":50}")
                .put(WEIGHTS).then().statusCode(412).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", admin).get(WEIGHTS).then().header("ETag", "\"1\"").body("LANGUAGE", equalTo(0));
        // without If-Match the last write wins; a weak tag matches too; writing what is there changes nothing
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"LANGUAGE\":50}")
                .put(WEIGHTS).then().statusCode(200).header("ETag", "\"2\"");
        given().header("Authorization", admin).header("If-Match", "W/\"2\"").contentType(ContentType.JSON).body("{\"LANGUAGE\":60}")
                .put(WEIGHTS).then().statusCode(200).header("ETag", "\"3\"");
        given().header("Authorization", admin).header("If-Match", "\"3\"").contentType(ContentType.JSON).body("{\"LANGUAGE\":60}")
                .put(WEIGHTS).then().statusCode(200).header("ETag", "\"3\"");
        given().header("Authorization", admin).get("/settings").then().body("weights.LANGUAGE", equalTo(60))
                .body("weights.SKILLS", equalTo(0));
    }

    @Test
    void thePartnershipLimitsHaveTheirOwnVersion() {
        String admin = People.admin(People.newTenant());
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"TIME_ZONE\":100}").put(WEIGHTS)
                .then().statusCode(200).header("ETag", "\"1\"");
        given().header("Authorization", admin).get(LIMITS).then().header("ETag", "\"0\"");
        given().header("Authorization", admin).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"maxOpenRequests\":5,\"maxActiveMentors\":1}").put(LIMITS).then().statusCode(200).header("ETag", "\"1\"")
                .body("maxOpenRequests", equalTo(5));
        given().header("Authorization", admin).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"maxOpenRequests\":6,\"maxActiveMentors\":1}").put(LIMITS).then().statusCode(412)
                .contentType("application/problem+json");
        given().header("Authorization", admin).get("/settings").then().body("partnershipLimits.maxOpenRequests", equalTo(5))
                .body("weights.TIME_ZONE", equalTo(100));
    }

    @Test
    void onlyProgramAdminsReadOrChangeThem() {
        String tenant = People.newTenant();
        for (String token : new String[] { TestTokens.person(tenant, "E-1", "mentee").bearer(), People.hr(tenant) }) {
            given().header("Authorization", token).get("/settings").then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", token).contentType(ContentType.JSON).body("{\"SKILLS\":10}").put(WEIGHTS)
                    .then().statusCode(403);
        }
        given().header("Authorization", People.admin(tenant)).get("/matching/weights").then().statusCode(404);
    }
}
