package dev.mentoring.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicWriter;

/**
 * People and partnerships as notification-service learns them: the events of matching-service, session-service and
 * feedback-service on the service's test topics, each pair in a tenant of its own.
 */
public final class Fixtures {

    public static final String PARTICIPANTS = "test.notification-service.mentoring.participant.v1";
    public static final String PARTNERSHIPS = "test.notification-service.mentoring.partnership.v1";
    public static final String SESSIONS = "test.notification-service.mentoring.session.v1";
    public static final String FEEDBACK = "test.notification-service.mentoring.feedback.v1";
    public static final String PROGRAMS = "test.notification-service.mentoring.program.v1";
    public static final String DEAD_LETTERS = "test.mentoring.notification-service.dlq";

    public record Pair(String tenant, UUID id, UUID menteeId, String menteeEmployee, UUID mentorId, String mentorEmployee) {

        public String mentee() {
            return TestTokens.person(tenant, menteeEmployee, "mentee").bearer();
        }

        public String mentor() {
            return TestTokens.person(tenant, mentorEmployee, "mentor").bearer();
        }

        /** Another person of the tenant, with a profile of their own. */
        public String stranger() {
            return TestTokens.person(tenant, "STRANGER-1", "mentee").bearer();
        }
    }

    private Fixtures() {
    }

    /** Publishes a CloudEvent with a new id; answers the event as sent (to send it again). */
    public static String publish(String topic, String key, String tenant, String type, String data) {
        String event = TopicWriter.cloudEvent(type, tenant, data);
        TopicWriter.send(topic, key, event);
        return event;
    }

    /**
     * A partnership event of the tenant as matching-service publishes it, keyed (and with the partitionkey attribute) by
     * the key; answers its CloudEvent id.
     */
    public static String partnershipEvent(String tenant, String key, String type) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(PARTNERSHIPS, key, """
                {"specversion":"1.0","id":"%s","source":"/mentoring/test","type":"%s","subject":"partnerships/%s","time":"%s",
                 "datacontenttype":"application/json","tenant":"%s","partitionkey":"%s",
                 "data":{"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"ACTIVE","cadence":null,"at":"%s"}}"""
                .formatted(id, type, key, OffsetDateTime.now(), tenant, key, key, UUID.randomUUID(), UUID.randomUUID(), OffsetDateTime.now()));
        return id;
    }

    /** Two people known to the service (the mentee speaking the given languages, in Copenhagen), and a stranger; no events between them yet. */
    public static Pair people(String menteeLanguages) {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Pair pair = new Pair(tenant, UUID.randomUUID(), UUID.randomUUID(), "E-" + UUID.randomUUID().toString().substring(0, 6),
                UUID.randomUUID(), "M-" + UUID.randomUUID().toString().substring(0, 6));
        participant(tenant, pair.menteeId(), pair.menteeEmployee(), menteeLanguages, "Europe/Copenhagen");
        participant(tenant, pair.mentorId(), pair.mentorEmployee(), "[\"en\"]", "America/New_York");
        participant(tenant, UUID.randomUUID(), "STRANGER-1", "[\"en\"]", "UTC");
        for (String token : new String[] { pair.mentee(), pair.mentor(), pair.stranger() }) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", token).get("/inbox/unread-count").statusCode() == 200);
        }
        return pair;
    }

    public static void participant(String tenant, UUID id, String employeeId, String languages, String timeZone) {
        publish(PARTICIPANTS, id.toString(), tenant, "participant.updated", """
                {"participantId":"%s","employeeId":"%s","created":true,"timeZone":"%s","languages":%s,"version":1,"active":true,
                 "mentor":true,"mentee":true}""".formatted(id, employeeId, timeZone, languages));
    }

    /** The mentee asks the mentor. */
    public static void requested(Pair pair) {
        publish(PARTNERSHIPS, pair.id().toString(), pair.tenant(), "mentorship.requested", """
                {"requestId":"%s","menteeId":"%s","mentorId":"%s","origin":"MENTEE","expiresAt":"%s"}"""
                .formatted(pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now().plusDays(14)));
    }

    /** The mentor accepted, and the partnership started. */
    public static void started(Pair pair) {
        publish(PARTNERSHIPS, pair.id().toString(), pair.tenant(), "mentorship.accepted", """
                {"requestId":"%s","menteeId":"%s","mentorId":"%s","origin":"MENTEE","at":"%s"}"""
                .formatted(pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now()));
        publish(PARTNERSHIPS, pair.id().toString(), pair.tenant(), "partnership.started", """
                {"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"ACTIVE","cadence":null,"at":"%s"}"""
                .formatted(pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now()));
    }

    /** A session of the pair scheduled (or moved, with its earlier start). */
    public static String session(Pair pair, String type, UUID sessionId, OffsetDateTime start, OffsetDateTime previous) {
        return publish(SESSIONS, pair.id().toString(), pair.tenant(), type, """
                {"sessionId":"%s","partnershipId":"%s","menteeId":"%s","mentorId":"%s","startsAt":"%s","endsAt":"%s","timeZone":"UTC",
                 "durationMinutes":60,"mode":"VIDEO","state":"SCHEDULED","previousStartsAt":%s,"sequence":0,"at":"%s"}"""
                .formatted(sessionId, pair.id(), pair.menteeId(), pair.mentorId(), start, start.plusHours(1),
                        previous == null ? "null" : "\"" + previous + "\"", OffsetDateTime.now()));
    }
}
