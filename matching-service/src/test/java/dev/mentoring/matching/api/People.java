package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.mentoring.plumbing.testing.TestTokens;
import io.restassured.http.ContentType;

/** Test data through the API as an HR platform would send it, each test in a tenant of its own. */
final class People {

    private People() {
    }

    static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String hr(String tenant) {
        return TestTokens.machine(tenant, "integration").bearer();
    }

    static String admin(String tenant) {
        return TestTokens.person(tenant, "ADMIN-1", "program-admin").bearer();
    }

    static String mentorJson(String name, String zone, String skills, String expertise, int capacity) {
        return """
                {"displayName":"%s","timeZone":"%s","languages":["en","da"],"yearsOfExperience":15,"seniority":"LEAD",
                 "leadershipStyle":"COACHING","communicationStyle":"DIRECT","skills":%s,"industries":["software"],
                 "expertise":%s,"mentor":{"capacity":%d,"acceptingMentees":true,"wouldMentorIn":["leadership"],
                 "preferredMenteeSeniority":["JUNIOR"]}}""".formatted(name, zone, skills, expertise, capacity);
    }

    static String menteeJson(String name, String manager, String goals, String desired) {
        return """
                {"displayName":"%s","timeZone":"Europe/Copenhagen","languages":["en"],"managerEmployeeId":"%s",
                 "yearsOfExperience":2,"seniority":"JUNIOR","skills":[],"industries":["software"],
                 "mentee":{"goals":"%s","desiredSkills":%s,"preferredIndustries":["software"],
                 "preferredLeadershipStyle":"COACHING","maxTimeZoneGapHours":3,"optedIn":true}}"""
                .formatted(name, manager, goals, desired);
    }

    static String provision(String tenant, String employeeId, String json) {
        return given().header("Authorization", hr(tenant)).contentType(ContentType.JSON).body(json)
                .put("/participants/by-employee-id/" + employeeId).then().statusCode(201).extract().path("id");
    }
}
