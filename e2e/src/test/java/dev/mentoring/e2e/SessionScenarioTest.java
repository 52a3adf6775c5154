package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The sessions scenario through the gateway with real tokens, after the partnership scenario: the mentee
 * schedules a monthly series of six sessions on the first Tuesday at 17:00 Europe/Copenhagen across a
 * daylight-saving change; the occurrences are right in UTC; a clashing session is refused; one occurrence
 * is moved, one cancelled, and one (recorded as having taken place in the last days) completed; the calendar
 * feed parses and matches; an action item is set and done, a missed meeting is a no-show, one within the
 * hour is reminded of; the events arrive in order and each is valid against its schema; notes stay
 * confidential, also in the database.
 */
class SessionScenarioTest {

    private static final String MENTEE = "globex-mentee2";
    private static final String MENTOR = "globex-mentor3";
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter ICAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private static LocalDate firstTuesday(LocalDate month) {
        return month.with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
    }

    private static String value(Component component, String property) {
        return component.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    /** Schedules once session-service knows the partnership (its events may still be on their way). */
    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> schedule(String partnership, String body)
            throws InterruptedException {
        return Platform.eventually(() -> Platform.as(MENTEE).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sessions/partnerships/" + partnership + "/sessions").then().extract(), 404, 403);
    }

    private static String psql(String sql) throws Exception {
        String suffix = Files.exists(Platform.RUN_DIR.resolve("db-suffix")) ? Files.readString(Platform.RUN_DIR.resolve("db-suffix")).trim() : "";
        Process process = new ProcessBuilder("su", "postgres", "-c", "psql -d sessions" + suffix + " -tA -c \"" + sql + "\"")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void aMonthlySeriesAcrossDaylightSavingIsScheduledMovedCancelledCompletedAndInTheCalendar() throws Exception {
        String partnership = Pairs.start(MENTEE, MENTOR);
        // six first Tuesdays from November on cross the change to summer time at the end of March
        LocalDate thisNovember = LocalDate.now().withMonth(11).withDayOfMonth(1);
        LocalDate november = thisNovember.isAfter(LocalDate.now()) ? thisNovember : thisNovember.plusYears(1);
        LocalDateTime first = firstTuesday(november).atTime(17, 0);
        try (TopicReader analytics = new TopicReader(Platform.KAFKA, "mentoring.session.v1")) {
            var series = schedule(partnership, """
                    {"start":"%s","timeZone":"Europe/Copenhagen","durationMinutes":90,"mode":"VIDEO",
                     "placeOrLink":"https://meet.example.com/globex","rrule":"FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
                     "agenda":["Where I stand with my goals"]}""".formatted(first));
            assertThat(series.statusCode()).as(series.asString()).isEqualTo(201);
            String seriesId = series.path("seriesId");
            List<String> ids = series.path("sessions.id");
            List<String> starts = series.path("sessions.startsAt");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                expected.add(firstTuesday(november.plusMonths(i)).atTime(17, 0).atZone(COPENHAGEN).toInstant().toString());
            }
            assertThat(starts.stream().map(s -> OffsetDateTime.parse(s).toInstant().toString()).toList()).isEqualTo(expected);
            assertThat(expected.get(0)).endsWith("T16:00:00Z"); // winter: UTC+1
            assertThat(expected.get(5)).endsWith("T15:00:00Z"); // April: summer time, UTC+2

            // a clashing session is refused, naming the occurrence it overlaps
            Platform.as(MENTEE).contentType(ContentType.JSON).body("""
                    {"start":"%s","timeZone":"UTC","durationMinutes":60,"mode":"PHONE"}""".formatted(
                    OffsetDateTime.parse(starts.get(3)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().plusMinutes(30)))
                    .post("/api/v1/sessions/partnerships/" + partnership + "/sessions")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString(ids.get(3)));

            // one occurrence moves (two days later, 18:00), one is cancelled by the mentor
            LocalDateTime moved = firstTuesday(november.plusMonths(1)).plusDays(2).atTime(18, 0);
            Platform.as(MENTEE).contentType(ContentType.JSON).body("{\"start\":\"" + moved + "\"}")
                    .post("/api/v1/sessions/" + ids.get(1) + "/rescheduling").then().statusCode(200)
                    .body("start.local", equalTo(moved + ":00"));
            Platform.as(MENTOR).contentType(ContentType.JSON).body("{\"reasonCategory\":\"WORKLOAD\"}")
                    .post("/api/v1/sessions/" + ids.get(2) + "/cancellation").then().statusCode(200)
                    .body("state", equalTo("CANCELLED")).body("cancellation.late", equalTo(false));
            // the first took place early, in the last days (a random hour, so that runs against one database do not
            // meet their own earlier records): recorded so, then marked done
            java.util.Random random = new java.util.Random();
            LocalDateTime yesterday = LocalDate.now(COPENHAGEN).minusDays(1 + random.nextInt(12)).atTime(6 + random.nextInt(14), 0);
            Platform.as(MENTEE).contentType(ContentType.JSON).body("{\"start\":\"" + yesterday + "\"}")
                    .post("/api/v1/sessions/" + ids.get(0) + "/rescheduling").then().statusCode(200);
            Platform.as(MENTOR).contentType(ContentType.JSON).body("{\"attendance\":\"BOTH\",\"actualMinutes\":80}")
                    .post("/api/v1/sessions/" + ids.get(0) + "/completion").then().statusCode(200)
                    .body("state", equalTo("COMPLETED"));

            // notes: private stays private, nobody else reads any, the database holds no plaintext
            Platform.as(MENTEE).contentType(ContentType.JSON).body("{\"text\":\"Worried about the reorg\",\"visibility\":\"PRIVATE\"}")
                    .post("/api/v1/sessions/" + ids.get(0) + "/notes").then().statusCode(201);
            Platform.as(MENTOR).contentType(ContentType.JSON).body("{\"text\":\"Agreed: practise the pitch twice\"}")
                    .post("/api/v1/sessions/" + ids.get(0) + "/notes").then().statusCode(201);
            Platform.as(MENTOR).get("/api/v1/sessions/" + ids.get(0) + "/notes").then().statusCode(200)
                    .body("items.text", org.hamcrest.Matchers.contains("Agreed: practise the pitch twice"));
            Platform.as(MENTEE).get("/api/v1/sessions/" + ids.get(0) + "/notes").then().statusCode(200).body("items.size()", equalTo(2))
                    .body("nextCursor", org.hamcrest.Matchers.nullValue());
            Platform.as("globex-admin").get("/api/v1/sessions/" + ids.get(0) + "/notes").then().statusCode(403);
            Platform.as("globex-mentee4").get("/api/v1/sessions/" + ids.get(0) + "/notes").then().statusCode(404);
            Platform.as("acme-mentee4").get("/api/v1/sessions/" + ids.get(0)).then().statusCode(404);
            // every column as text, the encrypted bytes decoded as text too: no plaintext anywhere in the row
            String rows = psql("select t::text || encode(t.ciphertext, 'escape') || encode(t.nonce, 'escape') from session_note t"
                    + " where session_id = '" + ids.get(0) + "'");
            assertThat(rows).contains(ids.get(0)).doesNotContain("reorg").doesNotContain("pitch");
            // the collection (around the fourth occurrence): the tenant's sessions for a program admin, without place, link
            // or agenda; a person's own, with them
            Platform.as("globex-admin").queryParam("from", starts.get(3))
                    .queryParam("to", OffsetDateTime.parse(starts.get(3)).plusMinutes(1).toString())
                    .queryParam("limit", 200).get("/api/v1/sessions").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(ids.get(3)))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Where I stand")))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("meet.example.com")));
            Platform.as(MENTOR).queryParam("from", starts.get(3))
                    .queryParam("to", OffsetDateTime.parse(starts.get(3)).plusMinutes(1).toString())
                    .queryParam("limit", 200).get("/api/v1/sessions").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(ids.get(3)))
                    .body("items.find { it.id == '" + ids.get(3) + "' }.placeOrLink", equalTo("https://meet.example.com/globex"));
            Platform.as("globex-mentee4").queryParam("from", starts.get(3))
                    .queryParam("to", OffsetDateTime.parse(starts.get(3)).plusMinutes(1).toString())
                    .queryParam("limit", 200).get("/api/v1/sessions").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(ids.get(3))));

