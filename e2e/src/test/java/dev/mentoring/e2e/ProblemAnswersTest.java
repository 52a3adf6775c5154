package dev.mentoring.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** Client mistakes through the gateway get a 4xx problem+json, never a 500. */
class ProblemAnswersTest {

    private static final String ME = "/api/v1/matching/participants/me";

    @Test
    void malformedJson() {
        Platform.as("acme-mentee3").contentType(ContentType.JSON).body("{\"displayName\": \"x\",")
                .put(ME).then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void jsonWithTrailingGarbageIsMalformed() {
        Platform.as("acme-mentee3").contentType(ContentType.JSON)
                .body("{\"displayName\":\"x\",\"timeZone\":\"Europe/Copenhagen\",\"languages\":[\"en\"]}}")
                .put(ME).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentType() {
        Platform.as("acme-mentee3").contentType("application/xml").body("<profile/>")
                .put(ME).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void invalidFieldIsNamed() {
        Platform.as("acme-mentee3").contentType(ContentType.JSON)
                .body("{\"displayName\":\"x\",\"timeZone\":\"Nowhere/Land\",\"languages\":[\"en\"]}")
                .put(ME).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void unknownRoute() {
        Platform.as("acme-mentee3").get("/api/v1/matching/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        Platform.as("acme-mentee3").get("/api/v9/nowhere").then().statusCode(404)
                .contentType("application/problem+json");
        Platform.as("acme-mentee3").delete(ME).then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void unknownId() {
        Platform.as("acme-admin").get("/api/v1/matching/participants/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Platform.as("acme-admin").get("/api/v1/matching/participants/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
