package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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

/** GET /partnerships: a person's own partnerships (with the private texts), a program admin's tenant (without), paged. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PartnershipListTest {

    private static String mentee(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentee").bearer();
    }

    private static String mentor(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentor").bearer();
    }

    private static String partnership(String tenant, String menteeEmployee, String mentorEmployee, String mentorId) {
        String id = given().header("Authorization", mentee(tenant, menteeEmployee)).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentorId + "\"}").post("/mentorship-requests").then().statusCode(201).extract().path("id");
        given().header("Authorization", mentor(tenant, mentorEmployee)).post("/mentorship-requests/" + id + "/acceptance")
                .then().statusCode(200);
        return id;
    }

    private static List<String> pageThrough(String token, String query, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", token).queryParam("limit", limit).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/partnerships" + query).then().statusCode(200).extract();
            List<String> items = page.path("items.id");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            seen.addAll(items);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void aPersonGetsTheirOwnAndAnAdminTheTenantsPageByPage() {
        String tenant = People.newTenant();
        String maria = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 5));
        String mads = People.provision(tenant, "M-2", People.mentorJson("Mads", "UTC", "[]", "[]", 5));
        for (String e : List.of("E-1", "E-2", "E-3")) {
            People.provision(tenant, e, People.menteeJson("Mentee " + e, "X", "grow", "[]"));
        }
        String first = partnership(tenant, "E-1", "M-1", maria);
        String second = partnership(tenant, "E-1", "M-2", mads);
        String third = partnership(tenant, "E-2", "M-1", maria);
        given().header("Authorization", mentee(tenant, "E-2")).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"OTHER\",\"note\":\"private\",\"thankYouMessage\":\"Thanks!\"}")
                .post("/partnerships/" + third + "/ending").then().statusCode(200);
        String elsewhere = People.newTenant();
        String other = People.provision(elsewhere, "M-1", People.mentorJson("Maria elsewhere", "UTC", "[]", "[]", 5));
        People.provision(elsewhere, "E-1", People.menteeJson("Anna elsewhere", "X", "grow", "[]"));
        partnership(elsewhere, "E-1", "M-1", other);

        // each person their own, with the private texts
        given().header("Authorization", mentee(tenant, "E-1")).get("/partnerships").then().statusCode(200)
                .body("items.id", contains(second, first)).body("nextCursor", nullValue());
        given().header("Authorization", mentor(tenant, "M-1")).get("/partnerships").then()
                .body("items.id", contains(third, first));
        given().header("Authorization", mentee(tenant, "E-2")).get("/partnerships").then()
                .body("items.id", contains(third)).body("items[0].thankYouMessage", equalTo("Thanks!"));
        given().header("Authorization", mentee(tenant, "E-3")).get("/partnerships").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", nullValue());
        given().header("Authorization", mentee(tenant, "E-1")).get("/partnerships?state=ENDED_EARLY").then()
                .body("items.size()", equalTo(0));
        given().header("Authorization", mentor(tenant, "M-1")).get("/partnerships?state=ENDED_EARLY").then()
                .body("items.id", contains(third));

        // the admin the tenant's, without the private texts, in id order, to the end of the pages
        String admin = People.admin(tenant);
        given().header("Authorization", admin).get("/partnerships?state=ENDED_EARLY").then()
                .body("items.id", contains(third)).body("items[0].thankYouMessage", nullValue()).body("items[0].endNote", nullValue());
        List<String> all = pageThrough(admin, "", 1);
        assertThat(all).as("newest first").containsExactly(third, second, first);
        assertThat(pageThrough(admin, "?state=ACTIVE", 1)).containsExactlyInAnyOrder(first, second);
        assertThat(pageThrough(mentor(tenant, "M-1"), "", 1)).containsExactlyInAnyOrder(first, third);
    }

    @Test
    void badParametersAndOtherRolesAreRefused() {
        String tenant = People.newTenant();
        String admin = People.admin(tenant);
        given().header("Authorization", admin).get("/partnerships?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", admin).get("/partnerships?cursor=bm90LWEtdXVpZA").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", admin).get("/partnerships?state=OVER").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().header("Authorization", People.hr(tenant)).get("/partnerships").then().statusCode(403);
        given().header("Authorization", TestTokens.machine(tenant, "analytics").bearer()).get("/partnerships").then().statusCode(403);
        given().header("Authorization", admin).get("/partnerships/mine").then().statusCode(404);
    }
}
