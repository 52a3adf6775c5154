package dev.mentoring.sessions.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.MovableClock;
import dev.mentoring.plumbing.testing.TopicReader;
import dev.mentoring.sessions.Partnerships;
import dev.mentoring.sessions.api.SchedulingTest;
import dev.mentoring.sessions.persistence.DueReminder;
import dev.mentoring.sessions.persistence.SessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The scheduled jobs, run as two instances would run them: at once, and again later. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class JobsTest {

    @Inject
    Pool pool;

    @Inject
    Reminders reminders;

    @Inject
    ActionItems actionItems;

    @Inject
    SessionRepository sessions;

    private static void twoPassesAtOnce(java.util.function.Supplier<Uni<Integer>> pass) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> call = () -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(pass);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            Future<Integer> first = two.submit(call);
            Future<Integer> second = two.submit(call);
            first.get();
            second.get();
        } finally {
            two.shutdown();
        }
    }

    @Test
    void eachOccurrenceGetsItsRemindersExactlyOnce() throws Throwable {
        Partnerships.Pair pair = Partnerships.started(pool);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        String inAnHour = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(now.plusMinutes(50), "UTC", 30, null)).path("sessions[0].id");
        String tomorrow = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(now.plusHours(23), "UTC", 30, null)).path("sessions[0].id");
        String later = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(now.plusDays(3), "UTC", 30, null)).path("sessions[0].id");
        try (TopicReader events = new TopicReader("test.mentoring.session.v1")) {
            twoPassesAtOnce(reminders::publishDue);
            twoPassesAtOnce(reminders::publishDue);
            VertxContextSupport.subscribeAndAwait(reminders::publishDue);
            var published = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("session.reminder-due"), 2);
            assertThat(published).hasSize(2);
            assertThat(published).anySatisfy(r -> assertThat(r.value()).contains(inAnHour).contains("PT1H"));
            assertThat(published).anySatisfy(r -> assertThat(r.value()).contains(tomorrow).contains("PT24H"));
            assertThat(published).noneSatisfy(r -> assertThat(r.value()).contains(later));
        }
        // moved into the next hour, the session gets a reminder for its new time
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"start\":\"" + now.plusMinutes(10) + "\"}").post("/" + tomorrow + "/rescheduling").then().statusCode(200);
        try (TopicReader events = new TopicReader("test.mentoring.session.v1")) {
            VertxContextSupport.subscribeAndAwait(reminders::publishDue);
            var published = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("session.reminder-due"), 1);
            assertThat(published).hasSize(1);
            assertThat(published.get(0).value()).contains(tomorrow).contains("PT1H");
        }
    }

    /**
     * A pass's hour claim may run before a session within the hour commits, and its day claim after it (each statement
     * sees what has committed by then): the day claim leaves that session to the hour one, which reminds it 1 hour ahead.
     * Before, such a session got a 24-hour reminder, minutes before it started (an e2e run found it).
     */
    @Test
    void aSessionWithinTheHourIsLeftByTheDayClaimToTheHourOne() throws Throwable {
        Partnerships.Pair pair = Partnerships.started(pool);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        UUID soon = UUID.fromString(SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(now.plusMinutes(30), "UTC", 30, null))
                .path("sessions[0].id"));
        UUID tomorrow = UUID.fromString(SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(now.plusHours(23), "UTC", 30, null))
                .path("sessions[0].id"));
        java.time.OffsetDateTime at = java.time.OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> day = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> sessions.claimDayReminders(at)))
                .stream().map(DueReminder::sessionId).toList();
        assertThat(day).contains(tomorrow).doesNotContain(soon);
        List<UUID> hour = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> sessions.claimHourReminders(at)))
                .stream().map(DueReminder::sessionId).toList();
        assertThat(hour).contains(soon).doesNotContain(tomorrow);
    }

    @Test
    void anOverdueActionItemIsPublishedOnceAndADoneOneNever() throws Throwable {
        Partnerships.Pair pair = Partnerships.started(pool);
        String overdue = given().header("Authorization", pair.mentor()).contentType(ContentType.JSON)
                .body("{\"title\":\"Draft the promotion case\",\"assignee\":\"MENTEE\",\"dueDate\":\"" + LocalDate.now().plusDays(1) + "\"}")
                .post("/partnerships/" + pair.id() + "/action-items").then().statusCode(201).extract().path("id");
        String done = given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"title\":\"Share the article\",\"assignee\":\"MENTOR\",\"dueDate\":\"" + LocalDate.now().plusDays(1) + "\"}")
                .post("/partnerships/" + pair.id() + "/action-items").then().statusCode(201).extract().path("id");
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{\"state\":\"DONE\"}")
                .put("/partnerships/" + pair.id() + "/action-items/" + done).then().statusCode(200);
        // three days pass: the one still open is overdue
        MovableClock.advance(Duration.ofDays(3));
        try (TopicReader events = new TopicReader("test.mentoring.session.v1")) {
            twoPassesAtOnce(actionItems::publishOverdue);
            VertxContextSupport.subscribeAndAwait(actionItems::publishOverdue);
            var published = events.settled(r -> pair.id().toString().equals(r.key()) && r.value().contains("action-item.overdue"), 1);
            assertThat(published).hasSize(1);
            assertThat(published.get(0).value()).contains(overdue).doesNotContain("promotion case");
            List<Boolean> flags = given().header("Authorization", pair.mentee()).get("/partnerships/" + pair.id() + "/action-items")
                    .then().statusCode(200).extract().path("items.overdue");
            assertThat(flags).containsExactly(true, false);
        } finally {
            MovableClock.reset();
        }
        given().header("Authorization", pair.stranger()).get("/partnerships/" + pair.id() + "/action-items").then().statusCode(404);
        assertThat(UUID.fromString(overdue)).isNotNull();
    }
}
