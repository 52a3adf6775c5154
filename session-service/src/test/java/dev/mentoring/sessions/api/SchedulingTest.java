package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import dev.mentoring.sessions.Partnerships;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
public class SchedulingTest {

    private static final String SESSIONS = "test.mentoring.session.v1";

    @Inject
    Pool pool;

    public static String body(LocalDateTime start, String zone, int minutes, String rrule) {
        return """
                {"start":"%s","timeZone":"%s","durationMinutes":%d,"mode":"VIDEO","placeOrLink":"https://meet.example.com/x"%s,
                 "agenda":["Goals for the quarter"]}"""
                .formatted(start, zone, minutes, rrule == null ? "" : ",\"rrule\":\"" + rrule + "\"");
    }

    public static ExtractableResponse<Response> schedule(String token, Partnerships.Pair pair, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/partnerships/" + pair.id() + "/sessions").then().extract();
    }

    private static LocalDateTime inDays(int days, int hour) {
        return LocalDate.now().plusDays(days).atTime(hour, 0);
    }

    @Test
    void aMonthlySeriesOnTheFirstTuesdayKeepsItsLocalTimeAcrossDaylightSaving() {
        Partnerships.Pair pair = Partnerships.started(pool);
        // six first Tuesdays from the next November: November to April crosses the change in late March
        LocalDate november = LocalDate.now().withMonth(11).withDayOfMonth(1);
        if (!november.isAfter(LocalDate.now())) {
            november = november.plusYears(1);
        }
        LocalDate first = november.with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY));
        try (TopicReader events = new TopicReader(SESSIONS)) {
            var answer = schedule(pair.mentee(), pair, body(first.atTime(17, 0), "Europe/Copenhagen", 90, "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"));
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
            List<String> starts = answer.path("sessions.startsAt");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                LocalDate day = first.plusMonths(i).with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY));
                expected.add(day.atTime(17, 0).atZone(ZoneId.of("Europe/Copenhagen")).toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC).toString());
            }
            assertThat(starts.stream().map(s -> OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toString()).toList())
                    .isEqualTo(expected);
            assertThat(expected.get(0)).endsWith("T16:00Z");
            assertThat(expected.get(5)).endsWith("T15:00Z"); // April: summer time
            assertThat(answer.<List<String>>path("sessions.start.local")).allSatisfy(local -> assertThat(local).endsWith("T17:00:00"));
            assertThat(answer.<String>path("seriesId")).isNotNull();
            String seriesId = answer.path("seriesId");
            var scheduled = events.collect(r -> pair.id().toString().equals(r.key()), 6, Duration.ofSeconds(20));
            assertThat(scheduled).hasSize(6).allSatisfy(r -> {
                assertThat(r.value()).contains("session.scheduled").contains(seriesId)
                        .doesNotContain("Goals for the quarter");
            });
        }
    }

    @Test
    void aPersonCannotBeInTwoOverlappingSessionsAcrossPartnerships() {
        Partnerships.Pair first = Partnerships.started(pool);
        Partnerships.Pair second = Partnerships.anotherMentee(pool, first);
        String sessionId = schedule(first.mentee(), first, body(inDays(10, 10), "Europe/Copenhagen", 60, null)).path("sessions[0].id");
        // the mentor's other mentee asks for 10:30 in Berlin's zone (same offset): overlaps
        var clash = schedule(second.mentee(), second, body(inDays(10, 10).plusMinutes(30), "Europe/Berlin", 60, null));
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.contentType()).startsWith("application/problem+json");
        assertThat(clash.<String>path("detail")).contains(sessionId);
        // right after it is fine (and a session needs no agenda)
        assertThat(schedule(second.mentee(), second, body(inDays(10, 11), "Europe/Copenhagen", 60, null)
                .replace(",\n \"agenda\":[\"Goals for the quarter\"]", "")).statusCode()).isEqualTo(201);
    }

    @Test
    void concurrentRequestsForOneSlotBookItOnce() throws Exception {
        Partnerships.Pair first = Partnerships.started(pool);
        List<Partnerships.Pair> pairs = new ArrayList<>(List.of(first));
        for (int i = 0; i < 5; i++) {
            pairs.add(Partnerships.anotherMentee(pool, first));
        }
        ExecutorService threads = Executors.newFixedThreadPool(pairs.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Partnerships.Pair pair : pairs) {
                Callable<Integer> call = () -> schedule(pair.mentee(), pair, body(inDays(20, 9), "Europe/Copenhagen", 60, null)).statusCode();
                answers.add(threads.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            threads.shutdown();
        }
        long booked = pool.preparedQuery("select count(*) from session_booking where participant_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(first.mentorId())).await().indefinitely().iterator().next().getLong(0);
        assertThat(booked).isEqualTo(1);
    }

    @Test
    void movingCancellingAndCompleting() {
        Partnerships.Pair pair = Partnerships.started(pool);
        List<String> ids = schedule(pair.mentee(), pair, body(inDays(30, 9), "Europe/Copenhagen", 60, "FREQ=WEEKLY;COUNT=4")).path("sessions.id");
        String auth = pair.mentor();
        // one occurrence moves
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{\"start\":\"" + inDays(31, 14) + "\"}")
                .post("/" + ids.get(1) + "/rescheduling").then().statusCode(200)
                .body("start.local", equalTo(inDays(31, 14) + ":00")).body("sequence", equalTo(1));
        // this and following move an hour later
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"start\":\"" + inDays(44, 10) + "\",\"scope\":\"THIS_AND_FOLLOWING\"}")
                .post("/" + ids.get(2) + "/rescheduling").then().statusCode(200).body("start.local", equalTo(inDays(44, 10) + ":00"));
        given().header("Authorization", auth).get("/" + ids.get(3)).then().statusCode(200)
                .body("start.local", equalTo(inDays(51, 10) + ":00"));
        // a cancellation far ahead is not late; the first one is cancelled by the mentor
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{\"reasonCategory\":\"WORKLOAD\"}")
                .post("/" + ids.get(0) + "/cancellation").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("cancellation.late", equalTo(false)).body("cancellation.by", equalTo("MENTOR"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{\"reasonCategory\":\"WORKLOAD\"}")
                .post("/" + ids.get(0) + "/cancellation").then().statusCode(409);
        // a future session cannot be marked done; a past one (recorded afterwards) can
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{\"attendance\":\"BOTH\"}")
                .post("/" + ids.get(3) + "/completion").then().statusCode(409);
        String past = schedule(pair.mentee(), pair, body(inDays(-2, 17), "Europe/Copenhagen", 60, null)).path("sessions[0].id");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"attendance\":\"BOTH\",\"actualMinutes\":75}")
                .post("/" + past + "/completion").then().statusCode(200).body("state", equalTo("COMPLETED")).body("actualMinutes", equalTo(75));
        String missed = schedule(pair.mentee(), pair, body(inDays(-3, 17), "Europe/Copenhagen", 60, null)).path("sessions[0].id");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"attendance\":\"MENTOR_ABSENT\"}")
                .post("/" + missed + "/completion").then().statusCode(200).body("state", equalTo("NO_SHOW"));
        // a late cancellation
        String soon = schedule(pair.mentee(), pair, body(LocalDateTime.now(ZoneId.of("Europe/Copenhagen")).plusHours(3).withSecond(0).withNano(0),
                "Europe/Copenhagen", 30, null)).path("sessions[0].id");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"reasonCategory\":\"ILLNESS\"}")
                .post("/" + soon + "/cancellation").then().statusCode(200).body("cancellation.late", equalTo(true));
        // my list, by date range
        given().header("Authorization", pair.mentee()).queryParam("from", OffsetDateTime.now().minusDays(5).toString())
                .queryParam("limit", 2).get("/").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSessionAnswersItsETagAndAnIfMatchThatIsNotTheLatestChangesNothing() {
        Partnerships.Pair pair = Partnerships.started(pool);
        List<String> ids = schedule(pair.mentee(), pair, body(inDays(15, 9), "Europe/Copenhagen", 60, "FREQ=WEEKLY;COUNT=3"))
                .path("sessions.id");
        String id = ids.get(0);
        given().header("Authorization", pair.mentor()).get("/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1));
        // a move with the ETag read: the version is raised, and the answer and a new read say so
        given().header("Authorization", pair.mentor()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"start\":\"" + inDays(15, 11) + "\"}").post("/" + id + "/rescheduling").then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2));
        given().header("Authorization", pair.mentee()).get("/" + id).then().statusCode(200).header("ETag", "\"2\"");
        // the mentee still holds version 1: moving, cancelling or completing with it is 412 and changes nothing
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"start\":\"" + inDays(15, 14) + "\"}").post("/" + id + "/rescheduling").then().statusCode(412)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"WORKLOAD\"}").post("/" + id + "/cancellation").then().statusCode(412);
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"attendance\":\"BOTH\"}").post("/" + id + "/completion").then().statusCode(412);
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"start\":\"" + inDays(22, 14) + "\",\"scope\":\"THIS_AND_FOLLOWING\"}").post("/" + ids.get(1) + "/rescheduling")
                .then().statusCode(200);
        given().header("Authorization", pair.mentee()).get("/" + id).then().statusCode(200)
                .body("state", equalTo("SCHEDULED")).body("start.local", equalTo(inDays(15, 11) + ":00")).header("ETag", "\"2\"");
        // without If-Match the last change wins (it is optional for a session)
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"reasonCategory\":\"WORKLOAD\"}")
                .post("/" + id + "/cancellation").then().statusCode(200).header("ETag", "\"3\"").body("state", equalTo("CANCELLED"));
        // a stranger's If-Match changes nothing and tells nothing: 404 first
        given().header("Authorization", pair.stranger()).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body("{\"attendance\":\"BOTH\"}").post("/" + ids.get(2) + "/completion").then().statusCode(404);
        // a completion with the latest ETag: a past session, recorded afterwards
        String past = schedule(pair.mentee(), pair, body(inDays(-2, 8), "Europe/Copenhagen", 60, null)).path("sessions[0].id");
        given().header("Authorization", pair.mentee()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"attendance\":\"BOTH\"}").post("/" + past + "/completion").then().statusCode(200)
                .header("ETag", "\"2\"").body("state", equalTo("COMPLETED"));
    }

    @Test
    void cancellingThisAndFollowingEndsTheSeriesThereAndFreesTheSlots() {
        Partnerships.Pair pair = Partnerships.started(pool);
        List<String> ids = schedule(pair.mentee(), pair, body(inDays(20, 8), "UTC", 60, "FREQ=WEEKLY;COUNT=4")).path("sessions.id");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"WORKLOAD\",\"scope\":\"THIS_AND_FOLLOWING\"}")
                .post("/" + ids.get(1) + "/cancellation").then().statusCode(200).body("state", equalTo("CANCELLED"));
        given().header("Authorization", pair.mentor()).get("/" + ids.get(0)).then().statusCode(200).body("state", equalTo("SCHEDULED"));
        for (String id : ids.subList(1, 4)) {
            given().header("Authorization", pair.mentor()).get("/" + id).then().statusCode(200)
                    .body("state", equalTo("CANCELLED")).body("cancellation.by", equalTo("MENTEE"));
        }
        // the cancelled occurrences' time is free again for both
        assertThat(schedule(pair.mentor(), pair, body(inDays(27, 8), "UTC", 60, null)).statusCode()).isEqualTo(201);
        // a session not in a series has no following ones
        String single = schedule(pair.mentee(), pair, body(inDays(40, 8), "UTC", 60, null)).path("sessions[0].id");
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"WORKLOAD\",\"scope\":\"THIS_AND_FOLLOWING\"}")
                .post("/" + single + "/cancellation").then().statusCode(422).body("errors[0].field", equalTo("scope"));
    }

    @Test
    void myListPagesThroughTheRangeInOrderOfStart() {
        Partnerships.Pair pair = Partnerships.started(pool);
        List<String> ids = schedule(pair.mentee(), pair, body(inDays(10, 8), "UTC", 30, "FREQ=WEEKLY;COUNT=5")).path("sessions.id");
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            var request = given().header("Authorization", pair.mentor()).queryParam("from", OffsetDateTime.now().plusDays(9).toString())
                    .queryParam("to", OffsetDateTime.now().plusDays(33).toString()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var answer = request.get("/").then().statusCode(200).extract();
            seen.addAll(answer.path("items.id"));
            cursor = answer.path("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        // five weekly sessions from day 10: days 10, 17, 24 and 31 lie within the range, day 38 beyond it
        assertThat(seen).containsExactlyElementsOf(ids.subList(0, 4));
    }

    @Test
    void strangersAndAdminsSeeNoSessionsContent() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String id = schedule(pair.mentee(), pair, body(inDays(12, 12), "Europe/Copenhagen", 60, null)).path("sessions[0].id");
        given().header("Authorization", pair.stranger()).get("/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", pair.stranger()).contentType(ContentType.JSON).body(body(inDays(12, 15), "UTC", 60, null))
                .post("/partnerships/" + pair.id() + "/sessions").then().statusCode(404);
        Partnerships.Pair other = Partnerships.started(pool);
        given().header("Authorization", other.mentee()).get("/" + id).then().statusCode(404);
        given().header("Authorization", pair.admin()).get("/" + id).then().statusCode(403);
        given().header("Authorization", pair.admin()).get("/").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items[0].agenda", nullValue())
                .body(org.hamcrest.Matchers.not(containsString("Goals for the quarter")))
                .body(org.hamcrest.Matchers.not(containsString("meet.example.com")));
    }

    @Test
    void badInputIsRefusedWithProblemsNamingTheField() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String base = "/partnerships/" + pair.id() + "/sessions";
        record Case(String body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case(body(inDays(5, 10), "Nowhere/Land", 60, null), 400, "timeZone"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 5, null), 400, "durationMinutes"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 241, null), 400, "durationMinutes"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, null).replace(inDays(5, 10).toString(), "2027-02-30T10:00"), 400, "start"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, "FREQ=DAILY;COUNT=3"), 422, "rrule"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, "FREQ=WEEKLY"), 422, "rrule"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, "FREQ=WEEKLY;COUNT=60"), 422, "rrule"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, "FREQ=WEEKLY;UNTIL=20991231T000000Z"), 422, "rrule"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, "FREQ=MONTHLY;BYHOUR=3;COUNT=2"), 422, "rrule"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, "NOT A RULE"), 422, "rrule"),
                new Case(body(inDays(-40, 10), "Europe/Copenhagen", 60, null), 422, "start"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, "FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=1MO;COUNT=2"), 422, "rrule"),
                new Case(body(inDays(5, 10).plusYears(3), "Europe/Copenhagen", 60, null), 422, "start"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, null).replace(inDays(5, 10).toString(), "+999999999-12-31T10:00"), 422, "start"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, null).replace("\"VIDEO\"", "\"TELEPATHY\""), 400, "mode"),
                new Case(body(inDays(5, 10), "Europe/Copenhagen", 60, null).replace(",\"placeOrLink\":\"https://meet.example.com/x\"", ""), 400, "placeOrLink"));
        for (Case c : cases) {
            var answer = given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body(c.body()).post(base)
                    .then().extract();
            assertThat(answer.statusCode()).as(c.body() + " -> " + answer.asString()).isEqualTo(c.status());
            assertThat(answer.contentType()).startsWith("application/problem+json");
            if (c.field() != null) {
                assertThat(answer.asString()).as(c.body()).contains(c.field());
            }
        }
        // a malformed date in a list's range names the parameter (not a 404, as JAX-RS alone would answer)
        for (String[] list : List.of(new String[] { "/", pair.mentee() }, new String[] { "/", pair.admin() },
                new String[] { "/partnerships/" + pair.id() + "/sessions", pair.mentee() })) {
            String token = list[1];
            given().header("Authorization", token).queryParam("from", "yesterday").get(list[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
            given().header("Authorization", token).queryParam("to", "2027-13-01T00:00:00Z").get(list[0]).then().statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
            given().header("Authorization", token).queryParam("limit", 0).get(list[0]).then().statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
            given().header("Authorization", token).queryParam("cursor", "bm90LWEta2V5").get(list[0]).then().statusCode(400)
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        }
        long written = pool.preparedQuery("select count(*) from mentoring_session where partnership_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(pair.id())).await().indefinitely().iterator().next().getLong(0);
        assertThat(written).isZero();
    }
}
