package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.matching.application.GeneralPrograms;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Programs: the lifecycle and its events, who may do what (tenant-wide admins, a program's own admins, people), enrolment
 * by HR in bulk and by application, requests, recommendations and cohort runs scoped to a program, and closing a program
 * (its partnerships end, its requests are withdrawn), against the real database and broker.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProgramResourceTest {

    @Inject
    GeneralPrograms generalPrograms;

    private static final String PROGRAMS = "test.mentoring.program.v1";
    private static final String PARTNERSHIPS = "test.mentoring.partnership.v1";

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    private static String mentee(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentee").bearer();
    }

    private static String mentor(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentor").bearer();
    }

    static String program(String name, String joining) {
        return """
                {"name":"%s","purpose":"Grow the next leaders","focusSkills":["Leadership"," java "],"joining":"%s",
                 "enrolmentOpensOn":"2027-01-01","enrolmentClosesOn":"2027-01-31","startsOn":"2027-02-01","endsOn":"2027-12-31"}"""
                .formatted(name, joining);
    }

    static String create(String tenant, String json) {
        return as(People.admin(tenant)).body(json).post("/programs").then().statusCode(201).extract().path("id");
    }

    static String running(String tenant, String name, String joining) {
        String id = create(tenant, program(name, joining));
        as(People.admin(tenant)).post("/programs/" + id + "/start").then().statusCode(200).body("state", equalTo("RUNNING"));
        return id;
    }

    static void enrol(String tenant, String programId, String... employeeIdAndRole) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < employeeIdAndRole.length; i += 2) {
            items.append(items.length() == 0 ? "" : ",").append("{\"employeeId\":\"").append(employeeIdAndRole[i])
                    .append("\",\"role\":\"").append(employeeIdAndRole[i + 1]).append("\"}");
        }
        as(People.hr(tenant)).body("{\"enrolments\":[" + items + "]}").post("/programs/" + programId + "/enrolments")
                .then().statusCode(200);
    }

    @Test
    void aProgramLivesThroughItsLegalMovesAndPublishesEach() {
        String tenant = People.newTenant();
        try (TopicReader events = new TopicReader(PROGRAMS)) {
            var created = as(People.admin(tenant)).body(program("Graduates 2027", "APPLY")).post("/programs").then().statusCode(201)
                    .header("Location", notNullValue()).header("ETag", equalTo("\"0\""))
                    .body("state", equalTo("DRAFT")).body("general", equalTo(false)).body("youRun", equalTo(true))
                    .body("focusSkills", equalTo(List.of("leadership", "java"))).extract();
            String id = created.path("id");
            // names are unique in any letter case
            as(People.admin(tenant)).body(program("GRADUATES 2027", "OPEN")).post("/programs").then().statusCode(409);
            // edits: the whole description, If-Match optional but checked
            as(People.admin(tenant)).header("If-Match", "\"7\"").body(program("Graduates", "OPEN")).put("/programs/" + id)
                    .then().statusCode(412);
            as(People.admin(tenant)).header("If-Match", "\"0\"").body(program("Graduates", "OPEN").replace("\"endsOn\":\"2027-12-31\"",
                    "\"endsOn\":\"2027-12-31\",\"maxOpenRequests\":1,\"requestExpiryDays\":30")).put("/programs/" + id)
                    .then().statusCode(200).body("name", equalTo("Graduates")).body("joining", equalTo("OPEN"))
                    .body("maxOpenRequests", equalTo(1)).body("requestExpiryDays", equalTo(30)).header("ETag", equalTo("\"1\""));
            as(People.admin(tenant)).post("/programs/" + id + "/enrolment-opening").then().statusCode(200).body("state", equalTo("ENROLLING"));
            as(People.admin(tenant)).post("/programs/" + id + "/enrolment-opening").then().statusCode(409);
            as(People.admin(tenant)).post("/programs/" + id + "/start").then().statusCode(200).body("state", equalTo("RUNNING"));
            as(People.admin(tenant)).post("/programs/" + id + "/closure").then().statusCode(200).body("state", equalTo("CLOSED"))
                    .body("closedAt", notNullValue());
            // closed is final, and kept as it was
            as(People.admin(tenant)).post("/programs/" + id + "/start").then().statusCode(409);
            as(People.admin(tenant)).body(program("Graduates", "OPEN")).put("/programs/" + id).then().statusCode(409);

            var seen = events.settled(r -> id.equals(r.key()), 5);
            assertThat(seen).extracting(r -> type(r.value())).containsExactly("program.created", "program.updated",
                    "program.enrolment-opened", "program.started", "program.closed");
            assertThat(seen.get(4).value()).contains("\"state\":\"CLOSED\"").contains("\"joining\":\"OPEN\"")
                    .contains("\"tenant\":\"" + tenant + "\"").doesNotContain("Graduates").doesNotContain("next leaders");
        }
    }

    private static String type(String cloudEvent) {
        int at = cloudEvent.indexOf("\"type\":\"") + 8;
        return cloudEvent.substring(at, cloudEvent.indexOf('"', at));
    }

    @Test
    void badDescriptionsAreRefusedNamingTheField() {
        String tenant = People.newTenant();
        as(People.admin(tenant)).body("{\"joining\":\"OPEN\"}").post("/programs").then().statusCode(400)
                .body("errors.field", hasItem(equalTo("name")));
        as(People.admin(tenant)).body("{\"name\":\"X\",\"joining\":\"SOMETIMES\"}").post("/programs").then().statusCode(400);
        as(People.admin(tenant)).body("{\"name\":\"X\",\"joining\":\"OPEN\",\"startsOn\":\"2027-05-01\",\"endsOn\":\"2027-01-01\"}")
                .post("/programs").then().statusCode(422).body("errors[0].field", equalTo("endsOn"));
        as(People.admin(tenant)).body("{\"name\":\"X\",\"joining\":\"OPEN\",\"maxActiveMentors\":11}").post("/programs").then()
                .statusCode(400).body("errors[0].field", equalTo("maxActiveMentors"));
        as(People.admin(tenant)).get("/programs?state=SOON").then().statusCode(400).body("errors[0].field", equalTo("state"));
        as(People.admin(tenant)).body("{\"name\":\"X\",\"joining\":\"OPEN\",\"startsOn\":\"3000-01-01\"}").post("/programs").then()
                .statusCode(422).body("errors[0].field", equalTo("startsOn"));
        // nothing was written
        as(People.admin(tenant)).get("/programs").then().statusCode(200).body("items.general", equalTo(List.of(true)));
    }

    @Test
    void tenantWideAdminsAProgramsOwnAdminsAndPeopleEachDoWhatIsTheirs() {
        String tenant = People.newTenant();
        People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        String hidden = create(tenant, program("HR only", "HR_ENROLS"));
        String open = create(tenant, program("Open circle", "OPEN"));
        as(People.admin(tenant)).post("/programs/" + open + "/enrolment-opening").then().statusCode(200);

        // a person creates nothing; sees the general program and the open one, not an HR-only draft
        as(mentee(tenant, "E-1")).body(program("Mine", "OPEN")).post("/programs").then().statusCode(403);
        as(mentee(tenant, "E-1")).get("/programs").then().statusCode(200)
                .body("items.id", not(hasItem(hidden))).body("items.id", hasItem(open)).body("items.size()", equalTo(2));
        as(mentee(tenant, "E-1")).get("/programs/" + hidden).then().statusCode(404);
        // seeing a program is not running it
        as(mentee(tenant, "E-1")).post("/programs/" + open + "/start").then().statusCode(403);
        as(mentee(tenant, "E-1")).get("/programs/" + open + "/enrolments").then().statusCode(403);
        // another tenant's admin finds nothing
        String stranger = People.admin(People.newTenant());
        as(stranger).get("/programs/" + open).then().statusCode(404);
        as(stranger).post("/programs/" + open + "/closure").then().statusCode(404);

        // the mentor M-1 is made an admin of the HR-only program: they run it, and only it
        TopicReader adminEvents = new TopicReader(PROGRAMS);
        as(People.admin(tenant)).put("/programs/" + hidden + "/admins/M-1").then().statusCode(201).body("employeeIds", equalTo(List.of("M-1")));
        as(People.admin(tenant)).put("/programs/" + hidden + "/admins/M-1").then().statusCode(200);
        as(mentor(tenant, "M-1")).get("/programs/" + hidden).then().statusCode(200).body("youRun", equalTo(true))
                .body("admins", equalTo(List.of("M-1")));
        as(mentor(tenant, "M-1")).post("/programs/" + hidden + "/enrolment-opening").then().statusCode(200);
        as(mentor(tenant, "M-1")).body("{\"enrolments\":[{\"employeeId\":\"E-1\",\"role\":\"MENTEE\"}]}")
                .post("/programs/" + hidden + "/enrolments").then().statusCode(200).body("enrolled", equalTo(1));
        as(mentor(tenant, "M-1")).post("/programs/" + open + "/start").then().statusCode(403);
        as(mentor(tenant, "M-1")).put("/programs/" + hidden + "/admins/E-1").then().statusCode(403);
        // the general program is everyone's: no moves, admins or enrolments of its own
        String general = as(mentee(tenant, "E-1")).get("/programs").then().extract().path("items.find { it.general }.id");
        as(People.admin(tenant)).post("/programs/" + general + "/closure").then().statusCode(409);
        as(People.admin(tenant)).put("/programs/" + general + "/admins/M-1").then().statusCode(409);
        // taken off, they run it no more
        as(People.admin(tenant)).delete("/programs/" + hidden + "/admins/M-1").then().statusCode(204);
        as(People.admin(tenant)).delete("/programs/" + hidden + "/admins/M-1").then().statusCode(404);
        as(mentor(tenant, "M-1")).get("/programs/" + hidden + "/enrolments").then().statusCode(404);
        // a leaver runs no program any more
        as(People.admin(tenant)).put("/programs/" + hidden + "/admins/M-1").then().statusCode(201);
        as(People.hr(tenant)).post("/participants/by-employee-id/M-1/deactivation").then().statusCode(200);
        as(People.admin(tenant)).get("/programs/" + hidden + "/admins").then().statusCode(200).body("employeeIds", equalTo(List.of()));
        // each change of who runs it is published, once (assigning again changes nothing), the leaver's too
        try (adminEvents) {
            var seen = adminEvents.settled(r -> hidden.equals(r.key()) && r.value().contains("\"type\":\"program.admin-"), 4);
            assertThat(seen).extracting(r -> type(r.value())).containsExactly("program.admin-assigned", "program.admin-unassigned",
                    "program.admin-assigned", "program.admin-unassigned");
            assertThat(seen).allSatisfy(r -> assertThat(r.value()).contains("\"employeeId\":\"M-1\"").contains("\"programId\":\"" + hidden + "\"")
                    .doesNotContain("Maria"));
        }
    }

    @Test
    void aProgramsOwnMatchingSettingsWeighItsMatchesKeepPairsApartAndFillItsAgreements() {
        String tenant = People.newTenant();
        String near = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[]", "[]", 3));
        String away = People.provision(tenant, "M-2", People.mentorJson("Ole", "Europe/London", "[]", "[]", 3));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        String id = create(tenant, program("Close by", "HR_ENROLS"));
        as(People.admin(tenant)).post("/programs/" + id + "/enrolment-opening").then().statusCode(200);
        enrol(tenant, id, "M-1", "MENTOR", "M-2", "MENTOR", "E-1", "MENTEE");
        as(People.admin(tenant)).post("/programs/" + id + "/start").then().statusCode(200);
        String settings = "/programs/" + id + "/matching-settings";
        // none of its own: the tenant's weights, the mentee's own limit (London is an hour from Copenhagen, within their 3)
        as(mentee(tenant, "E-1")).get(settings).then().statusCode(200).header("ETag", equalTo("\"0\"")).body("weights", nullValue());
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations?programId=" + id).then().statusCode(200)
                .body("recommendations.mentor.id", containsInAnyOrder(near, away)).body("weights.SKILLS", equalTo(30));

        // refused, each fault named; people of the program read the settings but do not set them
        as(People.admin(tenant)).body("{\"weights\":{\"SKILLS\":101},\"maxHoursApart\":15}").put(settings).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("weights", "maxHoursApart"));
        as(People.admin(tenant)).body("{\"defaultAgreement\":{\"sessionMinutes\":10}}").put(settings).then().statusCode(400)
                .body("errors[0].field", equalTo("defaultAgreement.sessionMinutes"));
        as(mentee(tenant, "E-1")).body("{\"maxHoursApart\":0}").put(settings).then().statusCode(403);
        as(People.admin(People.newTenant())).get(settings).then().statusCode(404);
        String general = as(mentee(tenant, "E-1")).get("/programs").then().extract().path("items.find { it.general }.id");
        as(People.admin(tenant)).body("{\"maxHoursApart\":0}").put("/programs/" + general + "/matching-settings").then().statusCode(409);

        // the program's own: only the time zone counts, nobody an hour apart, and a default agreement
        as(People.admin(tenant)).header("If-Match", "\"0\"").body("""
                {"weights":{"TIME_ZONE":100},"maxHoursApart":0,
                 "defaultAgreement":{"cadence":"EVERY_TWO_WEEKS","sessionMinutes":45,"groundRules":"  Cameras on  "}}""")
                .put(settings).then().statusCode(200).header("ETag", equalTo("\"1\"")).body("maxHoursApart", equalTo(0))
                .body("defaultAgreement.groundRules", equalTo("Cameras on"));
        as(People.admin(tenant)).header("If-Match", "\"0\"").body("{}").put(settings).then().statusCode(412);
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations?programId=" + id + "&includeExcluded=true").then().statusCode(200)
                .body("weights.TIME_ZONE", equalTo(100)).body("weights.SKILLS", equalTo(0))
                .body("recommendations.mentor.id", equalTo(List.of(near))).body("recommendations[0].score", equalTo(100.0f))
                .body("excluded.find { it.mentorId == '" + away + "' }.rule", equalTo("TIME_ZONES_TOO_FAR_APART"));
        // a cohort run of the program weighs as the program does
        as(People.admin(tenant)).body("{\"objective\":\"max-score\",\"programId\":\"" + id + "\",\"minimumScore\":0}")
                .post("/matching-runs").then().statusCode(201).body("assignments.mentorId", equalTo(List.of(near)))
                .body("assignments[0].score", equalTo(100.0f));
        // outside the program, the mentee's own limit still
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations").then().statusCode(200)
                .body("recommendations.mentor.id", containsInAnyOrder(near, away));

        // an agreement of the program starts from its defaults where the pair writes nothing
        String partnership = as(mentee(tenant, "E-1")).body("{\"mentorId\":\"" + near + "\",\"programId\":\"" + id + "\"}")
                .post("/mentorship-requests").then().statusCode(201).extract().path("id");
        as(mentor(tenant, "M-1")).post("/mentorship-requests/" + partnership + "/acceptance").then().statusCode(200);
        String goal = "{\"statement\":\"Lead a team of three\",\"measure\":\"team size led\",\"target\":\"3 people\","
                + "\"why\":\"It matters for my next role\",\"dueDate\":\"" + java.time.LocalDate.now().plusMonths(4) + "\"}";
        as(mentee(tenant, "E-1")).body("{\"goals\":[" + goal + "],\"meetingMode\":\"VIDEO\"}").put("/partnerships/" + partnership + "/agreement")
                .then().statusCode(201).body("latest.cadence", equalTo("EVERY_TWO_WEEKS")).body("latest.sessionMinutes", equalTo(45))
                .body("latest.groundRules", equalTo("Cameras on"))
                .body("latest.confidentiality", org.hamcrest.Matchers.containsString("stays between"));
        // a partnership of a program without defaults gets the platform's: monthly, for an hour
        String other = People.provision(tenant, "M-3", People.mentorJson("Kim", "Europe/Copenhagen", "[]", "[]", 3));
        String asked = as(mentee(tenant, "E-1")).body("{\"mentorId\":\"" + other + "\"}").post("/mentorship-requests").then().statusCode(201)
                .extract().path("id");
        as(mentor(tenant, "M-3")).post("/mentorship-requests/" + asked + "/acceptance").then().statusCode(200);
        as(mentee(tenant, "E-1")).body("{\"goals\":[" + goal + "],\"meetingMode\":\"VIDEO\"}").put("/partnerships/" + asked + "/agreement")
                .then().statusCode(201).body("latest.cadence", equalTo("MONTHLY")).body("latest.sessionMinutes", equalTo(60))
                .body("latest.groundRules", nullValue());
    }

    @Test
    void theGeneralProgramIsAnnouncedOnceLikeEveryProgram() throws Throwable {
        String tenant = People.newTenant();
        try (TopicReader events = new TopicReader(PROGRAMS)) {
            People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
            // made the first time it is needed, announced by the job (whichever instance runs it first)
            String general = as(mentee(tenant, "E-1")).get("/programs").then().statusCode(200).extract().path("items.find { it.general }.id");
            VertxContextSupport.subscribeAndAwait(() -> generalPrograms.announce());
            VertxContextSupport.subscribeAndAwait(() -> generalPrograms.announce());
            var seen = events.settled(r -> general.equals(r.key()), 1);
            assertThat(seen).singleElement().satisfies(r -> assertThat(r.value()).contains("\"type\":\"program.created\"")
                    .contains("\"general\":true").contains("\"state\":\"RUNNING\"").contains("\"tenant\":\"" + tenant + "\""));
        }
    }

    @Test
    void hrEnrolsInBulkIdempotentlyAndPeopleApplyOrJoin() {
        String tenant = People.newTenant();
        People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        People.provision(tenant, "E-2", People.menteeJson("Bo", "X-1", "lead", "[]"));
        String id = create(tenant, program("Leaders", "APPLY"));
        String bulk = "{\"enrolments\":[{\"employeeId\":\"M-1\",\"role\":\"MENTOR\"},{\"employeeId\":\"E-1\",\"role\":\"MENTEE\"},"
                + "{\"employeeId\":\"E-1\",\"role\":\"MENTOR\"},{\"employeeId\":\"NOBODY\",\"role\":\"MENTEE\"},"
                + "{\"employeeId\":\"M-1\",\"role\":\"MENTOR\"}]}";
        // a draft takes nobody
        as(People.hr(tenant)).body(bulk).post("/programs/" + id + "/enrolments").then().statusCode(409);
        as(People.admin(tenant)).post("/programs/" + id + "/enrolment-opening").then().statusCode(200);
        try (TopicReader events = new TopicReader(PROGRAMS)) {
            as(People.hr(tenant)).body(bulk).post("/programs/" + id + "/enrolments").then().statusCode(200)
                    .body("enrolled", equalTo(2))
                    .body("results.result", equalTo(List.of("ENROLLED", "ENROLLED", "NOT_A_MENTOR", "NOT_FOUND")));
            // the same again changes nothing
            as(People.hr(tenant)).body(bulk).post("/programs/" + id + "/enrolments").then().statusCode(200)
                    .body("enrolled", equalTo(0))
                    .body("results.result", equalTo(List.of("ALREADY_ENROLLED", "ALREADY_ENROLLED", "NOT_A_MENTOR", "NOT_FOUND")));
            // E-2 applies and waits; an admin approves
            String application = as(mentee(tenant, "E-2")).body("{\"role\":\"MENTEE\"}").post("/programs/" + id + "/enrolments/me")
                    .then().statusCode(200).body("state", equalTo("APPLIED")).extract().path("id");
            as(mentee(tenant, "E-2")).body("{\"role\":\"MENTEE\"}").post("/programs/" + id + "/enrolments/me")
                    .then().statusCode(200).body("id", equalTo(application)).body("state", equalTo("APPLIED"));
            as(mentee(tenant, "E-2")).body("{\"role\":\"MENTOR\"}").post("/programs/" + id + "/enrolments/me").then().statusCode(422)
                    .body("errors[0].field", equalTo("role"));
            as(mentee(tenant, "E-2")).get("/programs/" + id).then().statusCode(200)
                    .body("myEnrolments[0].state", equalTo("APPLIED")).body("admins", nullValue());
            as(People.admin(tenant)).post("/programs/" + id + "/enrolments/" + application + "/approval").then().statusCode(200)
                    .body("state", equalTo("ENROLLED")).body("employeeId", equalTo("E-2"));
            as(People.admin(tenant)).post("/programs/" + id + "/enrolments/" + application + "/decline").then().statusCode(409);
            var published = events.settled(r -> id.equals(r.key()), 4);
            assertThat(published).extracting(r -> type(r.value()))
                    .containsExactly("enrolment.enrolled", "enrolment.enrolled", "enrolment.applied", "enrolment.enrolled");
            assertThat(published.get(3).value()).contains("\"by\":\"HR\"").doesNotContain("Bo");
            assertThat(published.get(2).value()).contains("\"by\":\"PERSON\"");
        }
        as(People.admin(tenant)).get("/programs/" + id + "/enrolments?role=MENTEE").then().statusCode(200)
                .body("items.employeeId", containsInAnyOrder("E-1", "E-2"));
        as(People.admin(tenant)).get("/programs/" + id + "/enrolments?role=BOSS").then().statusCode(400);
        // an HR-only program takes no applications; an open one takes joiners at once
        String hrOnly = create(tenant, program("HR picks", "HR_ENROLS"));
        as(People.admin(tenant)).post("/programs/" + hrOnly + "/enrolment-opening").then().statusCode(200);
        as(People.admin(tenant)).put("/programs/" + hrOnly + "/admins/E-2").then().statusCode(201);
        as(mentee(tenant, "E-1")).body("{\"role\":\"MENTEE\"}").post("/programs/" + hrOnly + "/enrolments/me").then().statusCode(404);
        as(mentee(tenant, "E-2")).body("{\"role\":\"MENTEE\"}").post("/programs/" + hrOnly + "/enrolments/me").then().statusCode(409);
        String open = create(tenant, program("Open", "OPEN"));
        as(People.admin(tenant)).post("/programs/" + open + "/start").then().statusCode(200);
        as(mentee(tenant, "E-1")).body("{\"role\":\"MENTEE\"}").post("/programs/" + open + "/enrolments/me").then().statusCode(200)
                .body("state", equalTo("ENROLLED"));
        // and leaves it again
        as(mentee(tenant, "E-1")).delete("/programs/" + open + "/enrolments/me?role=MENTEE").then().statusCode(200)
                .body("state", equalTo("LEFT"));
        as(mentee(tenant, "E-1")).delete("/programs/" + open + "/enrolments/me?role=MENTEE").then().statusCode(404);
    }

    @Test
    void requestsRecommendationsAndRunsStayInTheirProgramAndClosingItEndsWhatRuns() {
        String tenant = People.newTenant();
        String inside = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[{\"name\":\"java\",\"level\":4}]", "[]", 3));
        String outside = People.provision(tenant, "M-2", People.mentorJson("Ole", "Europe/Copenhagen", "[{\"name\":\"java\",\"level\":4}]", "[]", 3));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        People.provision(tenant, "E-2", People.menteeJson("Bo", "X-1", "lead", "[]"));
        People.provision(tenant, "E-3", People.menteeJson("Cai", "X-1", "lead", "[]"));
        String id = create(tenant, program("Leaders", "HR_ENROLS").replace("\"endsOn\":\"2027-12-31\"",
                "\"endsOn\":\"2027-12-31\",\"maxOpenRequests\":1"));
        as(People.admin(tenant)).post("/programs/" + id + "/enrolment-opening").then().statusCode(200);
        enrol(tenant, id, "M-1", "MENTOR", "E-1", "MENTEE", "E-2", "MENTEE");
        String ask = "{\"mentorId\":\"%s\",\"programId\":\"" + id + "\"}";
        // not running yet
        as(mentee(tenant, "E-1")).body(ask.formatted(inside)).post("/mentorship-requests").then().statusCode(409);
        as(People.admin(tenant)).post("/programs/" + id + "/start").then().statusCode(200);
        // only the program's mentors, only for its mentees
        as(mentee(tenant, "E-1")).body(ask.formatted(outside)).post("/mentorship-requests").then().statusCode(422)
                .body("errors[0].field", equalTo("mentorId"));
        as(mentee(tenant, "E-3")).body(ask.formatted(inside)).post("/mentorship-requests").then().statusCode(422)
                .body("errors[0].field", equalTo("programId"));
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations?programId=" + id).then().statusCode(200)
                .body("recommendations.mentor.id", equalTo(List.of(inside)));
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations").then().statusCode(200)
                .body("recommendations.mentor.id", containsInAnyOrder(inside, outside));
        as(mentee(tenant, "E-3")).get("/participants/me/recommendations?programId=" + id).then().statusCode(422);
        as(mentee(tenant, "E-3")).get("/participants/me/recommendations?programId=nope").then().statusCode(400);

        String partnership = as(mentee(tenant, "E-1")).body(ask.formatted(inside)).post("/mentorship-requests").then().statusCode(201)
                .body("programId", equalTo(id)).extract().path("id");
        // the program allows one open request per mentee
        as(mentee(tenant, "E-1")).body(ask.formatted(inside).replace("}", ",\"message\":\"again\"}")).post("/mentorship-requests")
                .then().statusCode(409);
        as(mentor(tenant, "M-1")).post("/mentorship-requests/" + partnership + "/acceptance").then().statusCode(200)
                .body("programId", equalTo(id));
        // a cohort run of the program matches its people only: E-2 with M-1
        as(People.admin(tenant)).body("{\"objective\":\"max-score\",\"programId\":\"" + id + "\",\"minimumScore\":0}")
                .post("/matching-runs").then().statusCode(201).body("programId", equalTo(id))
                .body("figures.cohortMentees", equalTo(1)).body("assignments.mentorId", equalTo(List.of(inside)));
        String open = as(mentee(tenant, "E-2")).body(ask.formatted(inside)).post("/mentorship-requests").then().statusCode(201)
                .extract().path("id");
        // a person with a running partnership in it does not leave it
        String e1Enrolment = as(People.admin(tenant)).get("/programs/" + id + "/enrolments?role=MENTEE").then().extract()
                .path("items.find { it.employeeId == 'E-1' }.id");
        as(People.admin(tenant)).delete("/programs/" + id + "/enrolments/" + e1Enrolment).then().statusCode(409);
        // outside the program, requests go on in the general program
        String general = as(mentee(tenant, "E-3")).body("{\"mentorId\":\"" + outside + "\"}").post("/mentorship-requests").then()
                .statusCode(201).extract().path("programId");
        assertThat(general).isNotEqualTo(id);

        try (TopicReader events = new TopicReader(PARTNERSHIPS)) {
            as(People.admin(tenant)).post("/programs/" + id + "/closure").then().statusCode(200);
            var ended = events.settled(r -> partnership.equals(r.key()) && r.value().contains("partnership.ended"), 1);
            assertThat(ended).singleElement().satisfies(r -> assertThat(r.value()).contains("\"PROGRAM_ENDED\"")
                    .contains("\"programId\":\"" + id + "\""));
            var withdrawn = events.settled(r -> open.equals(r.key()) && r.value().contains("mentorship.withdrawn"), 1);
            assertThat(withdrawn).singleElement().satisfies(r -> assertThat(r.value()).contains("\"PROGRAM_ENDED\""));
        }
        as(mentee(tenant, "E-1")).get("/partnerships/" + partnership).then().statusCode(200).body("state", equalTo("ENDED_EARLY"))
                .body("endReason", equalTo("PROGRAM_ENDED"));
        as(mentee(tenant, "E-2")).get("/mentorship-requests/" + open).then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        // the general program's request goes on
        as(mentee(tenant, "E-3")).get("/programs/" + general).then().statusCode(200).body("general", equalTo(true));
    }

    @Test
    void aLeaverLeavesEveryProgramAndAClosingWaitsForRequestsUnderWay() throws Exception {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 10));
        String id = create(tenant, program("Leaders", "OPEN"));
        as(People.admin(tenant)).post("/programs/" + id + "/start").then().statusCode(200);
        StringBuilder people = new StringBuilder("M-1,MENTOR");
        for (int i = 0; i < 8; i++) {
            People.provision(tenant, "E-" + i, People.menteeJson("Mentee " + i, "X-1", "lead", "[]"));
            people.append(",E-").append(i).append(",MENTEE");
        }
        enrol(tenant, id, people.toString().split(","));
        try (TopicReader events = new TopicReader(PROGRAMS)) {
            as(People.hr(tenant)).post("/participants/by-employee-id/E-0/deactivation").then().statusCode(200);
            var left = events.settled(r -> id.equals(r.key()) && r.value().contains("enrolment.left"), 1);
            assertThat(left).singleElement().satisfies(r -> assertThat(r.value()).contains("\"by\":\"PLATFORM\""));
        }
        // seven mentees ask while the program closes: whatever got in before the closing is withdrawn by it, nothing after it
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> asks = new java.util.ArrayList<>();
            for (int i = 1; i < 8; i++) {
                String employee = "E-" + i;
                asks.add(CompletableFuture.supplyAsync(() -> as(mentee(tenant, employee))
                        .body("{\"mentorId\":\"" + mentorId + "\",\"programId\":\"" + id + "\"}").post("/mentorship-requests")
                        .statusCode(), pool));
            }
            CompletableFuture<Integer> closing = CompletableFuture.supplyAsync(
                    () -> as(People.admin(tenant)).post("/programs/" + id + "/closure").statusCode(), pool);
            assertThat(closing.get()).isEqualTo(200);
            for (var a : asks) {
                assertThat(a.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdown();
        }
        as(mentor(tenant, "M-1")).get("/mentorship-requests?state=OPEN").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theDirectoryShowsAProgramsMentorsToItsMenteesWithTheirScoreAndNothingPrivate() {
        String tenant = People.newTenant();
        String java = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[{\"name\":\"java\",\"level\":5}]",
                "[\"platforms\"]", 2).replace("\"acceptingMentees\":true", "\"acceptingMentees\":true,\"bio\":\"Distributed systems for twenty years\""));
        String full = People.provision(tenant, "M-2", People.mentorJson("Ole", "Asia/Tokyo", "[{\"name\":\"sql\",\"level\":4}]", "[]", 0));
        String outside = People.provision(tenant, "M-3", People.mentorJson("Zed", "Europe/Copenhagen", "[{\"name\":\"java\",\"level\":5}]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[{\"name\":\"java\",\"level\":4}]"));
        People.provision(tenant, "E-2", People.menteeJson("Bo", "X-1", "lead", "[]"));
        String id = running(tenant, "Engineers", "HR_ENROLS");
        enrol(tenant, id, "M-1", "MENTOR", "M-2", "MENTOR", "E-1", "MENTEE");
        String directory = "/programs/" + id + "/mentors";

        var all = as(mentee(tenant, "E-1")).get(directory).then().statusCode(200).extract();
        assertThat(all.jsonPath().getList("items.mentor.id")).containsExactlyInAnyOrder(java, full);
        assertThat(all.asString()).doesNotContain("managerEmployeeId").doesNotContain("goals").doesNotContain("capacity")
                .doesNotContain("preferred");
        // Maria is eligible and scored; Ole has no place and is kept apart by that rule
        as(mentee(tenant, "E-1")).get(directory).then().body("items[0].mentor.id", equalTo(java))
                .body("items[0].score", notNullValue()).body("items[0].placesLeft", equalTo(2))
                .body("items[0].mentor.bio", equalTo("Distributed systems for twenty years"))
                .body("items[1].excludedBecause", notNullValue()).body("items[1].score", nullValue());
        as(mentee(tenant, "E-1")).get(directory + "?skill=JAVA").then().body("items.mentor.id", equalTo(List.of(java)));
        as(mentee(tenant, "E-1")).get(directory + "?q=distributed").then().body("items.mentor.id", equalTo(List.of(java)));
        as(mentee(tenant, "E-1")).get(directory + "?q=platforms").then().body("items.mentor.id", equalTo(List.of(java)));
        as(mentee(tenant, "E-1")).get(directory + "?hasPlaces=true").then().body("items.mentor.id", equalTo(List.of(java)));
        as(mentee(tenant, "E-1")).get(directory + "?maxHoursApart=3").then().body("items.mentor.id", equalTo(List.of(java)));
        as(mentee(tenant, "E-1")).get(directory + "?style=COACHING&language=da&industry=software").then()
                .body("items.size()", equalTo(2));
        // paged
        String next = as(mentee(tenant, "E-1")).get(directory + "?limit=1").then().body("items.size()", equalTo(1))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(mentee(tenant, "E-1")).get(directory + "?limit=1&cursor=" + next).then().body("items.mentor.id", equalTo(List.of(full)))
                .body("nextCursor", nullValue());
        // the card explains the score; a mentor outside the program is not in its directory
        as(mentee(tenant, "E-1")).get(directory + "/" + java).then().statusCode(200).body("explanation.size()", equalTo(7));
        as(mentee(tenant, "E-1")).get(directory + "/" + outside).then().statusCode(404);
        // its admins see the cards by name, without scores; a mentee outside it sees nothing
        as(People.admin(tenant)).get(directory).then().statusCode(200).body("items.mentor.displayName", equalTo(List.of("Maria", "Ole")))
                .body("items[0].score", nullValue());
        as(mentee(tenant, "E-2")).get(directory).then().statusCode(404);
        as(mentor(tenant, "M-1")).get(directory).then().statusCode(403);
        as(People.admin(People.newTenant())).get(directory).then().statusCode(404);
        // bad filters are named
        as(mentee(tenant, "E-1")).get(directory + "?style=BOSSY").then().statusCode(400).body("errors[0].field", equalTo("style"));
        as(mentee(tenant, "E-1")).get(directory + "?maxHoursApart=13").then().statusCode(400);
        as(mentee(tenant, "E-1")).get(directory + "?q=a").then().statusCode(400);
        as(mentee(tenant, "E-1")).get(directory + "?maxHoursApart=soon").then().statusCode(400).body("errors[0].field", equalTo("maxHoursApart"));
        as(mentee(tenant, "E-1")).get(directory + "?hasPlaces=yes").then().statusCode(400).body("errors[0].field", equalTo("hasPlaces"));
        // the general program's directory is every mentor of the tenant, for every mentee
        String general = as(mentee(tenant, "E-2")).get("/programs").then().extract().path("items.find { it.general }.id");
        assertThat(as(mentee(tenant, "E-2")).get("/programs/" + general + "/mentors").then().statusCode(200).extract().jsonPath()
                .getList("items.mentor.id")).containsExactlyInAnyOrder(java, full, outside);
    }

    @Test
    void theIntakeIsTheirsToWriteFeedsMatchingInTheProgramAndGoesWithThem() {
        String tenant = People.newTenant();
        String javaMentor = People.provision(tenant, "M-1", People.mentorJson("Maria", "Europe/Copenhagen", "[{\"name\":\"java\",\"level\":5}]", "[]", 3));
        String kotlinMentor = People.provision(tenant, "M-2", People.mentorJson("Ole", "Europe/Copenhagen", "[{\"name\":\"kotlin\",\"level\":5}]",
                "[\"mobile apps\"]", 3));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X-1", "lead", "[]"));
        People.provision(tenant, "E-2", People.menteeJson("Bo", "X-1", "lead", "[]"));
        People.provision(tenant, "E-3", People.menteeJson("Cai", "X-1", "lead", "[]"));
        String id = running(tenant, "Mobile", "OPEN");
        as(People.hr(tenant)).body("{\"enrolments\":[{\"employeeId\":\"M-1\",\"role\":\"MENTOR\"},{\"employeeId\":\"M-2\",\"role\":\"MENTOR\"},"
                + "{\"employeeId\":\"E-1\",\"role\":\"MENTEE\"},{\"employeeId\":\"E-2\",\"role\":\"MENTEE\"},{\"employeeId\":\"E-3\",\"role\":\"MENTEE\"}]}")
                .post("/programs/" + id + "/enrolments").then().statusCode(200).body("enrolled", equalTo(5));
        String mine = as(mentee(tenant, "E-1")).get("/programs/" + id).then().extract().path("myEnrolments[0].id");
        String mentorEnrolment = as(mentor(tenant, "M-2")).get("/programs/" + id).then().extract().path("myEnrolments[0].id");
        String intake = "/programs/" + id + "/enrolments/" + mine + "/intake";
        float before = as(mentee(tenant, "E-1")).get("/participants/me/recommendations?programId=" + id).then().statusCode(200).extract()
                .path("recommendations.find { it.mentor.id == '" + kotlinMentor + "' }.score");

        String due = java.time.LocalDate.now().plusMonths(6).toString();
        String goal = "{\"statement\":\"Ship a mobile app\",\"measure\":\"apps in the store\",\"target\":\"1\",\"why\":\"My team moves to mobile\",\"dueDate\":\"" + due + "\"}";
        as(mentee(tenant, "E-1")).body("{\"strengths\":[\"Java\"],\"areasToDevelop\":[\"kotlin\"],\"hopes\":\"Confidence in a new stack\","
                + "\"goals\":[" + goal + "],\"preferredFrequency\":\"EVERY_TWO_WEEKS\",\"preferredMode\":\"VIDEO\"}").put(intake)
                .then().statusCode(200).body("areasToDevelop", equalTo(List.of("kotlin"))).body("strengths", equalTo(List.of("java")))
                .body("goals[0].statement", equalTo("Ship a mobile app")).body("role", equalTo("MENTEE"));
        // SMART-checked, and only the enrolment's own side
        as(mentee(tenant, "E-1")).body("{\"goals\":[" + goal.replace("\"measure\":\"apps in the store\",", "") + "]}").put(intake)
                .then().statusCode(422).body("errors[0].field", equalTo("goals[0].measure"));
        as(mentee(tenant, "E-1")).body("{\"capacity\":2}").put(intake).then().statusCode(422).body("errors[0].field", equalTo("capacity"));
        as(mentor(tenant, "M-2")).body("{\"hopes\":\"x\"}").put("/programs/" + id + "/enrolments/" + mentorEnrolment + "/intake")
                .then().statusCode(422).body("errors[0].field", equalTo("mentee"));
        // theirs and the admins' to read, nobody else's to read or write
        as(mentee(tenant, "E-1")).get(intake).then().statusCode(200).body("hopes", equalTo("Confidence in a new stack"));
        as(People.admin(tenant)).get(intake).then().statusCode(200).body("preferredMode", equalTo("VIDEO"));
        as(People.hr(tenant)).get(intake).then().statusCode(200);
        as(People.hr(tenant)).get("/programs/" + id + "/mentors").then().statusCode(200).body("items.size()", equalTo(2));
        as(mentee(tenant, "E-2")).get(intake).then().statusCode(403);
        as(mentee(tenant, "E-2")).body("{\"hopes\":\"mine now\"}").put(intake).then().statusCode(404);
        as(People.admin(People.newTenant())).get(intake).then().statusCode(404);

        // the areas to develop join the desired skills in this program: the kotlin mentor scores higher than before
        float after = as(mentee(tenant, "E-1")).get("/participants/me/recommendations?programId=" + id).then().statusCode(200).extract()
                .path("recommendations.find { it.mentor.id == '" + kotlinMentor + "' }.score");
        assertThat(after).isGreaterThan(before);
        as(mentee(tenant, "E-1")).get("/programs/" + id + "/mentors").then().body("items[0].mentor.id", equalTo(kotlinMentor));

        // a mentor's places in the program cap what they accept in it
        as(mentor(tenant, "M-1")).body("{\"offers\":[\"code review\"],\"capacity\":1}")
                .put("/programs/" + id + "/enrolments/" + as(mentor(tenant, "M-1")).get("/programs/" + id).then().extract()
                        .path("myEnrolments[0].id") + "/intake").then().statusCode(200).body("capacity", equalTo(1));
        String first = as(mentee(tenant, "E-2")).body("{\"mentorId\":\"" + javaMentor + "\",\"programId\":\"" + id + "\"}")
                .post("/mentorship-requests").then().statusCode(201).extract().path("id");
        String second = as(mentee(tenant, "E-3")).body("{\"mentorId\":\"" + javaMentor + "\",\"programId\":\"" + id + "\"}")
                .post("/mentorship-requests").then().statusCode(201).extract().path("id");
        // with two requests open against one place, the directory shows none left
        as(mentee(tenant, "E-1")).get("/programs/" + id + "/mentors/" + javaMentor).then().body("placesLeft", equalTo(0));
        as(mentor(tenant, "M-1")).post("/mentorship-requests/" + first + "/acceptance").then().statusCode(200);
        as(mentor(tenant, "M-1")).post("/mentorship-requests/" + second + "/acceptance").then().statusCode(409);
        // and a mentor without a place left is not recommended in the program
        as(mentee(tenant, "E-1")).get("/participants/me/recommendations?programId=" + id).then().statusCode(200)
                .body("recommendations.mentor.id", not(hasItem(javaMentor)));

        // erased with the person
        as(People.hr(tenant)).delete("/participants/by-employee-id/E-1").then().statusCode(204);
        as(People.admin(tenant)).get(intake).then().statusCode(404);
    }
}
