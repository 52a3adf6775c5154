package dev.mentoring.sessions.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import dev.mentoring.sessions.Partnerships;
import dev.mentoring.sessions.api.SchedulingTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PartnershipEventsConsumerTest {

    @Inject
    Pool pool;

    private Row copy(UUID id) {
        var rows = pool.preparedQuery("select * from partnership_copy where id = $1").execute(Tuple.of(id)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    /** A session of the pair six days ahead. */
    private static String futureSession(Partnerships.Pair pair) {
        return SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().plusDays(6).atTime(10, 0),
                "Europe/Copenhagen", 60, null)).path("sessions[0].id");
    }

    private static void assertStillScheduled(Partnerships.Pair pair, String session) {
        given().header("Authorization", pair.mentor()).get("/" + session).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("SCHEDULED"));
    }

    private long handled(String cloudEvent) {
        UUID id = UUID.fromString(cloudEvent.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
        return pool.preparedQuery("select count(*) from processed_event where event_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void anAgreementSetsTheCadenceAndAStaleOrRepeatedEventChangesNothing() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String future = futureSession(pair);
        String activated = Partnerships.event("agreement.in-force", pair.tenant(), """
                {"partnershipId":"%s","version":2,"cadence":"BIWEEKLY","sessionMinutes":60,"reviewDate":"2027-05-01",
                 "goals":[{"goalId":"%s","dueDate":"2027-04-01"}]}"""
                .formatted(pair.id(), UUID.randomUUID()));
        Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), activated);
        Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), activated); // redelivered
        // an older agreement version (as agreement.activated, which agreement.in-force replaced) and an older state, arriving late
        String olderAgreement = Partnerships.event("agreement.activated", pair.tenant(),
                "{\"partnershipId\":\"%s\",\"version\":1,\"cadence\":\"MONTHLY\",\"sessionMinutes\":90}".formatted(pair.id()));
        Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), olderAgreement);
        String stalePause = Partnerships.partnershipChanged(pair, "partnership.paused", "PAUSED", OffsetDateTime.now().minusDays(3));
        Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), stalePause);
        // both late events were handled (in order, behind the others) and changed nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(olderAgreement) == 1 && handled(stalePause) == 1);
        Row row = copy(pair.id());
        assertThat(row.getInteger("agreement_version")).isEqualTo(2);
        assertThat(row.getString("cadence")).isEqualTo("BIWEEKLY");
        assertThat(row.getInteger("session_minutes")).isEqualTo(60);
        assertThat(row.getString("state")).isEqualTo("ACTIVE");
        assertStillScheduled(pair, future);
    }

    @Test
    void aPartnershipEventWithoutItsPeopleTimeOrStateOrOfAnotherTenantIsDeadLetteredAndCancelsNothing() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String future = futureSession(pair);
        // the contract requires the time of the change: an end without it is never applied (no guess at its order)
        String untimed = Partnerships.event("partnership.ended", pair.tenant(),
                "{\"partnershipId\":\"%s\",\"menteeId\":\"%s\",\"mentorId\":\"%s\",\"state\":\"ENDED_EARLY\"}"
                        .formatted(pair.id(), pair.menteeId(), pair.mentorId()));
        try (TopicReader deadLetters = new TopicReader("test.mentoring.session-service.dlq")) {
            Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), untimed);
            Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), Partnerships.event("partnership.ended", pair.tenant(),
                    "{\"partnershipId\":\"%s\",\"at\":\"%s\"}".formatted(pair.id(), OffsetDateTime.now())));
            Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), Partnerships.event("partnership.ended", pair.tenant(),
                    "{\"partnershipId\":\"%s\",\"menteeId\":\"%s\",\"mentorId\":\"%s\",\"state\":\"GONE\",\"at\":\"%s\"}"
                            .formatted(pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now())));
            Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), Partnerships.event("agreement.activated", "another-tenant",
                    "{\"partnershipId\":\"%s\",\"version\":9,\"cadence\":\"WEEKLY\",\"sessionMinutes\":30}".formatted(pair.id())));
            var dead = deadLetters.settled(r -> pair.id().toString().equals(r.key()), 4);
            assertThat(dead).hasSize(4);
            assertThat(dead).extracting(r -> TopicReader.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("menteeId"))
                    .anySatisfy(reason -> assertThat(reason).contains("GONE"))
                    .anySatisfy(reason -> assertThat(reason).contains("another tenant"));
            assertThat(dead).filteredOn(r -> r.value().equals(untimed)).singleElement()
                    .satisfies(r -> assertThat(TopicReader.header(r, "dead-letter-reason")).contains("at are required"));
        }
        Row row = copy(pair.id());
        assertThat(row.getString("state")).isEqualTo("ACTIVE");
        assertThat(row.getString("tenant")).isEqualTo(pair.tenant());
        assertThat(row.getValue("agreement_version")).as("the other tenant's agreement").isNotEqualTo(9);
        assertStillScheduled(pair, future);
    }

    @Test
    void aPausedPartnershipsFutureSessionsAreCancelledWithTheReasonAndPublished() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String future = futureSession(pair);
        String past = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().minusDays(2).atTime(10, 0),
                "Europe/Copenhagen", 60, null)).path("sessions[0].id");
        try (TopicReader events = new TopicReader("test.mentoring.session.v1")) {
            Partnerships.publish(Partnerships.PARTNERSHIPS, pair.id().toString(), Partnerships.partnershipChanged(pair,
                    "partnership.paused", "PAUSED", OffsetDateTime.now()));
            var cancelled = events.await(r -> pair.id().toString().equals(r.key()) && r.value().contains("session.cancelled"),
                    Duration.ofSeconds(20));
            assertThat(cancelled).isNotNull();
            assertThat(cancelled.value()).contains(future).contains("PARTNERSHIP_PAUSED");
        }
        given().header("Authorization", pair.mentor()).get("/" + future).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("cancellation.reasonCategory", org.hamcrest.Matchers.equalTo("PARTNERSHIP_PAUSED"));
        given().header("Authorization", pair.mentor()).get("/" + past).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("SCHEDULED"));
        // no new sessions while paused
        assertThat(SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().plusDays(8).atTime(10, 0),
                "Europe/Copenhagen", 60, null)).statusCode()).isEqualTo(409);
    }

    @Test
    void aPoisonPartnershipEventGoesToTheDeadLetterTopic() {
        try (TopicReader deadLetters = new TopicReader("test.mentoring.session-service.dlq")) {
            String key = "poison-" + UUID.randomUUID();
            Partnerships.publish(Partnerships.PARTNERSHIPS, key, Partnerships.event("partnership.started", "acme",
                    "{\"partnershipId\":\"not-a-uuid\"}"));
            var dead = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(20));
            assertThat(dead).isNotNull();
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("data unreadable");
        }
        Partnerships.Pair after = Partnerships.started(pool); // the next events are still handled
        assertThat(copy(after.id())).isNotNull();
    }
}
