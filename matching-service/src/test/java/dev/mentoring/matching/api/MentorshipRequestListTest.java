package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** GET /mentorship-requests: a person's sent and received requests (with the messages), a program admin's tenant (without), paged. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentorshipRequestListTest {

    private static String mentee(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentee").bearer();
    }

    private static String mentor(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentor").bearer();
    }

    private static String ask(String tenant, String menteeEmployee, String mentorId) {
        var asked = given().header("Authorization", mentee(tenant, menteeEmployee)).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"Would you mentor me?\"}").post("/mentorship-requests")
                .then().statusCode(201).extract();
        String id = asked.path("id");
        assertThat(asked.header("Location")).isEqualTo("/mentorship-requests/" + id);
        return id;
    }

    @Test
    void aPersonGetsWhatTheySentOrReceivedAndAnAdminTheTenantsPageByPage() {
        String tenant = People.newTenant();
        String maria = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 5));
        String mads = People.provision(tenant, "M-2", People.mentorJson("Mads", "UTC", "[]", "[]", 5));
        for (String e : List.of("E-1", "E-2", "E-3")) {
            People.provision(tenant, e, People.menteeJson("Mentee " + e, "X", "grow", "[]"));
        }
        String first = ask(tenant, "E-1", maria);
        String second = ask(tenant, "E-1", mads);
        String third = ask(tenant, "E-2", maria);
        given().header("Authorization", mentor(tenant, "M-1")).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"NO_CAPACITY\",\"message\":\"Sorry, not now\"}")
                .post("/mentorship-requests/" + third + "/decline").then().statusCode(200);
        String elsewhere = People.newTenant();
        String other = People.provision(elsewhere, "M-1", People.mentorJson("Maria elsewhere", "UTC", "[]", "[]", 5));
        People.provision(elsewhere, "E-1", People.menteeJson("Anna elsewhere", "X", "grow", "[]"));
        ask(elsewhere, "E-1", other);

        given().header("Authorization", mentee(tenant, "E-1")).get("/mentorship-requests").then().statusCode(200)
                .body("items.id", contains(second, first)).body("items.message", everyItem(equalTo("Would you mentor me?")))
                .body("nextCursor", nullValue());
        given().header("Authorization", mentor(tenant, "M-1")).get("/mentorship-requests").then()
                .body("items.id", contains(third, first));
        given().header("Authorization", mentor(tenant, "M-1")).get("/mentorship-requests?state=DECLINED").then()
                .body("items.id", contains(third)).body("items[0].declineMessage", equalTo("Sorry, not now"));
        given().header("Authorization", mentor(tenant, "M-2")).get("/mentorship-requests?state=OPEN").then()
                .body("items.id", contains(second));
        given().header("Authorization", mentee(tenant, "E-3")).get("/mentorship-requests").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String admin = People.admin(tenant);
        given().header("Authorization", admin).get("/mentorship-requests?state=DECLINED").then().statusCode(200)
                .body("items.id", contains(third)).body("items[0].message", nullValue()).body("items[0].declineMessage", nullValue())
                .body("items[0].declineReason", equalTo("NO_CAPACITY"));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", admin).queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/mentorship-requests").then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            seen.addAll(items);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).as("newest first").containsExactly(third, second, first);
    }

    @Test
    void badParametersAndOtherRolesAreRefused() {
        String tenant = People.newTenant();
        String admin = People.admin(tenant);
        given().header("Authorization", admin).get("/mentorship-requests?limit=201").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", admin).queryParam("cursor", "!!!").get("/mentorship-requests").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", admin).get("/mentorship-requests?state=MAYBE").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().header("Authorization", People.hr(tenant)).get("/mentorship-requests").then().statusCode(403);
    }
}
