package dev.mentoring.feedback;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicWriter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Partnerships as feedback-service learns them: participant, partnership, agreement and session events on
 * the service's test topics, as matching-service and session-service would publish them; each pair in a
 * tenant of its own.
 */
public final class Fixtures {

    public static final String PARTICIPANTS = "test.feedback-service.mentoring.participant.v1";
    public static final String PARTNERSHIPS = "test.feedback-service.mentoring.partnership.v1";
    public static final String SESSIONS = "test.feedback-service.mentoring.session.v1";
    public static final String PROGRAMS = "test.feedback-service.mentoring.program.v1";
    public static final String AGREEMENT_TEXTS = "test.feedback-service.mentoring.internal.agreement-text.v1";
    public static final String FEEDBACK_EVENTS = "test.mentoring.feedback.v1";

    public record Pair(String tenant, UUID id, UUID menteeId, String menteeEmployee, UUID mentorId, String mentorEmployee, UUID goalId) {

        public String mentee() {
            return TestTokens.person(tenant, menteeEmployee, "mentee").bearer();
        }

        public String mentor() {
            return TestTokens.person(tenant, mentorEmployee, "mentor").bearer();
        }

        public String admin() {
            return TestTokens.person(tenant, "ADMIN-1", "program-admin").bearer();
        }

        public String stranger() {
            return TestTokens.person(tenant, "STRANGER-1", "mentee").bearer();
        }
    }

    private Fixtures() {
    }

    public static void publish(String topic, String key, String tenant, String type, String data) {
        TopicWriter.send(topic, key, TopicWriter.cloudEvent(type, tenant, data));
    }

