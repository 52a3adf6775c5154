package dev.mentoring.feedback.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Programs as feedback-service learns them from matching-service's program events: a program's admins (assigned by
 * employee id) read its concerns, its partnerships' health and its analytics, and nothing of another program; a program
 * may have its own evaluation interval and health thresholds; the funnel per program, suppressed together with the
 * tenant's so that no hidden figure follows from the others; partnerships from before programs join the general one.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProgramsTest {

    @Inject
    Pool pool;

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String person(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentee").bearer();
    }

    private static String admin(String tenant) {
        return TestTokens.person(tenant, "ADMIN-1", "program-admin").bearer();
    }

    private static UUID raise(Fixtures.Pair pair, String category) {
        return UUID.fromString(given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"text\":\"We do not get on\"}")
                .post("/partnerships/" + pair.id() + "/concerns").then().statusCode(201).extract().path("id"));
    }

    @Test
    void aProgramsAdminsReadItsConcernsHealthAndAnalyticsAndNothingOfAnotherProgram() {
        String tenant = tenant();
        UUID graduates = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "DRAFT", false);
        UUID leaders = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "DRAFT", false);
        Fixtures.program(pool, tenant, "program.started", graduates, "RUNNING", false);
        Fixtures.participant(pool, tenant, "LEAD-1"); // a person of the tenant, with a profile
        Fixtures.programAdmin(pool, tenant, graduates, "LEAD-1", true);
        String lead = person(tenant, "LEAD-1");
        Fixtures.Pair ours = Fixtures.startedInProgram(pool, tenant, graduates);
        Fixtures.Pair theirs = Fixtures.startedInProgram(pool, tenant, leaders);
        UUID ourConcern = raise(ours, "PERSONALITY_CLASH");
        UUID theirConcern = raise(theirs, "BREACH_OF_CONFIDENTIALITY");

        // the lead sees their program's concern, with its text, and not the other program's
        given().header("Authorization", lead).get("/concerns").then().statusCode(200)
                .body("items.id", contains(ourConcern.toString())).body("items[0].text", equalTo("We do not get on"));
        given().header("Authorization", lead).get("/concerns/" + theirConcern).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", lead).contentType(ContentType.JSON).body("{\"outcome\":\"TALKED_TO_BOTH\"}")
                .post("/concerns/" + theirConcern + "/closure").then().statusCode(404);
        // the tenant-wide role sees both
        given().header("Authorization", admin(tenant)).get("/concerns").then().statusCode(200).body("items", hasSize(2));

        // health: the admins' view of their program's partnerships (the confidential pitfall in it), 404 for the other's
        given().header("Authorization", lead).get("/partnerships/" + ours.id() + "/health").then().statusCode(200)
                .body("pitfalls.pitfall", hasItem("PERSONALITY_CLASH"));
        given().header("Authorization", lead).get("/partnerships/" + theirs.id() + "/health").then().statusCode(404);
        given().header("Authorization", lead).get("/health?programId=" + graduates).then().statusCode(200)
                .body("items.partnershipId", contains(ours.id().toString()));
        given().header("Authorization", lead).get("/health?programId=" + leaders).then().statusCode(404);
        given().header("Authorization", lead).get("/health?programId=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("programId"));

        // analytics: their program's, not the tenant's, not another program's
        given().header("Authorization", lead).get("/analytics?programId=" + graduates).then().statusCode(200)
                .body("programId", equalTo(graduates.toString())).body("funnel.matched.suppressed", equalTo(true));
        given().header("Authorization", lead).get("/analytics?programId=" + leaders).then().statusCode(404);
        given().header("Authorization", lead).get("/analytics").then().statusCode(403);
        given().header("Authorization", lead).get("/analytics/programs").then().statusCode(403);

        // the lead closes their program's concern; the person who raised it is never anyone's admin here
        given().header("Authorization", lead).contentType(ContentType.JSON).body("{\"outcome\":\"TALKED_TO_BOTH\"}")
                .post("/concerns/" + ourConcern + "/closure").then().statusCode(200).body("state", equalTo("CLOSED"));
        given().header("Authorization", ours.mentee()).get("/concerns").then().statusCode(403);

        // taken off the program: nothing any more
        Fixtures.programAdmin(pool, tenant, graduates, "LEAD-1", false);
        given().header("Authorization", lead).get("/concerns").then().statusCode(403);
        given().header("Authorization", lead).get("/concerns/" + ourConcern).then().statusCode(403);
        given().header("Authorization", lead).get("/analytics?programId=" + graduates).then().statusCode(404);
        // the same employee id running a program of another tenant runs nothing here
        Fixtures.programAdmin(pool, tenant(), UUID.randomUUID(), "LEAD-1", true);
        given().header("Authorization", lead).get("/concerns").then().statusCode(403);
        // a late replay of the old assignment changes nothing: the unassignment is newer
        Fixtures.publish(Fixtures.PROGRAMS, graduates.toString(), tenant, "program.admin-assigned", """
                {"programId":"%s","employeeId":"LEAD-1","at":"%s"}""".formatted(graduates, OffsetDateTime.now().minusHours(1)));
        Fixtures.program(pool, tenant, "program.updated", graduates, "CLOSED", false); // after the replay, in order
        given().header("Authorization", lead).get("/concerns").then().statusCode(403);
    }

    @Test
    void aProgramsOwnSettingsDecideItsEvaluationsAndThresholds() throws Exception {
        String tenant = tenant();
        UUID yearly = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "RUNNING", false);
        UUID usual = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "RUNNING", false);
        Fixtures.programAdmin(pool, tenant, yearly, "LEAD-2", true);
        String lead = person(tenant, "LEAD-2");
        Map<String, Object> tenants = given().header("Authorization", admin(tenant)).get("/settings").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        tenants.put("evaluationIntervalMonths", 12);
        String body = new ObjectMapper().writeValueAsString(tenants);
        given().header("Authorization", lead).get("/programs/" + yearly + "/settings").then().statusCode(200)
                .header("ETag", "\"0\"").body("own", equalTo(false)).body("evaluationIntervalMonths", equalTo(6));
        given().header("Authorization", lead).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(body)
                .put("/programs/" + yearly + "/settings").then().statusCode(412);
        given().header("Authorization", lead).contentType(ContentType.JSON).body(body.replace("\"evaluationIntervalMonths\":12",
                "\"evaluationIntervalMonths\":7")).put("/programs/" + yearly + "/settings").then().statusCode(422)
                .body("errors[0].field", equalTo("evaluationIntervalMonths"));
        given().header("Authorization", lead).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/programs/" + yearly + "/settings").then().statusCode(200).header("ETag", "\"1\"")
                .body("own", equalTo(true)).body("evaluationIntervalMonths", equalTo(12));
        // the lead runs only their program; a mentee of the tenant none
        given().header("Authorization", lead).get("/programs/" + usual + "/settings").then().statusCode(404);
        given().header("Authorization", person(tenant, "NOBODY")).get("/programs/" + yearly + "/settings").then().statusCode(404);
        given().header("Authorization", admin(tenant)).get("/programs/" + UUID.randomUUID() + "/settings").then().statusCode(404);
        given().header("Authorization", admin(tenant(/* another */))).get("/programs/" + yearly + "/settings").then().statusCode(404);

        // a partnership of the yearly program is planned with formal evaluations a year apart, one of the other every 6 months
        Fixtures.Pair inYearly = Fixtures.startedInProgram(pool, tenant, yearly);
        Fixtures.Pair inUsual = Fixtures.startedInProgram(pool, tenant, usual);
        await().atMost(Duration.ofSeconds(30)).until(() -> formal(inYearly.id()) == 2 && formal(inUsual.id()) == 4);

        // given up: the tenant's again
        given().header("Authorization", lead).delete("/programs/" + yearly + "/settings").then().statusCode(200)
                .header("ETag", "\"0\"").body("own", equalTo(false)).body("evaluationIntervalMonths", equalTo(6));
    }

    private long formal(UUID partnershipId) {
        return pool.preparedQuery("select count(*) from evaluation where partnership_id = $1 and kind = 'FORMAL'")
                .execute(Tuple.of(partnershipId)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void theFunnelPerProgramHidesACompanionSoThatNoHiddenFigureFollowsFromTheTenants() {
        String tenant = tenant();
        UUID six = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "RUNNING", false);
        UUID two = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "RUNNING", false);
        UUID seven = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "RUNNING", false);
        for (Object[] program : new Object[][] { { six, 6 }, { two, 2 }, { seven, 7 } }) {
            for (int i = 0; i < (int) program[1]; i++) {
                UUID mentee = UUID.randomUUID();
                UUID programId = (UUID) program[0];
                Fixtures.publish(Fixtures.PROGRAMS, programId.toString(), tenant, "enrolment.enrolled", """
                        {"programId":"%s","enrolmentId":"%s","participantId":"%s","role":"MENTEE","state":"ENROLLED","by":"HR","at":"%s"}"""
                        .formatted(programId, UUID.randomUUID(), mentee, OffsetDateTime.now()));
                UUID request = UUID.randomUUID();
                Fixtures.publish(Fixtures.PARTNERSHIPS, request.toString(), tenant, "mentorship.requested", """
                        {"requestId":"%s","menteeId":"%s","mentorId":"%s","origin":"MENTEE","matchingRunId":null,"expiresAt":"%s","programId":"%s"}"""
                        .formatted(request, mentee, UUID.randomUUID(), OffsetDateTime.now().plusDays(14), programId));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from enrolment_copy where tenant = $1", tenant) == 15
                && count("select count(*) from request_copy where tenant = $1", tenant) == 15);

        // a step of 2 mentees is hidden, and so is the smallest shown beside it (6), since 15 - 7 would tell their sum
        ValidatableResponse list = given().header("Authorization", admin(tenant)).get("/analytics/programs").then().statusCode(200)
                .body("minimumPeople", equalTo(5))
                .body("tenantFunnel.enrolled.value", equalTo(15.0f)).body("tenantFunnel.requested.value", equalTo(15.0f));
        for (String step : List.of("enrolled", "requested")) {
            list.body("programs.find { it.programId == '" + six + "' }.funnel." + step + ".suppressed", equalTo(true))
                    .body("programs.find { it.programId == '" + two + "' }.funnel." + step + ".suppressed", equalTo(true))
                    .body("programs.find { it.programId == '" + seven + "' }.funnel." + step + ".value", equalTo(7.0f));
        }
        // one program's own report hides it just the same (else it would give away what the list hides)
        given().header("Authorization", admin(tenant)).get("/analytics?programId=" + six).then().statusCode(200)
                .body("funnel.requested.suppressed", equalTo(true)).body("funnel.requested.value", nullValue());
        given().header("Authorization", admin(tenant)).get("/analytics?programId=" + seven).then().statusCode(200)
                .body("funnel.requested.value", equalTo(7.0f)).body("funnel.matched.suppressed", equalTo(true));
        given().header("Authorization", admin(tenant)).get("/analytics").then().statusCode(200)
                .body("funnel.enrolled.value", equalTo(15.0f));
    }

    @Test
    void partnershipsOfNoKnownProgramCountForTheTenantOnlyAndTheGeneralProgramHasNoEnrolments() {
        String tenant = tenant();
        Fixtures.Pair before = Fixtures.startedIn(pool, tenant); // copied with no program: from before programs reached here
        UUID general = Fixtures.program(pool, tenant, "program.created", UUID.randomUUID(), "RUNNING", true);
        Fixtures.startedInProgram(pool, tenant, general);
        given().header("Authorization", admin(tenant)).get("/analytics/programs").then().statusCode(200)
                .body("programs.find { it.programId == '" + general + "' }.general", equalTo(true))
                .body("programs.find { it.programId == '" + general + "' }.funnel.enrolled", nullValue())
                .body("programs.find { it.programId == '" + general + "' }.funnel.matched.suppressed", equalTo(true))
                .body("programs.find { it.programId == null }.funnel.matched.suppressed", equalTo(true));
        // its concern is for the tenant-wide admins only
        UUID concern = raise(before, "OTHER");
        given().header("Authorization", admin(tenant)).get("/concerns/" + concern).then().statusCode(200);
    }

    @Test
    void anAchievedGoalIsACelebrationBothPeopleSeeAndCountsInTheAnalytics() {
        String tenant = tenant();
        List<Fixtures.Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pairs.add(Fixtures.startedIn(pool, tenant));
        }
        for (Fixtures.Pair pair : pairs) {
            given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"progressPercent\":100}")
                    .post("/partnerships/" + pair.id() + "/goals/" + pair.goalId() + "/check-ins").then().statusCode(201);
        }
        Fixtures.Pair first = pairs.get(0);
        for (String token : List.of(first.mentee(), first.mentor())) {
            given().header("Authorization", token).get("/celebrations").then().statusCode(200)
                    .body("items.goalId", contains(first.goalId().toString())).body("items[0].title", equalTo("Lead a release"))
                    .body("items[0].partnershipId", equalTo(first.id().toString()));
        }
        given().header("Authorization", first.stranger()).get("/celebrations").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", first.admin()).get("/celebrations").then().statusCode(403);
        // three goals achieved by six people: shown
        given().header("Authorization", first.admin()).get("/analytics").then().statusCode(200).body("goalsAchieved.value", equalTo(3.0f));
    }

    private long count(String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }
}
