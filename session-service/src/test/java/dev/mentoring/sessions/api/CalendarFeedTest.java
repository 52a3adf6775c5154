package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.sessions.Partnerships;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarFeedTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Inject
    Pool pool;

    static String value(Component component, String property) {
        return component.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    @Test
    void theFeedHasEverySessionWithItsSeriesExceptionsOverridesAndZones() throws Exception {
        Partnerships.Pair pair = Partnerships.started(pool);
        LocalDate november = LocalDate.now().withMonth(11).withDayOfMonth(1);
        if (!november.isAfter(LocalDate.now())) {
            november = november.plusYears(1);
        }
        LocalDateTime first = november.with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY)).atTime(17, 0);
        var series = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(first, "Europe/Copenhagen", 90,
                "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"));
        String seriesId = series.path("seriesId");
        List<String> ids = series.path("sessions.id");
        String single = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().plusDays(3).atTime(9, 30),
                "America/New_York", 45, null)).path("sessions[0].id");
        LocalDateTime moved = first.plusMonths(1).plusDays(2).withHour(18);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"start\":\"" + moved + "\"}")
                .post("/" + ids.get(1) + "/rescheduling").then().statusCode(200);
        given().header("Authorization", pair.mentee()).contentType(ContentType.JSON).body("{\"reasonCategory\":\"ILLNESS\"}")
                .post("/" + ids.get(2) + "/cancellation").then().statusCode(200);
        given().header("Authorization", pair.mentor()).contentType(ContentType.JSON).body("{\"reasonCategory\":\"WORKLOAD\"}")
                .post("/" + single + "/cancellation").then().statusCode(200);

        String text = given().header("Authorization", pair.mentor()).get("/calendar").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        Calendar calendar = parse(text);
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones.stream().map(z -> value(z, Property.TZID)).toList()).containsExactlyInAnyOrder("Europe/Copenhagen", "America/New_York");
        assertThat(zones.stream().filter(z -> value(z, Property.TZID).equals("Europe/Copenhagen")).findFirst().orElseThrow()
                .getObservances()).hasSize(2);

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        VEvent singleEvent = events.stream().filter(e -> value(e, Property.UID).equals(single + "@mentoring-platform")).findFirst().orElseThrow();
        assertThat(value(singleEvent, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(singleEvent, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(singleEvent, Property.DURATION)).isEqualTo("PT45M");

        List<VEvent> ofSeries = events.stream().filter(e -> value(e, Property.UID).equals(seriesId + "@mentoring-platform")).toList();
        VEvent master = ofSeries.stream().filter(e -> value(e, Property.RRULE) != null).findFirst().orElseThrow();
        assertThat(value(master, Property.RRULE)).contains("FREQ=MONTHLY").contains("BYDAY=1TU").contains("COUNT=6");
        assertThat(value(master, Property.DTSTART)).isEqualTo(LOCAL.format(first));
        assertThat(master.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Copenhagen");
        assertThat(value(master, Property.EXDATE)).isEqualTo(LOCAL.format(first.plusMonths(2).with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY)).withHour(17)));
        assertThat(value(master, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(master, Property.SEQUENCE)).isEqualTo("1"); // raised by the cancellation (an EXDATE more)
        VEvent override = ofSeries.stream().filter(e -> value(e, Property.RECURRENCE_ID) != null).findFirst().orElseThrow();
        assertThat(value(override, Property.RECURRENCE_ID)).isEqualTo(LOCAL.format(first.plusMonths(1)
                .with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY)).withHour(17)));
        assertThat(value(override, Property.DTSTART)).isEqualTo(LOCAL.format(moved));
        assertThat(value(override, Property.SEQUENCE)).isEqualTo("1");
        assertThat(override.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Copenhagen");
        assertThat(value(master, Property.DURATION)).isEqualTo("PT1H30M");
        assertThat(value(master, Property.LOCATION)).isEqualTo("https://meet.example.com/x");
        assertThat(value(master, Property.DTSTAMP)).isNotNull();
        // the zone's rules as calendar apps read them: CET +0100 in winter, CEST +0200 in summer
        VTimeZone copenhagen = zones.stream().filter(z -> value(z, Property.TZID).equals("Europe/Copenhagen")).findFirst().orElseThrow();
        assertThat(copenhagen.getObservances().stream().map(o -> value(o, Property.TZOFFSETTO)).toList())
                .containsExactlyInAnyOrder("+0100", "+0200");
        // what a calendar app makes of it is what the API says: the master expands to every occurrence but the
        // cancelled one (EXDATE); the moved one's instance is replaced by the override (RECURRENCE-ID)
        List<String> api = given().header("Authorization", pair.mentor()).queryParam("from", first.minusDays(1).atZone(java.time.ZoneId.of("Europe/Copenhagen")).toOffsetDateTime().toString())
                .queryParam("limit", 50).get("/partnerships/" + pair.id() + "/sessions").then().statusCode(200).extract()
                .path("items.findAll { it.state == 'SCHEDULED' && it.seriesId != null }.startsAt");
        var period = new net.fortuna.ical4j.model.Period<java.time.ZonedDateTime>(first.minusDays(1).atZone(java.time.ZoneId.of("UTC")),
                first.plusYears(1).atZone(java.time.ZoneId.of("UTC")));
        List<java.time.Instant> expanded = master.<java.time.temporal.Temporal>calculateRecurrenceSet(period).stream()
                .map(p -> java.time.Instant.from(p.getStart())).sorted().toList();
        assertThat(expanded).hasSize(5);
        List<java.time.Instant> scheduled = api.stream().map(t -> java.time.OffsetDateTime.parse(t).toInstant()).toList();
        assertThat(scheduled).hasSize(5);
        assertThat(scheduled.stream().filter(expanded::contains).toList()).as("unmoved occurrences, in the feed as in the API").hasSize(4);
        assertThat(scheduled).contains(moved.atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant());
        assertThat(expanded).contains(first.plusMonths(1).with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY)).withHour(17)
                .atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant());
        assertThat(ofSeries).hasSize(2);
        assertThat(text).doesNotContain("Goals for the quarter");
    }

    @Test
    void theSecretFeedUrlWorksWithoutATokenUntilItIsRenewedOrRevoked() throws Exception {
        Partnerships.Pair pair = Partnerships.started(pool);
        SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().plusDays(4).atTime(9, 0), "UTC", 30, null));
        String url = given().header("Authorization", pair.mentee()).post("/calendar-feed").then().statusCode(200).extract().path("url");
        String secret = url.substring(url.lastIndexOf('/') + 1);
        assertThat(secret).hasSizeGreaterThan(40);
        // only the secret's SHA-256 is stored
        String stored = pool.preparedQuery("select secret_hash from calendar_feed where participant_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(pair.menteeId())).await().indefinitely().iterator().next().getString(0);
        assertThat(stored).isNotEqualTo(secret).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String feed = given().get("/calendar-feeds/" + secret).then().statusCode(200).extract().asString();
        assertThat(parse(feed).getComponents(Component.VEVENT)).hasSize(1);

        String renewed = given().header("Authorization", pair.mentee()).post("/calendar-feed").then().statusCode(200).extract().path("url");
        given().get("/calendar-feeds/" + secret).then().statusCode(404).contentType("application/problem+json");
        String newSecret = renewed.substring(renewed.lastIndexOf('/') + 1);
        given().get("/calendar-feeds/" + newSecret).then().statusCode(200);
        given().header("Authorization", pair.mentee()).delete("/calendar-feed").then().statusCode(204);
        given().get("/calendar-feeds/" + newSecret).then().statusCode(404);
        // revoked: the person has no feed row at all any more
        assertThat(pool.preparedQuery("select count(*) from calendar_feed where participant_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(pair.menteeId())).await().indefinitely().iterator().next().getLong(0)).isZero();
    }

    @Test
    void aSeriesStartsInTheCalendarOnItsFirstOccurrenceNotOnTheDayAskedFor() throws Exception {
        Partnerships.Pair pair = Partnerships.started(pool);
        // asked for a Monday, the rule meets on Tuesdays: the first session, and the master's DTSTART, are the Tuesday
        LocalDate monday = LocalDate.now().plusDays(7).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        var series = SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(monday.atTime(8, 0), "UTC", 30,
                "FREQ=WEEKLY;BYDAY=TU;COUNT=2"));
        assertThat(series.statusCode()).isEqualTo(201);
        String seriesId = series.path("seriesId");
        assertThat(series.<String>path("sessions[0].start.local")).startsWith(monday.plusDays(1).toString());
        Calendar calendar = parse(given().header("Authorization", pair.mentee()).get("/calendar").then().statusCode(200).extract().asString());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        VEvent master = events.stream().filter(e -> value(e, Property.UID).startsWith(seriesId)).findFirst().orElseThrow();
        assertThat(value(master, Property.DTSTART)).isEqualTo(LOCAL.format(monday.plusDays(1).atTime(8, 0)));
    }
}