    /** A program as matching-service announces it (program.created, or another program.* type), awaited in the copy. */
    public static UUID program(Pool pool, String tenant, String type, UUID id, String state, boolean general) {
        publish(PROGRAMS, id.toString(), tenant, type, """
                {"programId":"%s","state":"%s","joining":"HR_ENROLS","general":%s,"focusSkills":[],"at":"%s"}"""
                .formatted(id, state, general, OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery("select state from program_copy where id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().hasNext()
                && state.equals(pool.preparedQuery("select state from program_copy where id = $1").execute(Tuple.of(id)).await()
                        .indefinitely().iterator().next().getString(0)));
        return id;
    }

    /** A person with a profile (participant.updated), awaited in the copy. */
    public static UUID participant(Pool pool, String tenant, String employeeId) {
        UUID id = UUID.randomUUID();
        publish(PARTICIPANTS, id.toString(), tenant, "participant.updated",
                "{\"participantId\":\"%s\",\"employeeId\":\"%s\",\"version\":1}".formatted(id, employeeId));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(pool, "select count(*) from participant_copy where id = $1", id) == 1);
        return id;
    }

    /** A person (by employee id) made an admin of the program, or taken off it; awaited in the copy. */
    public static void programAdmin(Pool pool, String tenant, UUID programId, String employeeId, boolean assigned) {
        publish(PROGRAMS, programId.toString(), tenant, assigned ? "program.admin-assigned" : "program.admin-unassigned", """
                {"programId":"%s","employeeId":"%s","at":"%s"}""".formatted(programId, employeeId, OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "select count(*) from program_admin_copy where program_id = $1 and employee_id = $2 and assigned")
                .execute(Tuple.of(programId, employeeId)).await().indefinitely().iterator().next().getLong(0) == (assigned ? 1 : 0));
    }

    private static long count(Pool pool, String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().indefinitely().iterator().next().getLong(0);
    }

    /** A partnership started some minutes ago, with an agreement of one goal (due in two months) in force. */
    public static Pair started(Pool pool) {
        return startedIn(pool, "t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Another new pair in this tenant. */
    public static Pair startedIn(Pool pool, String tenant) {
        return startedWith(pool, tenant, UUID.randomUUID(), "M-" + UUID.randomUUID().toString().substring(0, 6));
    }

    /** A new mentee of this mentor (new or already known) in this tenant. */
    public static Pair startedWith(Pool pool, String tenant, UUID mentorId, String mentorEmployee) {
        return startedWith(pool, tenant, mentorId, mentorEmployee, null);
    }

    /** Another new pair in this tenant, in a program. */
    public static Pair startedInProgram(Pool pool, String tenant, UUID programId) {
        return startedWith(pool, tenant, UUID.randomUUID(), "M-" + UUID.randomUUID().toString().substring(0, 6), programId);
    }

    /** A new mentee of this mentor in this tenant, in a program (null: from before programs). */
    public static Pair startedWith(Pool pool, String tenant, UUID mentorId, String mentorEmployee, UUID programId) {
        Pair pair = new Pair(tenant, UUID.randomUUID(), UUID.randomUUID(), "E-" + UUID.randomUUID().toString().substring(0, 6),
                mentorId, mentorEmployee, UUID.randomUUID());
        for (Object[] person : new Object[][] { { pair.menteeId(), pair.menteeEmployee() }, { pair.mentorId(), pair.mentorEmployee() },
                { UUID.randomUUID(), "STRANGER-1" } }) {
            publish(PARTICIPANTS, person[0].toString(), tenant, "participant.updated",
                    "{\"participantId\":\"%s\",\"employeeId\":\"%s\",\"version\":1}".formatted(person[0], person[1]));
        }
        publish(PARTNERSHIPS, pair.id().toString(), tenant, "partnership.started", """
                {"partnershipId":"%s","menteeId":"%s","mentorId":"%s","state":"ACTIVE","cadence":null,"at":"%s","programId":%s}"""
                .formatted(pair.id(), pair.menteeId(), pair.mentorId(), OffsetDateTime.now().minusMinutes(5),
                        programId == null ? "null" : "\"" + programId + "\""));
        publish(PARTNERSHIPS, pair.id().toString(), tenant, "agreement.in-force", """
                {"partnershipId":"%s","version":1,"cadence":"MONTHLY","sessionMinutes":60,"reviewDate":"%s",
                 "goals":[{"goalId":"%s","dueDate":"%s"}]}"""
                .formatted(pair.id(), LocalDate.now().plusMonths(6), pair.goalId(), LocalDate.now().plusMonths(2)));
        goalTexts(pair, 1, pair.goalId(), "Lead a release");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(pool,
                "select count(*) from goal g join partnership_copy p on p.id = g.partnership_id where p.id = $1 and p.mentee_id is not null"
                        + " and g.in_force and g.title is not null",
                pair.id()) == 1 && count(pool, "select count(*) from participant_copy where id = $1", pair.mentorId()) == 1
                && count(pool, "select count(*) from participant_copy where id = $1", pair.menteeId()) == 1
                && count(pool, "select count(*) from participant_copy where employee_id = 'STRANGER-1' and tenant = $1", tenant) >= 1);
        return pair;
    }

    /** The words of a goal of an agreement version, as matching-service publishes them on the internal topic. */
    public static void goalTexts(Pair pair, int version, UUID goalId, String title) {
        publish(AGREEMENT_TEXTS, pair.id().toString(), pair.tenant(), "agreement.goal-texts", """
                {"partnershipId":"%s","version":%d,"goals":[{"goalId":"%s","title":"%s","measure":"releases","target":"1"}]}"""
                .formatted(pair.id(), version, goalId, title));
    }

    /** A session of the pair as session-service publishes it, in a state; awaited in the copy. */
    public static UUID session(Pool pool, Pair pair, String type, String state, OffsetDateTime start, Boolean late, int sequence) {
        UUID id = UUID.randomUUID();
        sessionEvent(pair, id, type, state, start, late, sequence);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(pool, "select count(*) from session_copy where id = $1", id) == 1);
        return id;
    }

    public static void sessionEvent(Pair pair, UUID id, String type, String state, OffsetDateTime start, Boolean late, int sequence) {
        publish(SESSIONS, pair.id().toString(), pair.tenant(), type, """
                {"sessionId":"%s","partnershipId":"%s","menteeId":"%s","mentorId":"%s","startsAt":"%s","endsAt":"%s",
                 "timeZone":"UTC","durationMinutes":60,"mode":"VIDEO","state":"%s","cancelledLate":%s,"attendance":%s,"sequence":%d,"at":"%s"}"""
                .formatted(id, pair.id(), pair.menteeId(), pair.mentorId(), start, start.plusHours(1), state, late,
                        "COMPLETED".equals(state) ? "\"BOTH\"" : "null", sequence, OffsetDateTime.now()));
    }
}
