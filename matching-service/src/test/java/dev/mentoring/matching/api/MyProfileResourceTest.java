package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MyProfileResourceTest {

    private static final String PATH = "/participants/me";

    private static String profile(String name, String zone, String languages) {
        return "{\"displayName\":\"" + name + "\",\"timeZone\":\"" + zone + "\",\"languages\":" + languages + "}";
    }

    private static String newEmployee() {
        return "E-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsReadsAndChangesTheCallersOwnProfile() {
        String token = TestTokens.person("acme", newEmployee(), "mentee").bearer();

        given().header("Authorization", token).get(PATH).then().statusCode(404)
                .contentType("application/problem+json");

        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(profile("Anna Nielsen", "Europe/Copenhagen", "[\"da\",\"en\"]"))
                .put(PATH).then().statusCode(201)
                .body("displayName", equalTo("Anna Nielsen"))
                .body("languages", hasItem("da"))
                .extract().path("id");

        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(profile("Anna N.", "Europe/Berlin", "[\"en\"]"))
                .put(PATH).then().statusCode(200).body("id", equalTo(id)).body("timeZone", equalTo("Europe/Berlin"));

        given().header("Authorization", token).get(PATH).then().statusCode(200)
                .body("id", equalTo(id)).body("displayName", equalTo("Anna N.")).body("updatedAt", notNullValue());
    }

    @Test
    void theSameEmployeeIdInAnotherTenantIsAnotherPerson() {
        String employee = newEmployee();
        given().header("Authorization", TestTokens.person("acme", employee, "mentee").bearer())
                .contentType(ContentType.JSON).body(profile("Acme person", "UTC", "[\"en\"]"))
                .put(PATH).then().statusCode(201);

        given().header("Authorization", TestTokens.person("globex", employee, "mentee").bearer())
                .get(PATH).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer not-a-token").get(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.person("acme", newEmployee(), "mentee").expiredSince(120).bearer())
                .get(PATH).then().statusCode(401);
        given().header("Authorization", TestTokens.person("acme", newEmployee(), "mentee").claim("aud", "another-api").bearer())
                .get(PATH).then().statusCode(401);
        given().header("Authorization", TestTokens.person("acme", newEmployee(), "mentee").without("tenant").bearer())
                .get(PATH).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aMachineClientHasNoProfileOfItsOwn() {
        given().header("Authorization", TestTokens.machine("acme", "integration").bearer())
                .get(PATH).then().statusCode(403);
    }

    @Test
    void namesTheFieldOfInvalidInput() {
        String token = TestTokens.person("acme", newEmployee(), "mentee").bearer();
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(profile("", "Mars/Olympus", "[\"zz\"]"))
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("languages[0]"));

        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"displayName\":\"x\",\"timeZone\":\"UTC\",\"languages\":{\"nested\":1}}")
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("languages"));

        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + "x".repeat(121) + "\",\"timeZone\":\"UTC\",\"languages\":[\"en\"]}")
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("displayName"));

        given().header("Authorization", token).get(PATH).then().statusCode(404); // nothing half-written
    }

    @Test
    void answersProtocolMistakesWithProblems() {
        String token = TestTokens.person("acme", newEmployee(), "mentee").bearer();
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"displayName\": ")
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().header("Authorization", token).contentType(ContentType.TEXT).body("hello")
                .put(PATH).then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", token).delete(PATH).then().statusCode(405)
                .contentType("application/problem+json");
        given().header("Authorization", token).get("/no/such/route").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", token).contentType(ContentType.JSON).put(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
