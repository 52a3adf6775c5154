package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/**
 * A profile is written by the person and by their HR platform: every answer carries its version as the ETag; If-Match is
 * optional (HR's syncs write blindly, the last write wins) and a stale one is 412 and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProfileETagTest {

    private static final String ME = "/participants/me";

    private static String own(String name) {
        return "{\"displayName\":\"" + name + "\",\"timeZone\":\"UTC\",\"languages\":[\"en\"]}";
    }

    private static long version(String etag) {
        assertThat(etag).matches("\"\\d+\"");
        return Long.parseLong(etag.replace("\"", ""));
    }

    @Test
    void thePersonsEditsNameTheVersionTheyReadAndAStaleOneIs412() {
        String tenant = People.newTenant();
        String token = TestTokens.person(tenant, "E-1", "mentee").bearer();
        String created = given().header("Authorization", token).contentType(ContentType.JSON).body(own("Anna"))
                .put(ME).then().statusCode(201).extract().header("ETag");
        String read = given().header("Authorization", token).get(ME).then().statusCode(200).extract().header("ETag");
        assertThat(read).isEqualTo(created);

        String changed = given().header("Authorization", token).header("If-Match", read).contentType(ContentType.JSON)
                .body(own("Anna N.")).put(ME).then().statusCode(200).body("displayName", equalTo("Anna N.")).extract().header("ETag");
        assertThat(version(changed)).isEqualTo(version(read) + 1);

        // an edit based on what was read before that change is refused and changes nothing
        given().header("Authorization", token).header("If-Match", read).contentType(ContentType.JSON).body(own("Stale"))
                .put(ME).then().statusCode(412).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", token).get(ME).then().header("ETag", changed).body("displayName", equalTo("Anna N."));

        // writing what is there changes nothing, not even the version; without If-Match the last write wins
        given().header("Authorization", token).header("If-Match", changed).contentType(ContentType.JSON).body(own("Anna N."))
                .put(ME).then().statusCode(200).header("ETag", changed);
        given().header("Authorization", token).contentType(ContentType.JSON).body(own("Anna Nielsen"))
                .put(ME).then().statusCode(200).header("ETag", "\"" + (version(changed) + 1) + "\"");
    }

    @Test
    void anIfMatchForAProfileThatDoesNotExistYetIs412() {
        String token = TestTokens.person(People.newTenant(), "E-1", "mentee").bearer();
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(own("Anna"))
                .put(ME).then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", token).get(ME).then().statusCode(404);
    }

    @Test
    void hrWritesBlindlyOrNamingTheVersionAndSeesThePersonsChanges() {
        String tenant = People.newTenant();
        String path = "/participants/by-employee-id/E-1";
        String json = People.menteeJson("Anna", "M-1", "grow", "[]");
        var first = given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON).body(json)
                .put(path).then().statusCode(201).extract();
        String provisioned = first.header("ETag");
        given().header("Authorization", People.hr(tenant)).get("/participants/" + first.path("id")).then().statusCode(200)
                .header("ETag", provisioned).body("view", equalTo("PROFILE"));

        // the person changes their own profile meanwhile: HR's write based on the old version is refused
        String personal = given().header("Authorization", TestTokens.person(tenant, "E-1", "mentee").bearer())
                .header("If-Match", provisioned).contentType(ContentType.JSON).body(own("Anna Nielsen"))
                .put(ME).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", People.hr(tenant)).header("If-Match", provisioned).contentType(ContentType.JSON).body(json)
                .put(path).then().statusCode(412).contentType("application/problem+json");
        String synced = given().header("Authorization", People.hr(tenant)).header("If-Match", personal).contentType(ContentType.JSON)
                .body(json).put(path).then().statusCode(200).body("displayName", equalTo("Anna")).extract().header("ETag");
        assertThat(version(synced)).isEqualTo(version(personal) + 1);

        // a blind sync (no If-Match) always writes; deactivation answers the new version too
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON)
                .body(People.menteeJson("Anna Blind", "M-1", "grow", "[]")).put(path).then().statusCode(200)
                .header("ETag", "\"" + (version(synced) + 1) + "\"");
        given().header("Authorization", People.hr(tenant)).post(path + "/deactivation").then().statusCode(200)
                .header("ETag", "\"" + (version(synced) + 2) + "\"");
    }
}
