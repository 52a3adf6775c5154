package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What comes after a partnership: recommendations for a next mentor (not the same one unless the mentee asks), and a
 * mentee with enough experience becoming a mentor, by applying or by invitation.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WhatNextTest {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    private static String mentee(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentee").bearer();
    }

    private static String mentor(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentor").bearer();
    }

    @Test
    void afterAnEndingTheNextMentorIsSomeoneElseUnlessTheMenteeAsks() {
        String tenant = People.newTenant();
        String first = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[]", "[]", 3));
        String second = People.provision(tenant, "M-2", People.mentorJson("Ole", "Europe/Copenhagen", "[]", "[]", 3));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        String id = as(mentee(tenant, "E-1")).body("{\"mentorId\":\"" + first + "\"}").post("/mentorship-requests").then().statusCode(201)
                .extract().path("id");
        as(mentor(tenant, "M-1")).post("/mentorship-requests/" + id + "/acceptance").then().statusCode(200);
        as(mentee(tenant, "E-1")).body("{\"reasonCategory\":\"GOALS_ACHIEVED\"}").post("/partnerships/" + id + "/completion")
                .then().statusCode(200);
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations?includeExcluded=true").then().statusCode(200)
                .body("recommendations.mentor.id", equalTo(List.of(second)))
                .body("excluded.find { it.mentorId == '" + first + "' }.rule", equalTo("ENDED_BEFORE"));
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations?includePrevious=true").then().statusCode(200)
                .body("recommendations.mentor.id", containsInAnyOrder(first, second));
    }

    @Test
    void aMenteeWithExperienceBecomesAMentorByApplyingOrByInvitation() {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[]", "[]", 3));
        String anna = People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        String bo = People.provision(tenant, "E-2", People.menteeJson("Bo", "X-1", "lead", "[]"));
        People.provision(tenant, "E-3", People.menteeJson("Cai", "X-1", "lead", "[]").replace("\"yearsOfExperience\":2", "\"yearsOfExperience\":6"));
        // Anna completes a partnership as a mentee; Bo has done none and two years of experience
        String id = as(mentee(tenant, "E-1")).body("{\"mentorId\":\"" + mentorId + "\"}").post("/mentorship-requests").then()
                .statusCode(201).extract().path("id");
        as(mentor(tenant, "M-1")).post("/mentorship-requests/" + id + "/acceptance").then().statusCode(200);
        as(mentee(tenant, "E-1")).body("{\"reasonCategory\":\"GOALS_ACHIEVED\"}").post("/partnerships/" + id + "/completion")
                .then().statusCode(200);

        as(mentee(tenant, "E-2")).body("{}").post("/participants/me/mentor-application").then().statusCode(409)
                .contentType("application/problem+json");
        as(mentee(tenant, "E-2")).get("/participants/me/mentor-applications").then().statusCode(200).body("items.size()", equalTo(0));
        as(mentee(tenant, "E-1")).body("{\"capacity\":0}").post("/participants/me/mentor-application").then().statusCode(400)
                .body("errors[0].field", equalTo("capacity"));

        try (TopicReader events = new TopicReader("test.mentoring.participant.v1")) {
            // Anna applies; an admin's invitation accepts it: she is a mentor with the places she offered
            String application = as(mentee(tenant, "E-1")).body("{\"capacity\":3,\"wouldMentorIn\":[\" Leadership \"]}")
                    .post("/participants/me/mentor-application").then().statusCode(200).body("state", equalTo("APPLIED"))
                    .body("wouldMentorIn", equalTo(List.of("leadership"))).extract().path("id");
            as(mentee(tenant, "E-1")).body("{}").post("/participants/me/mentor-application").then().statusCode(409);
            as(People.admin(tenant)).get("/mentor-applications?state=APPLIED").then().statusCode(200)
                    .body("items.id", equalTo(List.of(application)));
            as(mentee(tenant, "E-2")).post("/participants/" + anna + "/mentor-invitation").then().statusCode(403);
            as(People.admin(People.newTenant())).post("/participants/" + anna + "/mentor-invitation").then().statusCode(404);
            as(People.admin(tenant)).post("/participants/" + anna + "/mentor-invitation").then().statusCode(200)
                    .body("id", equalTo(application)).body("state", equalTo("ACCEPTED"));
            as(People.hr(tenant)).get("/participants/" + anna).then().statusCode(200)
                    .body("mentor.capacity", equalTo(3)).body("mentor.acceptingMentees", equalTo(true));
            var updated = events.settled(r -> anna.equals(r.key()) && r.value().contains("participant.updated"), 1);
            assertThat(updated).singleElement().satisfies(r -> assertThat(r.value()).contains("\"mentor\":true")
                    .contains("\"mentorCapacity\":3"));
        }
        // a mentor already: neither applies nor is invited again
        as(People.admin(tenant)).post("/participants/" + anna + "/mentor-invitation").then().statusCode(409);
        // and Bo, a mentee, finds her among his mentors
        as(mentee(tenant, "E-2")).get("/participants/me/recommendations").then().statusCode(200)
                .body("recommendations.mentor.id", hasItem(anna));

        // an invitation asks for no experience: Bo turns it down, then, invited again, accepts by applying
        as(People.admin(tenant)).post("/participants/" + bo + "/mentor-invitation").then().statusCode(200).body("state", equalTo("INVITED"));
        as(People.admin(tenant)).post("/participants/" + bo + "/mentor-invitation").then().statusCode(200).body("state", equalTo("INVITED"));
        as(mentee(tenant, "E-2")).get("/participants/me/mentor-applications").then().statusCode(200).body("items[0].state", equalTo("INVITED"));
        as(mentee(tenant, "E-2")).delete("/participants/me/mentor-application").then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        as(mentee(tenant, "E-2")).delete("/participants/me/mentor-application").then().statusCode(404);
        as(People.admin(tenant)).post("/participants/" + bo + "/mentor-invitation").then().statusCode(200).body("state", equalTo("INVITED"));
        as(mentee(tenant, "E-2")).body("{}").post("/participants/me/mentor-application").then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        as(People.hr(tenant)).get("/participants/" + bo).then().statusCode(200).body("mentor.capacity", equalTo(2));

        // Cai has years enough to apply; an admin declines, once
        String cai = as(mentee(tenant, "E-3")).body("{}").post("/participants/me/mentor-application").then().statusCode(200)
                .extract().path("id");
        as(People.admin(tenant)).post("/mentor-applications/" + cai + "/decline").then().statusCode(200).body("state", equalTo("DECLINED"));
        as(People.admin(tenant)).post("/mentor-applications/" + cai + "/decline").then().statusCode(409);
        as(People.admin(People.newTenant())).post("/mentor-applications/" + cai + "/decline").then().statusCode(404);
        as(People.admin(tenant)).get("/mentor-applications?state=NOPE").then().statusCode(400).body("errors[0].field", equalTo("state"));

        // a leaver's open application is withdrawn with them: nothing left for an admin to accept
        People.provision(tenant, "E-4", People.menteeJson("Dan", "X-1", "lead", "[]").replace("\"yearsOfExperience\":2", "\"yearsOfExperience\":9"));
        String dan = as(mentee(tenant, "E-4")).body("{\"wouldMentorIn\":[\"architecture\"]}").post("/participants/me/mentor-application")
                .then().statusCode(200).extract().path("id");
        as(People.hr(tenant)).post("/participants/by-employee-id/E-4/deactivation").then().statusCode(200);
        as(People.admin(tenant)).get("/mentor-applications?state=WITHDRAWN").then().statusCode(200).body("items.id", hasItem(dan));
        as(People.admin(tenant)).get("/mentor-applications?state=APPLIED").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
