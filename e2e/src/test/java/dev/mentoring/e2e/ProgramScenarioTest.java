package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * A program from start to close, through the gateway with real tokens, across the services through Kafka: a tenant-wide
 * admin creates a program and makes a person its admin; that admin opens the enrolment, the HR platform enrols a mentor
 * and a mentee by employee id, a stranger applies and is declined, the program starts; the mentee writes the intake,
 * browses the program's mentor directory and opens a card, gets the program's mentors recommended, asks one in the
 * program, the mentor accepts, their agreement starts from the program's defaults, they schedule a session, a concern is
 * raised and the program's lead reads and closes it and reads the program's analytics; the program closes, so
 * the partnership ends (PROGRAM_ENDED), session-service cancels the session and feedback-service opens the closing
 * evaluation. Every program and partnership event is valid against its schema. Another tenant, another program's admin
 * and a stranger are refused.
 */
class ProgramScenarioTest {

    private static final String HR = "hr-acme";
    private static final String ADMIN = "acme-admin";

    private static String provision(String employeeId, String profile) {
        return Callers.as(HR).contentType(ContentType.JSON).body(profile)
                .put("/api/v1/matching/participants/by-employee-id/" + employeeId).then().statusCode(oneOf(200, 201))
                .extract().path("id");
    }

    private static String mentee(String employeeId, String suffix) {
        return provision(employeeId, """
                {"displayName":"Mentee %s","timeZone":"Europe/Copenhagen","languages":["en"],"yearsOfExperience":2,"seniority":"JUNIOR",
                 "skills":[],"industries":["software"],
                 "mentee":{"goals":"Lead a team","desiredSkills":[{"name":"leadership","level":4}],"optedIn":true}}""".formatted(suffix));
    }

