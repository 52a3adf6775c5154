package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportResourceTest {

    private static String item(String employeeId, String profile) {
        return "{\"employeeId\":\"" + employeeId + "\",\"profile\":" + profile + "}";
    }

    private static String body(List<String> items) {
        return "{\"participants\":[" + String.join(",", items) + "]}";
    }

    @Test
    void reportsAResultPerItemAndAppliesOnlyValidOnes() {
        String tenant = People.newTenant();
        List<String> items = List.of(
                item("M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 2)),
                item("E-1", People.menteeJson("Anna", "M-1", "grow", "[]")),
                item("E-2", People.menteeJson("Bad", "M-1", "grow", "[]").replace("Europe/Copenhagen", "Mars/Base")),
                item("E-1", People.menteeJson("Anna again", "M-1", "grow", "[]")));
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON).body(body(items))
                .post("/participants/imports").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("items[0].outcome", equalTo("CREATED"))
                .body("items[2].outcome", equalTo("REJECTED"))
                .body("items[2].errors[0].field", equalTo("profile.timeZone"))
                .body("items[3].reason", startsWith("employeeId"));

        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON).body(body(items.subList(0, 2)))
                .post("/participants/imports").then().statusCode(200).body("unchanged", equalTo(2));
        given().header("Authorization", People.hr(tenant)).get("/participants?role=mentee").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void moreThanAThousandIsRefusedWhole() {
        String tenant = People.newTenant();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(item("E-" + i, People.menteeJson("P" + i, "M-1", "grow", "[]")));
        }
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON).body(body(items))
                .post("/participants/imports").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("participants"));
        given().header("Authorization", People.hr(tenant)).get("/participants").then().body("items.size()", equalTo(0));
    }

    @Test
    void aThousandAreImported() {
        String tenant = People.newTenant();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(item("E-" + i, People.menteeJson("P" + i, "M-1", "grow", "[{\"name\":\"java\",\"level\":3}]")));
        }
        given().header("Authorization", People.hr(tenant)).contentType(ContentType.JSON).body(body(items))
                .post("/participants/imports").then().statusCode(200).body("created", equalTo(1000));
    }
}
