package dev.mentoring.feedback.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class EventConsumersTest {

    @Inject
    Pool pool;

    private String sessionState(UUID id) {
        return pool.preparedQuery("select state from session_copy where id = $1").execute(Tuple.of(id)).await().indefinitely()
                .iterator().next().getString(0);
    }

    @Test
    void anOlderSessionEventAfterANewerOneChangesNothingAndAPoisonEventGoesToTheDeadLetterTopic() {
        Fixtures.Pair pair = Fixtures.started(pool);
        OffsetDateTime start = OffsetDateTime.now().minusHours(2);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", start, null, 2);
        Fixtures.sessionEvent(pair, session, "session.scheduled", "SCHEDULED", start, null, 0); // late, older
        try (TopicReader deadLetters = new TopicReader("test.mentoring.feedback-service.dlq")) {
            String key = "poison-" + UUID.randomUUID();
            Fixtures.publish(Fixtures.SESSIONS, key, pair.tenant(), "session.completed", "{\"sessionId\":\"not-a-uuid\"}");
            var dead = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(20));
            assertThat(dead).isNotNull();
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("data unreadable");
        }
        // the events behind the poison one are still handled, and the stale one changed nothing
        UUID after = Fixtures.session(pool, pair, "session.completed", "COMPLETED", start.minusDays(1), null, 1);
        assertThat(sessionState(after)).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sessionState(session)).isEqualTo("COMPLETED"));
    }

    private long count(String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void anEndedPartnershipOpensItsClosingEvaluationAndDropsThePlannedOnes() {
        Fixtures.Pair pair = Fixtures.started(pool);
        try (TopicReader events = new TopicReader(Fixtures.FEEDBACK_EVENTS)) {
            Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "partnership.completed", """
                    {"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"COMPLETED","cadence":null,"at":"%s"}"""
                    .formatted(pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now()));
            var due = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("evaluation.due"), 1);
            assertThat(due).hasSize(1);
            assertThat(due.get(0).value()).contains("\"CLOSING\"");
        }
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/evaluations").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.contains("CLOSING")).body("items.state", org.hamcrest.Matchers.contains("OPEN"));
        assertThat(count("select count(*) from evaluation where partnership_id = $1 and state = 'PLANNED'", pair.id())).isZero();
    }

    @Test
    void anErasedParticipantsWordsAreGoneAndTheirRatingsStay() {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID held = Fixtures.session(pool, pair, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(2), null, 1);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"overall\":4,\"preparation\":4,\"communication\":5,\"comment\":\"My manager is leaving\"}")
                .post("/sessions/" + held + "/feedback").then().statusCode(201);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"progressPercent\":30,\"note\":\"Talked to HR\"}")
                .post("/partnerships/" + pair.id() + "/goals/" + pair.goalId() + "/check-ins").then().statusCode(201);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"category\":\"OTHER\",\"text\":\"He shares my plans\"}")
                .post("/partnerships/" + pair.id() + "/concerns").then().statusCode(201);
        Fixtures.publish(Fixtures.PARTICIPANTS, pair.menteeId().toString(), pair.tenant(), "participant.erased",
                "{\"participantId\":\"%s\"}".formatted(pair.menteeId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from participant_copy where id = $1 and employee_id = 'erased'", pair.menteeId()) == 1);
        assertThat(count("select count(*) from session_feedback where author_id = $1 and comment is not null", pair.menteeId())).isZero();
        assertThat(count("select count(*) from session_feedback where author_id = $1 and overall = 4", pair.menteeId())).isEqualTo(1);
        // erasing the comment is a change: the feedback's version (its ETag) went up
        assertThat(count("select count(*) from session_feedback where author_id = $1 and version = 2", pair.menteeId())).isEqualTo(1);
        assertThat(count("select count(*) from goal_check_in where author_id = $1 and note is not null", pair.menteeId())).isZero();
        // the concern stays for the admins' record, without its words
        assertThat(count("select count(*) from concern where raised_by = $1 and text is null", pair.menteeId())).isEqualTo(1);
        // the goals' words of her partnerships go (whoever wrote them), and a late replay of them does not bring them back
        assertThat(count("select count(*) from goal where partnership_id = $1 and title is not null", pair.id())).isZero();
        String replay = dev.mentoring.plumbing.testing.TopicWriter.cloudEvent("agreement.goal-texts", pair.tenant(), """
                {"partnershipId":"%s","version":9,"goals":[{"goalId":"%s","title":"Lead a release","measure":"releases","target":"1"}]}"""
                .formatted(pair.id(), pair.goalId()));
        dev.mentoring.plumbing.testing.TopicWriter.send(Fixtures.AGREEMENT_TEXTS, pair.id().toString(), replay);
        UUID replayId = UUID.fromString(replay.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from processed_event where event_id = $1", replayId) == 1);
        assertThat(count("select count(*) from goal where partnership_id = $1 and title is not null", pair.id())).isZero();
        // the erased person cannot come back through a later update of the old profile
        Fixtures.publish(Fixtures.PARTICIPANTS, pair.menteeId().toString(), pair.tenant(), "participant.updated",
                "{\"participantId\":\"%s\",\"employeeId\":\"%s\",\"version\":7}".formatted(pair.menteeId(), pair.menteeEmployee()));
        given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/goals").then().statusCode(403);
    }

    @Test
    void theGoalsWordsComeOnTheirOwnTopicBeforeOrAfterTheAgreementAndAnOlderVersionsNeverOverwriteANewer() {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID kept = pair.goalId();
        UUID added = UUID.randomUUID();
        String goals = "/partnerships/" + pair.id() + "/goals";
        given().header("Authorization", pair.mentee()).get(goals).then().statusCode(200).body("items[0].title", org.hamcrest.Matchers.equalTo("Lead a release"));

        // version 2's words come first (another topic), then its agreement.in-force
        Fixtures.publish(Fixtures.AGREEMENT_TEXTS, pair.id().toString(), pair.tenant(), "agreement.goal-texts", """
                {"partnershipId":"%s","version":2,"goals":[{"goalId":"%s","title":"Lead two releases","measure":"releases","target":"2"},
                 {"goalId":"%s","title":"Mentor a junior","measure":"juniors","target":"1"}]}""".formatted(pair.id(), kept, added));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from goal where goal_id = $1 and title = 'Mentor a junior'", added) == 1);
        // known, but not in force before its agreement is
        given().header("Authorization", pair.mentee()).get(goals).then().statusCode(200)
                .body("items.goalId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(added.toString())));
        Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "agreement.in-force", """
                {"partnershipId":"%s","version":2,"cadence":"WEEKLY","sessionMinutes":45,"reviewDate":"%s",
                 "goals":[{"goalId":"%s","dueDate":"%s"},{"goalId":"%s","dueDate":"%s"}]}""".formatted(pair.id(),
                java.time.LocalDate.now().plusMonths(6), kept, java.time.LocalDate.now().plusMonths(3), added, java.time.LocalDate.now().plusMonths(4)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from goal where partnership_id = $1 and in_force", pair.id()) == 2);

        // version 1's words arriving late (a replay) change nothing
        Fixtures.goalTexts(pair, 1, kept, "Lead a release again");
        Fixtures.goalTexts(pair, 3, UUID.randomUUID(), "marker"); // a later event on the same key: once it is in, the replay was handled
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from goal where partnership_id = $1 and title = 'marker'", pair.id()) == 1);
        given().header("Authorization", pair.mentee()).get(goals).then().statusCode(200)
                .body("items.find { it.goalId == '%s' }.title".formatted(kept), org.hamcrest.Matchers.equalTo("Lead two releases"))
                .body("items.find { it.goalId == '%s' }.title".formatted(added), org.hamcrest.Matchers.equalTo("Mentor a junior"))
                .body("items.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void eventsNamingAnotherTenantsRecordsAreDeadLetteredAndChangeNothing() {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader("test.mentoring.feedback-service.dlq")) {
            // the other tenant's session in this tenant's partnership, its agreement, and a takeover of the mentor
            Fixtures.publish(Fixtures.SESSIONS, pair.id().toString(), "intruder", "session.completed", """
                    {"sessionId":"%s","partnershipId":"%s","menteeId":"%s","mentorId":"%s","startsAt":"%s","endsAt":"%s",
                     "timeZone":"UTC","durationMinutes":60,"mode":"VIDEO","state":"COMPLETED","cancelledLate":null,"attendance":"BOTH",
                     "sequence":1,"at":"%s"}""".formatted(session, pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now().minusHours(3),
                    OffsetDateTime.now().minusHours(2), OffsetDateTime.now()));
            Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), "intruder", "agreement.activated", """
                    {"partnershipId":"%s","version":5,"cadence":"WEEKLY","sessionMinutes":30,"goals":[]}""".formatted(pair.id()));
            Fixtures.publish(Fixtures.PARTICIPANTS, pair.mentorId().toString(), "intruder", "participant.updated",
                    "{\"participantId\":\"%s\",\"employeeId\":\"X-1\",\"version\":99}".formatted(pair.mentorId()));
            // and a partnership event without its people or with an unknown state
            Fixtures.publish(Fixtures.PARTNERSHIPS, pair.id().toString(), pair.tenant(), "partnership.ended",
                    "{\"partnershipId\":\"%s\",\"at\":\"%s\"}".formatted(pair.id(), OffsetDateTime.now()));
            var dead = deadLetters.settled(r -> pair.id().toString().equals(r.key()) || pair.mentorId().toString().equals(r.key()), 4);
            assertThat(dead).hasSize(4);
            // (two keys, so no order across them)
            assertThat(dead).filteredOn(r -> TopicReader.header(r, "dead-letter-reason").contains("another tenant")).hasSize(3);
            assertThat(dead).filteredOn(r -> TopicReader.header(r, "dead-letter-reason").contains("menteeId")).hasSize(1);
        }
        assertThat(count("select count(*) from session_copy where id = $1", session)).isZero();
        assertThat(count("select count(*) from goal where partnership_id = $1 and in_force", pair.id())).isEqualTo(1);
        assertThat(count("select count(*) from participant_copy where id = $1 and tenant = 'intruder'", pair.mentorId())).isZero();
        given().header("Authorization", pair.mentor()).get("/partnerships/" + pair.id() + "/goals").then().statusCode(200);
        given().header("Authorization", pair.mentor()).get("/partnerships/" + pair.id() + "/evaluations").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("CLOSING")));
    }

    private static String jdbcUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /** A JDBC connection of the service's role to the server's postgres database, which the outage below leaves alone. */
    private static java.sql.Connection ownConnection() throws java.sql.SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return java.sql.DriverManager.getConnection(jdbcUrl().substring(0, jdbcUrl().lastIndexOf('/') + 1) + "postgres",
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void anEventArrivingWhileTheDatabaseIsAwayIsHandledWhenItIsBackNotDeadLettered() throws Exception {
        Fixtures.Pair pair = Fixtures.started(pool);
        UUID session = UUID.randomUUID();
        try (java.sql.Connection admin = ownConnection(); var statement = admin.createStatement();
                TopicReader deadLetters = new TopicReader("test.mentoring.feedback-service.dlq")) {
            String database = jdbcUrl().substring(jdbcUrl().lastIndexOf('/') + 1);
            // the database goes away for the service: no new connections, the open ones cut
            statement.execute("alter database " + database + " allow_connections false");
            try {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
                Fixtures.sessionEvent(pair, session, "session.completed", "COMPLETED", OffsetDateTime.now().minusHours(2), null, 1);
                Thread.sleep(3_000); // the consumer fails on it and tries again meanwhile
            } finally {
                statement.execute("alter database " + database + " allow_connections true");
            }
            await().atMost(Duration.ofSeconds(40)).until(() -> count("select count(*) from session_copy where id = $1", session) == 1);
            assertThat(deadLetters.settled(r -> pair.id().toString().equals(r.key()), 0, Duration.ZERO, Duration.ofSeconds(2)))
                    .as("nothing dead-lettered for a passing outage").isEmpty();
        }
    }
}