    /** The tenant's feedback settings with another evaluation interval, as a program's own. */
    private static String feedbackSettings(int intervalMonths) throws com.fasterxml.jackson.core.JsonProcessingException {
        java.util.Map<String, Object> settings = Callers.as(ADMIN).get("/api/v1/feedback/settings").then().statusCode(200).extract()
                .jsonPath().getMap("$");
        settings.put("evaluationIntervalMonths", intervalMonths);
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings);
    }

    private static void eventually(String what, Supplier<Boolean> check) throws InterruptedException {
        assertThat(Platform.firstOf(() -> check.get() ? Boolean.TRUE : null)).as(what + " never happened").isNotNull();
    }

    @Test
    void aProgramRunsFromEnrolmentToItsClosingAcrossTheServices() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lead = "lead-" + suffix;
        String otherLead = "otherlead-" + suffix;
        String mentor = "pmentor-" + suffix;
        String mentee = "pmentee-" + suffix;
        String stranger = "pstranger-" + suffix;
        List<String> realmUsers = new ArrayList<>();
        try {
            String mentorId = provision("PM-" + suffix, """
                    {"displayName":"Mentor %s","timeZone":"Europe/Copenhagen","languages":["en"],"yearsOfExperience":12,"seniority":"SENIOR",
                     "skills":[{"name":"leadership","level":5}],"industries":["software"],"expertise":["leadership"],
                     "mentor":{"capacity":2,"acceptingMentees":true}}""".formatted(suffix));
            mentee("PE-" + suffix, suffix);
            mentee("PS-" + suffix, suffix + "s");
            // the lead has a profile (not looking for a mentor), so an inbox: a concern raised in the program tells them
            provision("PL-" + suffix, """
                    {"displayName":"Lead %s","timeZone":"Europe/Copenhagen","languages":["en"],"yearsOfExperience":15,"seniority":"SENIOR",
                     "skills":[],"industries":["software"],"mentee":{"goals":"Run the program","optedIn":false}}""".formatted(suffix));
            // the program's admins run programs with their usual person token: here a mentor role without a profile
            realmUsers.add(RealmUsers.create(lead, "acme", "PL-" + suffix, "mentor"));
            realmUsers.add(RealmUsers.create(otherLead, "acme", "PO-" + suffix, "mentor"));
            realmUsers.add(RealmUsers.create(mentor, "acme", "PM-" + suffix, "mentor"));
            realmUsers.add(RealmUsers.create(mentee, "acme", "PE-" + suffix, "mentee"));
            realmUsers.add(RealmUsers.create(stranger, "acme", "PS-" + suffix, "mentee"));

            List<ConsumerRecord<String, String>> programEvents;
            String program;
            String partnership;
            String session;
            try (TopicReader programs = new TopicReader(Platform.KAFKA, "mentoring.program.v1");
                    TopicReader partnerships = new TopicReader(Platform.KAFKA, "mentoring.partnership.v1")) {
                program = Callers.as(ADMIN).contentType(ContentType.JSON).body("""
                        {"name":"Leaders %s","purpose":"New managers learn from experienced ones","focusSkills":["leadership"],
                         "joining":"APPLY","startsOn":"%s","endsOn":"%s","maxActiveMentors":1}"""
                        .formatted(suffix, LocalDate.now(), LocalDate.now().plusMonths(6)))
                        .post("/api/v1/matching/programs").then().statusCode(201).extract().path("id");
                String other = Callers.as(ADMIN).contentType(ContentType.JSON)
                        .body("{\"name\":\"Other " + suffix + "\",\"joining\":\"HR_ENROLS\"}")
                        .post("/api/v1/matching/programs").then().statusCode(201).extract().path("id");
                Callers.as(ADMIN).put("/api/v1/matching/programs/" + program + "/admins/PL-" + suffix).then().statusCode(201);
                Callers.as(ADMIN).put("/api/v1/matching/programs/" + other + "/admins/PO-" + suffix).then().statusCode(201);

                Platform.as(lead).post("/api/v1/matching/programs/" + program + "/enrolment-opening").then().statusCode(200)
                        .body("state", equalTo("ENROLLING"));
                Callers.as(HR).contentType(ContentType.JSON).body("{\"enrolments\":[{\"employeeId\":\"PM-" + suffix
                        + "\",\"role\":\"MENTOR\"},{\"employeeId\":\"PE-" + suffix + "\",\"role\":\"MENTEE\"}]}")
                        .post("/api/v1/matching/programs/" + program + "/enrolments").then().statusCode(200).body("enrolled", equalTo(2));
                String application = Platform.as(stranger).contentType(ContentType.JSON).body("{\"role\":\"MENTEE\"}")
                        .post("/api/v1/matching/programs/" + program + "/enrolments/me").then().statusCode(200)
                        .body("state", equalTo("APPLIED")).extract().path("id");
                Platform.as(lead).post("/api/v1/matching/programs/" + program + "/enrolments/" + application + "/decline")
                        .then().statusCode(200).body("state", equalTo("DECLINED"));
                Platform.as(lead).post("/api/v1/matching/programs/" + program + "/start").then().statusCode(200)
                        .body("state", equalTo("RUNNING"));
                // the lead sets the program's default agreement, and its own evaluation interval (feedback-service, once
                // it has heard of the program and its admin)
                Platform.as(lead).contentType(ContentType.JSON)
                        .body("{\"defaultAgreement\":{\"cadence\":\"MONTHLY\",\"sessionMinutes\":60,\"groundRules\":\"Phones away\"}}")
                        .put("/api/v1/matching/programs/" + program + "/matching-settings").then().statusCode(200);
                String yearlyBody = feedbackSettings(12);
                var yearly = Platform.eventually(() -> Platform.as(lead).contentType(ContentType.JSON)
                        .body(yearlyBody)
                        .put("/api/v1/feedback/programs/" + program + "/settings").then().extract(), 404);
                assertThat(yearly.statusCode()).as(yearly.asString()).isEqualTo(200);
                assertThat((Boolean) yearly.path("own")).isTrue();
                Platform.as(otherLead).get("/api/v1/feedback/programs/" + program + "/settings").then().statusCode(404);

                // the refusals: another tenant's admin, another program's admin, a stranger of the tenant
                Callers.as("globex-admin").get("/api/v1/matching/programs/" + program).then().statusCode(404);
                Callers.as("globex-admin").post("/api/v1/matching/programs/" + program + "/closure").then().statusCode(404);
                Platform.as(otherLead).post("/api/v1/matching/programs/" + program + "/closure").then().statusCode(oneOf(403, 404));
                Platform.as(otherLead).get("/api/v1/matching/programs/" + program + "/enrolments").then().statusCode(oneOf(403, 404));
                Platform.as(stranger).get("/api/v1/matching/programs/" + program + "/enrolments").then().statusCode(403);
                Platform.as(stranger).contentType(ContentType.JSON)
                        .body("{\"mentorId\":\"" + mentorId + "\",\"programId\":\"" + program + "\"}")
                        .post("/api/v1/matching/mentorship-requests").then().statusCode(422);
                Platform.as(lead).put("/api/v1/matching/programs/" + program + "/admins/PS-" + suffix).then().statusCode(403);

                // the mentee reflects (the intake), browses the program's directory, opens the mentor's card
                String enrolment = Platform.as(mentee).get("/api/v1/matching/programs/" + program).then().statusCode(200)
                        .extract().path("myEnrolments[0].id");
                Platform.as(mentee).contentType(ContentType.JSON).body("""
                        {"strengths":["analysis"],"areasToDevelop":["leadership"],"hopes":"To lead my first team well",
                         "goals":[{"statement":"Lead a team of three","measure":"team size","target":"3","why":"My next role",
                                   "dueDate":"%s"}],"preferredFrequency":"MONTHLY","preferredMode":"VIDEO"}"""
                        .formatted(LocalDate.now().plusMonths(5)))
                        .put("/api/v1/matching/programs/" + program + "/enrolments/" + enrolment + "/intake").then().statusCode(200);
                Platform.as(lead).get("/api/v1/matching/programs/" + program + "/enrolments/" + enrolment + "/intake").then()
                        .statusCode(200).body("hopes", equalTo("To lead my first team well"));
                Platform.as(stranger).get("/api/v1/matching/programs/" + program + "/enrolments/" + enrolment + "/intake").then()
                        .statusCode(403);
                Platform.as(mentee).get("/api/v1/matching/programs/" + program + "/mentors?skill=leadership").then().statusCode(200)
                        .body("items.mentor.id", equalTo(List.of(mentorId))).body("items[0].score", org.hamcrest.Matchers.notNullValue());
                Platform.as(mentee).get("/api/v1/matching/programs/" + program + "/mentors/" + mentorId).then().statusCode(200)
                        .body("explanation.size()", org.hamcrest.Matchers.greaterThan(0));
                Platform.as(mentee).get("/api/v1/matching/participants/me/recommendations?programId=" + program).then().statusCode(200)
                        .body("recommendations.mentor.id", equalTo(List.of(mentorId)));
                partnership = Platform.as(mentee).contentType(ContentType.JSON)
                        .body("{\"mentorId\":\"" + mentorId + "\",\"programId\":\"" + program + "\",\"message\":\"Would you?\"}")
                        .post("/api/v1/matching/mentorship-requests").then().statusCode(201).body("programId", equalTo(program))
                        .extract().path("id");
                Platform.as(mentor).post("/api/v1/matching/mentorship-requests/" + partnership + "/acceptance").then().statusCode(200)
                        .body("programId", equalTo(program));
                // their agreement starts from the program's defaults where they write nothing
                Platform.as(mentee).contentType(ContentType.JSON).body("""
                        {"goals":[{"statement":"Lead a team of three","measure":"team size","target":"3","why":"My next role",
                                   "dueDate":"%s"}],"meetingMode":"VIDEO"}""".formatted(LocalDate.now().plusMonths(5)))
                        .put("/api/v1/matching/partnerships/" + partnership + "/agreement").then().statusCode(201)
                        .body("latest.cadence", equalTo("MONTHLY")).body("latest.groundRules", equalTo("Phones away"));
                String body = "{\"start\":\"" + LocalDate.now().plusDays(30) + "T10:00\",\"timeZone\":\"UTC\",\"durationMinutes\":30,\"mode\":\"PHONE\"}";
                String sessions = "/api/v1/sessions/partnerships/" + partnership + "/sessions";
                var scheduled = Platform.eventually(() -> Platform.as(mentee).contentType(ContentType.JSON).body(body).post(sessions)
                        .then().extract(), 404, 403);
                assertThat(scheduled.statusCode()).as(scheduled.asString()).isEqualTo(201);
                session = scheduled.path("sessions[0].id");
                // a concern raised with the program admins, and closed by one
                var raised = Platform.eventually(() -> Platform.as(mentee).contentType(ContentType.JSON)
                        .body("{\"category\":\"LACK_OF_COMMITMENT\",\"text\":\"He reschedules a lot\"}")
                        .post("/api/v1/feedback/partnerships/" + partnership + "/concerns").then().extract(), 404, 403);
                assertThat(raised.statusCode()).as(raised.asString()).isEqualTo(201);
                // the program's lead (not a tenant-wide admin) reads it with its text and closes it; another program's lead
                // finds nothing
                String concern = raised.path("id");
                // and its inbox tells the lead (with the category, never the text), through feedback-service's event
                var told = Platform.firstOf(() -> {
                    var inbox = Platform.as(lead).get("/api/v1/notifications/inbox?limit=20").then().extract();
                    return inbox.statusCode() == 200 && inbox.jsonPath().getList("items.type").contains("CONCERN_RAISED") ? inbox : null;
                });
                assertThat(told).as("the lead's CONCERN_RAISED notification").isNotNull();
                assertThat(told.jsonPath().getString("items.find { it.type == 'CONCERN_RAISED' }.partnershipId")).isEqualTo(partnership);
                assertThat(told.jsonPath().getString("items.find { it.type == 'CONCERN_RAISED' }.text"))
                        .isEqualTo("A concern was raised in a partnership of your program (lack of commitment).").doesNotContain("reschedules");
                Platform.as(lead).get("/api/v1/feedback/concerns").then().statusCode(200)
                        .body("items.id", equalTo(List.of(concern))).body("items[0].text", equalTo("He reschedules a lot"));
                Platform.as(otherLead).get("/api/v1/feedback/concerns/" + raised.path("id")).then().statusCode(404);
                Platform.as(otherLead).get("/api/v1/feedback/concerns").then().statusCode(200).body("items.size()", equalTo(0));
                Platform.as(lead).contentType(ContentType.JSON).body("{\"outcome\":\"TALKED_TO_BOTH\"}")
                        .post("/api/v1/feedback/concerns/" + raised.path("id") + "/closure").then().statusCode(200)
                        .body("state", equalTo("CLOSED"));
                // the lead reads the program's analytics with its funnel (one mentee: suppressed), not the tenant's
                Platform.as(lead).get("/api/v1/feedback/analytics?programId=" + program).then().statusCode(200)
                        .body("programId", equalTo(program)).body("funnel.matched.suppressed", equalTo(true));
                Platform.as(lead).get("/api/v1/feedback/analytics").then().statusCode(403);
                Platform.as(otherLead).get("/api/v1/feedback/analytics?programId=" + program).then().statusCode(404);

                // the lead closes the program
                Platform.as(lead).post("/api/v1/matching/programs/" + program + "/closure").then().statusCode(200)
                        .body("state", equalTo("CLOSED"));
                var ended = partnerships.await(r -> partnership.equals(r.key()) && r.value().contains("partnership.ended"), Duration.ofSeconds(30));
                assertThat(ended).as("partnership.ended").isNotNull();
                var endedEvent = CloudEvents.assertValid(ended);
                assertThat(endedEvent.at("/data/reasonCategory").asText()).isEqualTo("PROGRAM_ENDED");
                assertThat(endedEvent.at("/data/programId").asText()).isEqualTo(program);
                for (var record : partnerships.settled(r -> partnership.equals(r.key()), 4)) {
                    CloudEvents.assertValid(record);
                }
                programEvents = programs.settled(r -> program.equals(r.key()), 9);
            }
            // created, its admin assigned, enrolment opened, two enrolled, applied, declined, started, closed
            assertThat(programEvents).extracting(r -> CloudEvents.assertValid(r).get("type").asText()).containsExactly(
                    "program.created", "program.admin-assigned", "program.enrolment-opened", "enrolment.enrolled", "enrolment.enrolled",
                    "enrolment.applied", "enrolment.declined", "program.started", "program.closed");
            assertThat(programEvents).allSatisfy(r -> assertThat(r.value()).doesNotContain("Leaders " + suffix)
                    .doesNotContain("Mentee " + suffix).doesNotContain("experienced ones"));

            Platform.as(mentee).get("/api/v1/matching/partnerships/" + partnership).then().statusCode(200)
                    .body("state", equalTo("ENDED_EARLY")).body("endReason", equalTo("PROGRAM_ENDED"));
            // session-service cancelled the session, feedback-service opened the closing evaluation
            eventually("the session cancelled", () -> "CANCELLED".equals(Platform.as(mentee).get("/api/v1/sessions/" + session)
                    .then().extract().path("state")));
            eventually("the closing evaluation opened", () -> {
                List<String> kinds = Platform.as(mentee).get("/api/v1/feedback/partnerships/" + partnership + "/evaluations")
                        .then().extract().path("items.kind");
                return kinds != null && kinds.contains("CLOSING");
            });
            // the mentee applies to nothing any more in a closed program
            Platform.as(mentee).contentType(ContentType.JSON).body("{\"role\":\"MENTEE\"}")
                    .post("/api/v1/matching/programs/" + program + "/enrolments/me").then().statusCode(409);
        } finally {
            realmUsers.forEach(RealmUsers::delete);
        }
    }
}
