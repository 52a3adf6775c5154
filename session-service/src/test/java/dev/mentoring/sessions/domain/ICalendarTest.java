package dev.mentoring.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** The iCalendar writer in plain Java: what a person typed cannot add lines or properties to the feed. */
class ICalendarTest {

    @Test
    void aLocationWithLineBreaksAndControlCharactersStaysOneEscapedValue() throws Exception {
        String typed = "Room 4\rATTENDEE:mailto:evil@example.com\nSUMMARY:x\r\n;,\\\u0007end";
        String feed = ICalendar.write("Sessions", List.of(new ICalendar.Event(ICalendar.uid("s-1"), 0,
                LocalDateTime.of(2027, 1, 5, 17, 0), ZoneId.of("Europe/Copenhagen"), 60, typed, false, null, List.of(), null,
                Instant.parse("2026-12-01T00:00:00Z"))), Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(feed).doesNotContain("\rATTENDEE").doesNotContain("\nATTENDEE").doesNotContain("\u0007");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getProperties(Property.ATTENDEE)).isEmpty();
        assertThat(event.<Property>getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Room 4\nATTENDEE:mailto:evil@example.com\nSUMMARY:x\n;,\\end");
    }
}
