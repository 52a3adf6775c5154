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
class ParticipantResourceTest {

    private static String createProfile(String tenant, String employeeId) {
        return given().header("Authorization", TestTokens.person(tenant, employeeId, "mentee").bearer())
                .contentType(ContentType.JSON)
                .body("{\"displayName\":\"Someone\",\"timeZone\":\"UTC\",\"languages\":[\"en\"]}")
                .put("/participants/me").then().statusCode(201).extract().path("id");
    }

    @Test
    void thePersonTheirAdminAndTheirHrSeeTheProfile() {
        String employee = "V-" + UUID.randomUUID();
        String id = createProfile("acme", employee);
        given().header("Authorization", TestTokens.person("acme", employee, "mentee").bearer())
                .get("/participants/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("view", equalTo("PROFILE")).header("ETag", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", TestTokens.person("acme", "admin-1", "program-admin").bearer())
                .get("/participants/" + id).then().statusCode(200)
                .body("view", equalTo("DIRECTORY_CARD")).body("timeZone", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", TestTokens.machine("acme", "integration").bearer())
                .get("/participants/" + id).then().statusCode(200).body("view", equalTo("PROFILE"))
                .body("timeZone", equalTo("UTC"));
    }

    @Test
    void everyoneElseGets404AsIfItDidNotExist() {
        String id = createProfile("acme", "V-" + UUID.randomUUID());
        given().header("Authorization", TestTokens.person("acme", "someone-else", "mentee").bearer())
                .get("/participants/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.person("globex", "admin-1", "program-admin").bearer())
                .get("/participants/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.machine("globex", "integration").bearer())
                .get("/participants/" + id).then().statusCode(404);
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        String token = TestTokens.person("acme", "admin-1", "program-admin").bearer();
        given().header("Authorization", token).get("/participants/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", token).get("/participants/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRoleOutsideTheListIsForbidden() {
        given().header("Authorization", TestTokens.machine("acme", "analytics").bearer())
                .get("/participants/" + UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json");
    }
}
