package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Demo people made into a mentee-mentor pair through the gateway, as the scenarios need them. */
final class Pairs {

    private Pairs() {
    }

    /** Sets the person's own profile; returns their participant id. */
    static String profile(String user, String name) {
        return Platform.as(user).contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + name + "\",\"timeZone\":\"Europe/Copenhagen\",\"languages\":[\"en\"]}")
                .put("/api/v1/matching/participants/me").then().statusCode(oneOf(200, 201))
                .extract().path("id");
    }

    /**
     * Leaves the mentee without open requests and the pair without a running partnership, so a scenario can
     * run again (and the mentee's limit of open requests is not spent by earlier runs).
     */
    static void clear(String mentee, String mentorId) {
        // a mentee has at most 10 open requests and 10 running partnerships (the tenant's limits): one page each
        List<Map<String, Object>> requests = Platform.as(mentee).queryParam("state", "OPEN").queryParam("limit", 200)
                .get("/api/v1/matching/mentorship-requests").then().statusCode(200).extract().path("items");
        requests.forEach(r -> Platform.as(mentee).post("/api/v1/matching/mentorship-requests/" + r.get("id") + "/withdrawal")
                .then().statusCode(200));
        List<Map<String, Object>> running = new java.util.ArrayList<>();
        for (String state : List.of("ACTIVE", "PAUSED")) {
            running.addAll(Platform.as(mentee).queryParam("state", state).queryParam("limit", 200).get("/api/v1/matching/partnerships")
                    .then().statusCode(200).extract().path("items.findAll { it.mentorId == '" + mentorId + "' }"));
        }
        running.forEach(p -> Platform.as(mentee).contentType(ContentType.JSON).body("{\"reasonCategory\":\"OTHER\"}")
                .post("/api/v1/matching/partnerships/" + p.get("id") + "/ending").then().statusCode(200));
    }

    /** The person's participant id, with a minimal profile made only if they have none yet. */
    static String existingProfile(String user) {
        var me = Platform.as(user).get("/api/v1/matching/participants/me").then().extract();
        return me.statusCode() == 200 ? me.path("id") : profile(user, "Demo " + user);
    }

    /** A new active partnership of the two (any earlier one ended first); returns its id. */
    static String start(String mentee, String mentor) {
        String mentorId = existingProfile(mentor);
        existingProfile(mentee);
        clear(mentee, mentorId);
        String requestId = Platform.as(mentee).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"Would you mentor me?\"}")
                .post("/api/v1/matching/mentorship-requests").then().statusCode(201).extract().path("id");
        Platform.as(mentor).post("/api/v1/matching/mentorship-requests/" + requestId + "/acceptance")
                .then().statusCode(200).body("state", equalTo("ACTIVE"));
        return requestId;
    }

    /** Imports the tenant's demo people (deploy/local/seed) as its HR platform does; their profiles are as seeded again. */
    static void importSeed(String tenant) throws IOException {
        String body = Files.readString(Platform.ROOT.resolve("deploy/local/seed/" + tenant + ".json"));
        int size = body.split("\"employeeId\"").length - 1;
        var result = Callers.as("hr-" + tenant).contentType(ContentType.JSON).body(body).post("/api/v1/matching/participants/imports")
                .then().statusCode(200).body("rejected", equalTo(0)).extract();
        int total = result.<Integer>path("created") + result.<Integer>path("updated") + result.<Integer>path("unchanged");
        assertThat(total).isEqualTo(size);
    }

}
