package dev.mentoring.sessions;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicWriter;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Test partnerships as session-service learns them: participant and partnership events published to the
 * service's test topics, as matching-service would, and awaited in the copies. Each pair is new: a fresh
 * tenant, so tests never meet each other's sessions.
 */
public final class Partnerships {

    public static final String PARTICIPANTS = "test.session-service.mentoring.participant.v1";
    public static final String PARTNERSHIPS = "test.session-service.mentoring.partnership.v1";

    /** One partnership: its tenant, id, the two people's participant and employee ids. */
    public record Pair(String tenant, UUID id, UUID menteeId, String menteeEmployee, UUID mentorId, String mentorEmployee) {

        public String mentee() {
            return TestTokens.person(tenant, menteeEmployee, "mentee").bearer();
        }

        public String mentor() {
            return TestTokens.person(tenant, mentorEmployee, "mentor").bearer();
        }

        public String admin() {
            return TestTokens.person(tenant, "ADMIN-1", "program-admin").bearer();
        }

        /** A third person of the same tenant, in no partnership with these two. */
        public String stranger() {
            return TestTokens.person(tenant, "STRANGER-1", "mentee").bearer();
        }
    }

    private Partnerships() {
    }

    public static void publish(String topic, String key, String value) {
        TopicWriter.send(topic, key, value);
    }

    public static String event(String type, String tenant, String data) {
        return TopicWriter.cloudEvent(type, tenant, data);
    }

    public static void participant(String tenant, UUID id, String employeeId) {
        publish(PARTICIPANTS, id.toString(), event("participant.updated", tenant, """
                {"participantId":"%s","employeeId":"%s","created":true,"timeZone":"Europe/Copenhagen","languages":["en"],"version":1}"""
                .formatted(id, employeeId)));
    }

    public static String partnershipChanged(Pair pair, String type, String state, OffsetDateTime at) {
        return event(type, pair.tenant(), """
                {"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"%s","cadence":"MONTHLY","reasonCategory":null,"at":"%s"}"""
                .formatted(pair.id(), pair.menteeId(), pair.mentorId(), state, at));
    }

    /** A new active partnership of two new people in a new tenant, known to session-service when this returns. */
    public static Pair started(Pool pool) {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Pair pair = new Pair(tenant, UUID.randomUUID(), UUID.randomUUID(), "E-" + UUID.randomUUID().toString().substring(0, 6),
                UUID.randomUUID(), "M-" + UUID.randomUUID().toString().substring(0, 6));
        return startedBetween(pool, pair);
    }

    /** Another partnership of the same mentor (in the same tenant) with a new mentee. */
    public static Pair anotherMentee(Pool pool, Pair of) {
        return startedBetween(pool, new Pair(of.tenant(), UUID.randomUUID(), UUID.randomUUID(),
                "E-" + UUID.randomUUID().toString().substring(0, 6), of.mentorId(), of.mentorEmployee()));
    }

    private static Pair startedBetween(Pool pool, Pair pair) {
        participant(pair.tenant(), pair.menteeId(), pair.menteeEmployee());
        participant(pair.tenant(), pair.mentorId(), pair.mentorEmployee());
        participant(pair.tenant(), UUID.randomUUID(), "STRANGER-1");
        publish(PARTNERSHIPS, pair.id().toString(), partnershipChanged(pair, "partnership.started", "ACTIVE", OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "select count(*) from partnership_copy p join participant_copy a on a.id = p.mentee_id "
                        + "join participant_copy b on b.id = p.mentor_id where p.id = $1 and p.state = 'ACTIVE'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(pair.id())).await().indefinitely().iterator().next().getLong(0) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "select count(*) from participant_copy where tenant = $1 and employee_id = 'STRANGER-1'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(pair.tenant())).await().indefinitely().iterator().next().getLong(0) >= 1);
        return pair;
    }
}
