package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DirectoryResourceTest {

    @Test
    void adminsFilterAndPageThroughTheirTenant() {
        String tenant = People.newTenant();
        for (int i = 0; i < 3; i++) {
            People.provision(tenant, "M-" + i, People.mentorJson("Mentor " + i, "UTC", "[{\"name\":\"java\",\"level\":4}]", "[]", i));
        }
        People.provision(tenant, "M-9", People.mentorJson("Sql mentor", "UTC", "[{\"name\":\"sql\",\"level\":4}]", "[]", 2));
        for (int i = 0; i < 2; i++) {
            People.provision(tenant, "E-" + i, People.menteeJson("Mentee " + i, "M-1", "grow", "[]"));
        }
        People.provision(People.newTenant(), "M-0", People.mentorJson("Elsewhere", "UTC", "[{\"name\":\"java\",\"level\":4}]", "[]", 2));

        given().header("Authorization", People.admin(tenant)).get("/participants?role=mentor&skill=java")
                .then().statusCode(200).body("items.size()", equalTo(3));
        given().header("Authorization", People.admin(tenant)).get("/participants?role=mentor&skill=java&available=true")
                .then().statusCode(200).body("items.size()", equalTo(2)); // capacity 0 is not available
        given().header("Authorization", People.admin(tenant)).get("/participants?role=mentee")
                .then().body("items.size()", equalTo(2));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", People.admin(tenant)).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/participants").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void badFiltersAndForeignRolesAreRefused() {
        String tenant = People.newTenant();
        given().header("Authorization", People.admin(tenant)).get("/participants?role=boss").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        given().header("Authorization", People.admin(tenant)).get("/participants?limit=500").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", People.admin(tenant)).get("/participants?cursor=bm90LWEtdXVpZA").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", TestTokens.person(tenant, "E-1", "mentee").bearer()).get("/participants")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
