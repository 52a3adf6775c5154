package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RecommendationResourceTest {

    @Test
    void aMenteeGetsExplainedRecommendationsAndTheExcludedWithTheirRule() {
        String tenant = People.newTenant();
        String good = People.provision(tenant, "M-1", People.mentorJson("Java Lead", "Europe/Berlin",
                "[{\"name\":\"java\",\"level\":5}]", "[\"architecture\"]", 2));
        People.provision(tenant, "M-2", People.mentorJson("Sales Lead", "Europe/London", "[{\"name\":\"sales\",\"level\":5}]", "[]", 2));
        String manager = People.provision(tenant, "M-BOSS", People.mentorJson("The Boss", "Europe/Berlin", "[]", "[]", 2));
        String far = People.provision(tenant, "M-FAR", People.mentorJson("Far Away", "Asia/Tokyo", "[]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "M-BOSS", "get better at java architecture",
                "[{\"name\":\"java\",\"level\":4}]"));
        String token = TestTokens.person(tenant, "E-1", "mentee").bearer();

        var answer = given().header("Authorization", token).get("/participants/me/recommendations?includeExcluded=true")
                .then().statusCode(200)
                .body("recommendations", hasSize(2))
                .body("recommendations[0].mentor.id", equalTo(good))
                .body("recommendations[0].explanation.criterion", hasItem("SKILLS"))
                .body("recommendations[0].explanation", hasSize(7))
                .body("recommendations[0].mentor.goals", org.hamcrest.Matchers.nullValue())
                .extract();
        List<Map<String, String>> excluded = answer.path("excluded");
        assertThat(excluded).extracting(e -> e.get("mentorId") + "=" + e.get("rule"))
                .contains(manager + "=IS_MENTEES_MANAGER", far + "=TIME_ZONES_TOO_FAR_APART");
        float before = answer.path("recommendations[0].score");

        // the admin weighs only time zones: the next recommendation shows it
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON).body("{\"TIME_ZONE\":100}")
                .put("/settings/weights").then().statusCode(200).body("SKILLS", equalTo(0));
        given().header("Authorization", token).get("/participants/me/recommendations").then().statusCode(200)
                .body("weights.TIME_ZONE", equalTo(100))
                .body("recommendations[0].score", org.hamcrest.Matchers.not(equalTo(before)));
    }

    @Test
    void weightsAreValidatedAndOnlyForAdmins() {
        String tenant = People.newTenant();
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON).body("{\"SKILLS\":101}")
                .put("/settings/weights").then().statusCode(422).body("errors[0].field", equalTo("weights"));
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON).body("{\"LUCK\":10}")
                .put("/settings/weights").then().statusCode(400);
        given().header("Authorization", TestTokens.person(tenant, "E-1", "mentee").bearer()).contentType(ContentType.JSON)
                .body("{\"SKILLS\":10}").put("/settings/weights").then().statusCode(403);
    }

    @Test
    void anotherTenantsMenteeDoesNotExistForAnAdmin() {
        String tenant = People.newTenant();
        String mentee = People.provision(tenant, "E-1", People.menteeJson("Anna", "M-1", "grow", "[]"));
        given().header("Authorization", People.admin(People.newTenant())).get("/participants/" + mentee + "/recommendations")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", People.admin(tenant)).get("/participants/" + mentee + "/recommendations")
                .then().statusCode(200);
    }
}
