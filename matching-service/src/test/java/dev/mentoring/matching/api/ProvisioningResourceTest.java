package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProvisioningResourceTest {

    private static final String TOPIC = "test.mentoring.participant.v1";

    @Inject
    Pool pool;

    @Test
    void hrProvisionsIdempotentlyByEmployeeId() {
        String tenant = People.newTenant();
        String json = People.mentorJson("Maria Jensen", "Europe/Copenhagen", "[{\"name\":\"Java\",\"level\":5}]",
                "[\"Architecture\"]", 3);
        String id = People.provision(tenant, "M-1", json);
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON).body(json)
                .put("/participants/by-employee-id/M-1").then().statusCode(200).body("id", equalTo(id))
                .body("skills[0].name", equalTo("java")).body("expertise", hasItem("architecture"))
                .body("mentor.capacity", equalTo(3));
    }

    @Test
    void onlyHrProvisionsAndOnlyInItsOwnTenant() {
        String tenant = People.newTenant();
        String id = People.provision(tenant, "M-1", People.mentorJson("A", "UTC", "[]", "[]", 1));
        given().header("Authorization", TestTokens.person(tenant, "E-1", "mentee").bearer()).contentType(ContentType.JSON)
                .body(People.mentorJson("A", "UTC", "[]", "[]", 1)).put("/participants/by-employee-id/M-2")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", People.hr(People.newTenant())).get("/participants/" + id).then().statusCode(404);
        given().header("Authorization", People.hr(tenant)).get("/participants/" + id).then().statusCode(200);
    }

    @Test
    void everyFieldHasLimitsAndTheFieldIsNamed() {
        String tenant = People.newTenant();
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON)
                .body(People.mentorJson("A", "UTC", "[{\"name\":\"java\",\"level\":9}]", "[\"a\"]", 99))
                .put("/participants/by-employee-id/M-1").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("skills[0].level")).body("errors.field", hasItem("mentor.capacity"));
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON)
                .body(People.mentorJson("A", "UTC", "[]", "[]", 1).replace("\"LEAD\"", "\"GURU\""))
                .put("/participants/by-employee-id/M-1").then().statusCode(400).body("errors[0].field", equalTo("seniority"));
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON)
                .body(People.mentorJson("A", "UTC", "[]", "[]", 1)).put("/participants/by-employee-id/bad id!")
                .then().statusCode(400).body("errors[0].field", equalTo("employeeId"));
    }

    @Test
    void deactivationAndErasureArePublishedAndErasureRemovesPersonalData() throws Exception {
        String tenant = People.newTenant();
        String id = People.provision(tenant, "E-9", People.menteeJson("Private Person", "M-1", "secret goals", "[]"));
        try (TopicReader events = new TopicReader(TOPIC)) {
            given().header("Authorization", People.hr(tenant)).post("/participants/by-employee-id/E-9/deactivation")
                    .then().statusCode(200).body("active", equalTo(false));
            assertThat(events.await(r -> id.equals(r.key()) && r.value().contains("participant.deactivated"),
                    Duration.ofSeconds(20))).isNotNull();

            given().header("Authorization", People.hr(tenant)).delete("/participants/by-employee-id/E-9")
                    .then().statusCode(204);
            var erased = events.await(r -> id.equals(r.key()) && r.value().contains("participant.erased"), Duration.ofSeconds(20));
            assertThat(erased).isNotNull();
            assertThat(erased.value()).doesNotContain("E-9").doesNotContain("Private");
        }
        var row = pool.preparedQuery("select display_name, employee_id, mentee_goals, erased_at from participant where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertThat(row.getString("display_name")).doesNotContain("Private");
        assertThat(row.getString("employee_id")).isNotEqualTo("E-9");
        assertThat(row.getString("mentee_goals")).isNull();
        assertThat(row.getValue("erased_at")).isNotNull();
        given().header("Authorization", People.hr(tenant)).get("/participants/" + id).then().statusCode(404);
    }

    @Test
    void aPersonCannotRaiseTheirOwnCapacity() {
        String tenant = People.newTenant();
        People.provision(tenant, "M-5", People.mentorJson("Ole", "UTC", "[]", "[]", 1));
        given().header("Authorization", TestTokens.person(tenant, "M-5", "mentor").bearer()).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Ole\",\"timeZone\":\"UTC\",\"languages\":[\"en\"],\"tenant\":\"other\","
                        + "\"employeeId\":\"X\",\"mentor\":{\"capacity\":5,\"acceptingMentees\":false}}")
                .put("/participants/me").then().statusCode(200)
                .body("mentor.capacity", equalTo(1)).body("mentor.acceptingMentees", equalTo(false))
                .body("employeeId", equalTo("M-5"));
    }

    @Test
    void adminsSeeTheSummaryWithoutPersonalFields() {
        String tenant = People.newTenant();
        String id = People.provision(tenant, "E-1", People.menteeJson("Anna", "M-1", "my private goals", "[]"));
        String summary = given().header("Authorization", People.admin(tenant)).get("/participants/" + id).then()
                .statusCode(200).body("optedInToMatching", equalTo(true)).body("managerEmployeeId", nullValue())
                .extract().asString();
        assertThat(summary).doesNotContain("my private goals").doesNotContain("M-1");
    }
}
