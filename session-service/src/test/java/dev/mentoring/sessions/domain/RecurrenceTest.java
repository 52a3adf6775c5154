package dev.mentoring.sessions.domain;

import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The recurrence rules in plain Java: expansion in local time, the supported set and its limits. */
class RecurrenceTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private static List<ZonedDateTime> expand(String rule, LocalDateTime first) {
        return Recurrence.parse(rule).occurrences(first, COPENHAGEN);
    }

    /** The local dates of the sessions a rule makes. */
    private static List<String> dates(String rule, LocalDateTime first) {
        return expand(rule, first).stream().map(s -> s.toLocalDate().toString()).toList();
    }

    private static void refused(String rule, LocalDateTime first, String message) {
        // a broken rule names the rule; the API answers it 422 (SchedulingTest)
        assertThatThrownBy(() -> expand(rule, first)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.field()).isEqualTo("rrule");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void theFirstTuesdayAtFiveKeepsItsLocalTimeAcrossDaylightSaving() {
        List<ZonedDateTime> sessions = expand("FREQ=MONTHLY;BYDAY=1TU;COUNT=6", LocalDateTime.of(2027, 1, 5, 17, 0));
        assertThat(sessions).extracting(s -> s.toLocalDate().toString())
                .containsExactly("2027-01-05", "2027-02-02", "2027-03-02", "2027-04-06", "2027-05-04", "2027-06-01");
        assertThat(sessions).allSatisfy(s -> assertThat(s.toLocalTime().toString()).isEqualTo("17:00"));
        // winter time is UTC+1, summer time (from 28 March 2027) UTC+2
        assertThat(sessions.get(2).toInstant().toString()).isEqualTo("2027-03-02T16:00:00Z");
        assertThat(sessions.get(3).toInstant().toString()).isEqualTo("2027-04-06T15:00:00Z");
    }

    @Test
    void anUntilGivenAsADateIncludesThatWholeDay() {
        assertThat(dates("FREQ=WEEKLY;UNTIL=20270119", LocalDateTime.of(2027, 1, 5, 17, 0))).containsExactly("2027-01-05", "2027-01-12", "2027-01-19");
    }

    @Test
    void anUntilInUtcIsComparedInTheSeriesLocalTime() {
        // 16:00 UTC is 17:00 in Copenhagen in January: the session at 17:00 on the 19th is the last
        List<ZonedDateTime> sessions = expand("FREQ=WEEKLY;UNTIL=20270119T160000Z", LocalDateTime.of(2027, 1, 5, 17, 0));
        assertThat(sessions).hasSize(3);
    }

    @Test
    void weeklyOnTwoDaysWithAnInterval() {
        assertThat(dates("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4", LocalDateTime.of(2027, 1, 4, 9, 30)))
                .containsExactly("2027-01-04", "2027-01-07", "2027-01-18", "2027-01-21");
    }

    @Test
    void aMonthDayThatSomeMonthsLackIsSkippedInThem() {
        assertThat(dates("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", LocalDateTime.of(2027, 1, 31, 12, 0))).containsExactly("2027-01-31", "2027-03-31", "2027-05-31");
    }

    @Test
    void rulesOutsideTheSupportedSetOrBeyondTheLimitsAreRefusedNamingTheRule() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 5, 17, 0);
        refused("FREQ=DAILY;COUNT=3", first, "FREQ=DAILY");
        refused("FREQ=WEEKLY", first, "COUNT or UNTIL");
        refused("FREQ=WEEKLY;COUNT=53", first, "more than 52");
        refused("FREQ=MONTHLY;COUNT=14", first, "more than a year");
        refused("FREQ=WEEKLY;INTERVAL=13;COUNT=2", first, "INTERVAL");
        refused("FREQ=WEEKLY;BYDAY=1TU;COUNT=2", first, ""); // positions need FREQ=MONTHLY; lib-recur refuses them in WEEKLY rules already
        refused("FREQ=MONTHLY;BYHOUR=3;COUNT=2", first, "BYHOUR");
        refused("FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=1MO;COUNT=2", first, "");
        refused("FREQ=WEEKLY;UNTIL=20261231", first, "no session");
        refused("NOT A RULE", first, "");
        refused("FREQ=WEEKLY;COUNT=2;" + "X".repeat(300), first, "300");
    }
}
