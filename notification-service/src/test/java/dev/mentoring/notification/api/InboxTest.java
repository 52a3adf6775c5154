package dev.mentoring.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.notification.Fixtures;
import dev.mentoring.notification.Fixtures.Pair;
import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import dev.mentoring.plumbing.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxTest {

    @Inject
    Pool pool;

    /**
     * Waits until this service holds the program's admins in the tenant as given. The program topic is not ordered with the
     * others: an event of another topic published after an admin change may be handled before it.
     */
    private void admins(String tenant, UUID program, String... employeeIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "select employee_id from program_admin_copy where tenant = $1 and program_id = $2 and assigned order by employee_id")
                .execute(Tuple.of(tenant, program)).await().indefinitely().stream().map(row -> row.getString(0)).toList()
                .equals(Arrays.stream(employeeIds).sorted().toList()));
    }

    private static JsonPath inbox(String token, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", token).get("/inbox?limit=200")
                .then().statusCode(200).extract().jsonPath().getList("items").size() >= expected);
        return given().header("Authorization", token).get("/inbox?limit=200").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eventsBecomeEachPersonsNotificationsNewestFirstOncePerEventAndPerson() {
        Pair pair = Fixtures.people("[\"en\"]");
        Fixtures.requested(pair);
        JsonPath mentor = inbox(pair.mentor(), 1);
        assertThat(mentor.getList("items.type")).containsExactly("REQUEST_RECEIVED");
        assertThat(mentor.getString("items[0].requestId")).isEqualTo(pair.id().toString());
        assertThat(mentor.getString("items[0].text")).isEqualTo("A mentee asked you to be their mentor.");
        assertThat(mentor.getBoolean("items[0].read")).isFalse();

        Fixtures.started(pair);
        inbox(pair.mentee(), 2); // topics are not ordered with each other: the session's events come after these
        UUID session = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.of(2031, 3, 4, 13, 0, 0, 0, ZoneOffset.UTC);
        String scheduled = Fixtures.session(pair, "session.scheduled", session, start, null);
        Fixtures.session(pair, "session.rescheduled", session, start.plusDays(1), start);
        // the same event again (a redelivery): nobody is told twice
        TopicWriter.send(Fixtures.SESSIONS, pair.id().toString(), scheduled);
        JsonPath mentee = inbox(pair.mentee(), 4);
        assertThat(mentee.getList("items.type")).containsExactly("SESSION_MOVED", "SESSION_SCHEDULED", "PARTNERSHIP_STARTED", "REQUEST_ACCEPTED");
        assertThat(mentee.getList("items.position", Long.class)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        // times in each person's zone: the mentee in Copenhagen, the mentor in New York
        assertThat(mentee.getString("items[0].text")).isEqualTo("Your session on Tuesday 4 March at 14:00 is moved to Wednesday 5 March at 14:00.");
        assertThat(mentee.getString("items[0].sessionId")).isEqualTo(session.toString());
        assertThat(mentee.getString("items[0].partnershipId")).isEqualTo(pair.id().toString());
        mentor = inbox(pair.mentor(), 4);
        assertThat(mentor.getList("items.type")).containsExactly("SESSION_MOVED", "SESSION_SCHEDULED", "PARTNERSHIP_STARTED", "REQUEST_RECEIVED");
        assertThat(mentor.getString("items[1].text")).isEqualTo("A session is scheduled for Tuesday 4 March at 08:00.");
        // the redelivered event was handled once: no fifth notification arrives
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> inbox(pair.mentee(), 4).getList("items").size() == 4);
        // the stranger of the tenant was told nothing
        given().header("Authorization", pair.stranger()).get("/inbox").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anAgreementInForceTellsBothAndOneStillOnTheTopicAsAgreementActivatedToo() {
        Pair pair = Fixtures.people("[\"en\"]");
        Fixtures.requested(pair);
        Fixtures.started(pair);
        inbox(pair.mentee(), 2);
        Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "agreement.in-force", """
                {"partnershipId":"%s","version":1,"cadence":"MONTHLY","sessionMinutes":60,"reviewDate":"2031-01-01",
                 "goals":[{"goalId":"%s","dueDate":"2030-06-01"}]}""".formatted(pair.id(), UUID.randomUUID()));
        Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "agreement.activated", """
                {"partnershipId":"%s","version":2,"cadence":"MONTHLY","sessionMinutes":60,"reviewDate":"2031-01-01",
                 "goals":[{"goalId":"%s","title":"t","measure":"m","target":"1","dueDate":"2030-06-01"}]}""".formatted(pair.id(), UUID.randomUUID()));
        for (String person : List.of(pair.mentee(), pair.mentor())) {
            JsonPath told = inbox(person, 4);
            assertThat(told.getList("items.type")).startsWith("AGREEMENT_IN_FORCE", "AGREEMENT_IN_FORCE");
            assertThat(told.getString("items[0].text")).contains("(version 2)");
            assertThat(told.getString("items[1].text")).contains("(version 1)");
        }
    }

    @Test
    void aConcernTellsTheAdminsOfThePartnershipsProgramAndNobodyElse() {
        Pair pair = Fixtures.people("[\"en\"]");
        UUID program = UUID.randomUUID();
        UUID otherProgram = UUID.randomUUID();
        String lead = "LEAD-" + UUID.randomUUID().toString().substring(0, 6);
        String otherLead = "LEAD-" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.participant(pair.tenant(), UUID.randomUUID(), lead, "[\"da\"]", "Europe/Copenhagen");
        Fixtures.participant(pair.tenant(), UUID.randomUUID(), otherLead, "[\"en\"]", "UTC");
        String leadToken = TestTokens.person(pair.tenant(), lead, "mentee").bearer();
        String otherLeadToken = TestTokens.person(pair.tenant(), otherLead, "mentee").bearer();
        for (String[] admin : new String[][] { { program.toString(), lead }, { otherProgram.toString(), otherLead },
                { program.toString(), pair.mentorEmployee() } }) {
            Fixtures.publish(Fixtures.PROGRAMS, admin[0], pair.tenant(), "program.admin-assigned",
                    "{\"programId\":\"%s\",\"employeeId\":\"%s\",\"at\":\"%s\"}".formatted(admin[0], admin[1], OffsetDateTime.now()));
        }
        // the same person in another tenant's program of the same id is nobody here
        Fixtures.publish(Fixtures.PROGRAMS, program.toString(), "another-tenant", "program.admin-unassigned",
                "{\"programId\":\"%s\",\"employeeId\":\"%s\",\"at\":\"%s\"}".formatted(program, lead, OffsetDateTime.now().plusMinutes(1)));
        Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "partnership.started", """
                {"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"ACTIVE","cadence":null,"at":"%s","programId":"%s"}"""
                .formatted(pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now(), program));
        inbox(pair.mentee(), 1);
        admins(pair.tenant(), program, lead, pair.mentorEmployee());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", leadToken).get("/inbox/unread-count").statusCode() == 200);
        Fixtures.publish(Fixtures.FEEDBACK, pair.id().toString(), pair.tenant(), "concern.raised", """
                {"concernId":"%s","partnershipId":"%s","raisedByRole":"MENTEE","category":"PERSONALITY_CLASH","at":"%s"}"""
                .formatted(UUID.randomUUID(), pair.id(), OffsetDateTime.now()));
        JsonPath told = inbox(leadToken, 1);
        assertThat(told.getList("items.type")).containsExactly("CONCERN_RAISED");
        assertThat(told.getString("items[0].partnershipId")).isEqualTo(pair.id().toString());
        assertThat(told.getString("items[0].text")).isEqualTo("Der er rejst en bekymring i et forløb i dit program (personkemi).");

        // the lead no longer runs the program: a second concern tells nobody (the mentor, an admin too, never: it may be about them)
        Fixtures.publish(Fixtures.PROGRAMS, program.toString(), pair.tenant(), "program.admin-unassigned",
                "{\"programId\":\"%s\",\"employeeId\":\"%s\",\"at\":\"%s\"}".formatted(program, lead, OffsetDateTime.now().plusMinutes(2)));
        admins(pair.tenant(), program, pair.mentorEmployee());
        Fixtures.publish(Fixtures.FEEDBACK, pair.id().toString(), pair.tenant(), "concern.raised", """
                {"concernId":"%s","partnershipId":"%s","raisedByRole":"MENTOR","category":"OTHER","at":"%s"}"""
                .formatted(UUID.randomUUID(), pair.id(), OffsetDateTime.now()));
        // a later event of the same partnership on the same topic, once in the mentor's inbox, shows the concern was handled
        Fixtures.publish(Fixtures.FEEDBACK, pair.id().toString(), pair.tenant(), "feedback.asked", """
                {"askId":"%s","partnershipId":"%s","sessionId":null,"askedBy":"%s","askedByRole":"MENTEE","askedOf":"%s","at":"%s"}"""
                .formatted(UUID.randomUUID(), pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now()));
        assertThat(inbox(pair.mentor(), 2).getList("items.type")).contains("FEEDBACK_ASKED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> inbox(leadToken, 1).getList("items").size() == 1);
        for (String other : List.of(pair.mentee(), pair.mentor(), otherLeadToken)) {
            assertThat(inbox(other, 0).getList("items.type")).doesNotContain("CONCERN_RAISED");
        }
    }

    @Test
    void readingMarksOneOrAllAndCountsTheUnreadAndNobodyReadsAnothersNotification() {
        Pair pair = Fixtures.people("[\"en\"]");
        Fixtures.requested(pair);
        Fixtures.started(pair);
        JsonPath mentee = inbox(pair.mentee(), 2);
        String newest = mentee.getString("items[0].id");
        String oldest = mentee.getString("items[1].id");
        long newestPosition = mentee.getLong("items[0].position");
        given().header("Authorization", pair.mentee()).get("/inbox/unread-count").then().statusCode(200).body("unread", equalTo(2));

        // another person's notification (and one that does not exist) is 404 alike
        given().header("Authorization", pair.mentor()).post("/inbox/" + oldest + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", pair.stranger()).post("/inbox/" + UUID.randomUUID() + "/read").then().statusCode(404);
        given().header("Authorization", TestTokens.person("another-tenant", pair.menteeEmployee(), "mentee").bearer())
                .post("/inbox/" + oldest + "/read").then().statusCode(403);

        given().header("Authorization", pair.mentee()).post("/inbox/" + oldest + "/read").then().statusCode(200)
                .body("read", equalTo(true)).body("id", equalTo(oldest));
        given().header("Authorization", pair.mentee()).get("/inbox?unread=true").then().statusCode(200).body("items.id", contains(newest));
        given().header("Authorization", pair.mentee()).get("/inbox/unread-count").then().body("unread", equalTo(1));
        given().header("Authorization", pair.mentee()).post("/inbox/read-all?upTo=" + (newestPosition - 1)).then().statusCode(200)
                .body("marked", equalTo(0));
        given().header("Authorization", pair.mentee()).post("/inbox/read-all").then().statusCode(200).body("marked", equalTo(1));
        given().header("Authorization", pair.mentee()).get("/inbox/unread-count").then().body("unread", equalTo(0));
        // the mentor's own stayed unread
        given().header("Authorization", pair.mentor()).get("/inbox/unread-count").then().body("unread", equalTo(2));
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatsAndBadParametersNameThemselves() {
        Pair pair = Fixtures.people("[\"en\"]");
        Fixtures.requested(pair);
        Fixtures.started(pair);
        inbox(pair.mentee(), 2);
        for (int i = 0; i < 3; i++) {
            Fixtures.session(pair, "session.scheduled", UUID.randomUUID(), OffsetDateTime.now().plusDays(i + 1), null);
        }
        List<String> all = inbox(pair.mentee(), 5).getList("items.id");
        JsonPath first = given().header("Authorization", pair.mentee()).get("/inbox?limit=2").then().statusCode(200).extract().jsonPath();
        JsonPath second = given().header("Authorization", pair.mentee()).get("/inbox?limit=2&cursor=" + first.getString("nextCursor"))
                .then().statusCode(200).extract().jsonPath();
        JsonPath third = given().header("Authorization", pair.mentee()).get("/inbox?limit=2&cursor=" + second.getString("nextCursor"))
                .then().statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        assertThat(List.of(first.getList("items.id"), second.getList("items.id"), third.getList("items.id")).stream().flatMap(List::stream))
                .containsExactlyElementsOf(all);
        given().header("Authorization", pair.mentee()).get("/inbox?unread=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unread"));
        given().header("Authorization", pair.mentee()).get("/inbox?cursor=bm90LWEtbnVtYmVy").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", pair.mentee()).post("/inbox/read-all?upTo=x").then().statusCode(400).body("errors[0].field", equalTo("upTo"));
        given().header("Authorization", pair.mentee()).post("/inbox/not-a-uuid/read").then().statusCode(404);
    }

    @Test
    void onlyAPersonWithAProfileHasAnInbox() {
        Pair pair = Fixtures.people("[\"en\"]");
        given().get("/inbox").then().statusCode(401);
        given().header("Authorization", TestTokens.machine(pair.tenant(), "integration").bearer()).get("/inbox").then().statusCode(403);
        given().header("Authorization", TestTokens.person(pair.tenant(), "NOBODY-1", "mentee").bearer()).get("/inbox").then().statusCode(403)
                .body("detail", containsString("no participant profile"));
    }

    @Test
    void theInboxSpeaksThePersonsLanguageAndMutedTypesAreNotTold() {
        Pair pair = Fixtures.people("[\"da\",\"en\"]");
        given().header("Authorization", pair.mentee()).get("/preferences").then().statusCode(200).header("ETag", "\"1\"")
                .body("language", nullValue()).body("effectiveLanguage", equalTo("da")).body("muted", hasSize(0));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"muted\":[\"SESSION_SCHEDULED\",\"NOPE\"]}")
                .put("/preferences").then().statusCode(422).body("errors[0].field", equalTo("muted[1]"));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"language\":\"fr\"}")
                .put("/preferences").then().statusCode(422).body("errors[0].field", equalTo("language"));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"muted\":[\"SESSION_SCHEDULED\"]}").put("/preferences").then().statusCode(200).header("ETag", "\"2\"")
                .body("muted", contains("SESSION_SCHEDULED"));
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"muted\":[]}").put("/preferences").then().statusCode(412);

        Fixtures.requested(pair);
        Fixtures.started(pair);
        inbox(pair.mentor(), 2);
        Fixtures.session(pair, "session.scheduled", UUID.randomUUID(), OffsetDateTime.now().plusDays(3), null);
        JsonPath mentor = inbox(pair.mentor(), 3);
        assertThat(mentor.getList("items.type")).containsExactly("SESSION_SCHEDULED", "PARTNERSHIP_STARTED", "REQUEST_RECEIVED");
        JsonPath mentee = inbox(pair.mentee(), 2);
        assertThat(mentee.getList("items.type")).containsExactly("PARTNERSHIP_STARTED", "REQUEST_ACCEPTED");
        assertThat(mentee.getString("items[0].text")).isEqualTo("Jeres mentorforløb er begyndt.");

        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"language\":\"en\",\"muted\":[]}")
                .put("/preferences").then().statusCode(200).body("effectiveLanguage", equalTo("en"));
        assertThat(inbox(pair.mentee(), 2).getString("items[0].text")).isEqualTo("Your mentoring partnership has started.");
    }

    @Test
    void anEvaluationOfAPartnershipNotKnownYetWaitsForItAndAnotherTenantsIsDeadLettered() {
        Pair pair = Fixtures.people("[\"en\"]");
        UUID evaluation = UUID.randomUUID();
        // feedback-service's event first: its topic is not ordered with the partnership's
        Fixtures.publish(Fixtures.FEEDBACK, pair.id().toString(), pair.tenant(), "evaluation.due", """
                {"evaluationId":"%s","partnershipId":"%s","kind":"FORMAL","opensOn":"2031-01-01","closesOn":"2031-01-15","state":"OPEN",
                 "at":"%s"}""".formatted(evaluation, pair.id(), OffsetDateTime.now()));
        Fixtures.requested(pair);
        Fixtures.started(pair);
        JsonPath mentee = inbox(pair.mentee(), 3);
        assertThat(mentee.getList("items.type")).contains("EVALUATION_DUE");
        assertThat(inbox(pair.mentor(), 3).getList("items.type")).contains("EVALUATION_DUE");

        try (TopicReader deadLetters = new TopicReader(Fixtures.DEAD_LETTERS)) {
            Fixtures.publish(Fixtures.FEEDBACK, pair.id().toString(), "intruder", "goal.achieved", """
                    {"goalId":"%s","partnershipId":"%s","progressPercent":100,"achieved":true,"byRole":"MENTEE","at":"%s"}"""
                    .formatted(UUID.randomUUID(), pair.id(), OffsetDateTime.now()));
            var dead = deadLetters.await(r -> pair.id().toString().equals(r.key()), Duration.ofSeconds(20));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("another tenant");
        }
        // the tenant's own goal event behind it is still handled
        Fixtures.publish(Fixtures.FEEDBACK, pair.id().toString(), pair.tenant(), "goal.achieved", """
                {"goalId":"%s","partnershipId":"%s","progressPercent":100,"achieved":true,"byRole":"MENTEE","at":"%s"}"""
                .formatted(UUID.randomUUID(), pair.id(), OffsetDateTime.now()));
        assertThat(inbox(pair.mentee(), 4).getList("items.type")).first().isEqualTo("GOAL_ACHIEVED");
    }

    @Test
    void anErasedPersonsInboxIsGone() {
        Pair pair = Fixtures.people("[\"en\"]");
        Fixtures.requested(pair);
        Fixtures.started(pair);
        inbox(pair.mentee(), 2);
        Fixtures.publish(Fixtures.PARTICIPANTS, pair.menteeId().toString(), pair.tenant(), "participant.erased",
                "{\"participantId\":\"%s\"}".formatted(pair.menteeId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", pair.mentee()).get("/inbox").statusCode() == 403);
        // the mentor's inbox keeps its own
        assertThat(inbox(pair.mentor(), 2).getList("items")).hasSize(2);
    }
}