            // the calendar feed, with the token and through the secret URL without one
            String feed = Platform.as(MENTOR).get("/api/v1/sessions/calendar").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
            Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            List<VEvent> ofSeries = events.stream().filter(e -> value(e, Property.UID).equals(seriesId + "@mentoring-platform")).toList();
            VEvent master = ofSeries.stream().filter(e -> value(e, Property.RRULE) != null).findFirst().orElseThrow();
            assertThat(value(master, Property.RRULE)).contains("FREQ=MONTHLY").contains("BYDAY=1TU").contains("COUNT=6");
            assertThat(value(master, Property.DTSTART)).isEqualTo(ICAL.format(first));
            assertThat(master.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                    .isEqualTo("Europe/Copenhagen");
            assertThat(value(master, Property.EXDATE)).isEqualTo(ICAL.format(firstTuesday(november.plusMonths(2)).atTime(17, 0)));
            assertThat(Duration.parse(value(master, Property.DURATION))).isEqualTo(Duration.ofMinutes(90));
            VEvent override = ofSeries.stream().filter(e -> ICAL.format(firstTuesday(november.plusMonths(1)).atTime(17, 0))
                    .equals(value(e, Property.RECURRENCE_ID))).findFirst().orElseThrow();
            assertThat(value(override, Property.DTSTART)).isEqualTo(ICAL.format(moved));
            assertThat(Integer.parseInt(value(override, Property.SEQUENCE))).isPositive();
            List<net.fortuna.ical4j.model.component.VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
            assertThat(zones.stream().map(z -> value(z, Property.TZID)).toList()).contains("Europe/Copenhagen");
            String url = Platform.as(MENTOR).post("/api/v1/sessions/calendar-feed").then().statusCode(200).extract().path("url");
            String secretFeed = Platform.anonymous().get(url.substring(url.indexOf("/api/"))).then().statusCode(200).extract().asString();
            assertThat(new CalendarBuilder().build(new StringReader(secretFeed)).getComponents(Component.VEVENT)).hasSameSizeAs(events);
            Platform.as(MENTOR).delete("/api/v1/sessions/calendar-feed").then().statusCode(204);
            Platform.anonymous().get(url.substring(url.indexOf("/api/"))).then().statusCode(404);

            // between meetings: an action item, done; a meeting the mentee missed; one coming up within the hour
            var created = Platform.as(MENTOR).contentType(ContentType.JSON).body("""
                    {"title":"Draft the promotion case","assignee":"MENTEE","dueDate":"%s"}""".formatted(LocalDate.now().plusDays(10)))
                    .post("/api/v1/sessions/partnerships/" + partnership + "/action-items").then().statusCode(201).extract();
            String item = created.path("id");
            // an edit needs the item's ETag (428 without it), and the one it answers is stale for the next edit (412)
            Platform.as(MENTEE).contentType(ContentType.JSON).body("{\"state\":\"DONE\"}")
                    .put("/api/v1/sessions/partnerships/" + partnership + "/action-items/" + item).then().statusCode(428);
            Platform.as(MENTEE).header("If-Match", created.header("ETag")).contentType(ContentType.JSON).body("{\"state\":\"DONE\"}")
                    .put("/api/v1/sessions/partnerships/" + partnership + "/action-items/" + item).then().statusCode(200)
                    .header("ETag", org.hamcrest.Matchers.not(equalTo(created.header("ETag"))));
            Platform.as(MENTOR).header("If-Match", created.header("ETag")).contentType(ContentType.JSON).body("{\"state\":\"OPEN\"}")
                    .put("/api/v1/sessions/partnerships/" + partnership + "/action-items/" + item).then().statusCode(412)
                    .contentType("application/problem+json");
            LocalDateTime missedAt = yesterday.minusHours(3);
            String missed = Platform.as(MENTEE).contentType(ContentType.JSON).body("""
                    {"start":"%s","timeZone":"Europe/Copenhagen","durationMinutes":30,"mode":"PHONE"}""".formatted(missedAt))
                    .post("/api/v1/sessions/partnerships/" + partnership + "/sessions").then().statusCode(201).extract().path("sessions[0].id");
            Platform.as(MENTOR).contentType(ContentType.JSON).body("{\"attendance\":\"MENTEE_ABSENT\"}")
                    .post("/api/v1/sessions/" + missed + "/completion").then().statusCode(200).body("state", equalTo("NO_SHOW"));
            LocalDateTime soon = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(20 + random.nextInt(30)).withSecond(0).withNano(0);
            String upcoming = Platform.as(MENTEE).contentType(ContentType.JSON).body("""
                    {"start":"%s","timeZone":"UTC","durationMinutes":15,"mode":"PHONE"}""".formatted(soon))
                    .post("/api/v1/sessions/partnerships/" + partnership + "/sessions").then().statusCode(201).extract().path("sessions[0].id");
            // the reminder job (every minute) finds it within the hour: reminded once, 1 hour ahead
            ConsumerRecord<String, String> reminder = analytics.await(r -> partnership.equals(r.key())
                    && r.value().contains("\"session.reminder-due\"") && r.value().contains(upcoming), Duration.ofSeconds(120));
            assertThat(reminder).as("session.reminder-due for " + upcoming).isNotNull();
            assertThat(CloudEvents.assertValid(reminder).at("/data/leadTime").asText()).isEqualTo("PT1H");

            // the analytics view: in order under the partnership's key, each valid against its schema
            // (a reminder may be due meanwhile, when the first Tuesday is near; reminders run on their own clock)
            List<ConsumerRecord<String, String>> story = analytics.settled(r -> partnership.equals(r.key())
                    && !r.value().contains("\"session.reminder-due\""), 15);
            assertThat(story).extracting(r -> CloudEvents.assertValid(r).get("type").asText()).containsExactly(
                    "session.scheduled", "session.scheduled", "session.scheduled", "session.scheduled", "session.scheduled",
                    "session.scheduled", "session.rescheduled", "session.cancelled", "session.rescheduled", "session.completed",
                    "action-item.created", "action-item.completed", "session.scheduled", "session.no-show", "session.scheduled");
            assertThat(story).allSatisfy(r -> assertThat(r.value()).doesNotContain("Where I stand").doesNotContain("reorg")
                    .doesNotContain("promotion case"));
        }
    }
}
