package dev.mentoring.sessions.domain;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes an iCalendar (RFC 5545) feed: a VTIMEZONE for every zone used (made from the zone's current
 * transition rules), one VEVENT per single session, and per series a VEVENT with its RRULE, EXDATEs for
 * cancelled occurrences and an override VEVENT (RECURRENCE-ID) for each occurrence that was moved or
 * changed. Lines are folded at 75 octets and end in CRLF.
 */
public final class ICalendar {

    /** One VEVENT. {@code rrule}, {@code exdates} only for a series' master; {@code recurrenceId} only for an override. */
    public record Event(String uid, int sequence, LocalDateTime localStart, ZoneId zone, int durationMinutes,
            String location, boolean cancelled, String rrule, List<LocalDateTime> exdates, LocalDateTime recurrenceId,
            Instant lastModified) {
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String DOMAIN = "@mentoring-platform";

    private ICalendar() {
    }

    public static String uid(Object id) {
        return id + DOMAIN;
    }

    public static String write(String name, List<Event> events, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Mentoring platform//session-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        Set<String> zones = new TreeSet<>();
        events.forEach(e -> zones.add(e.zone().getId()));
        for (String zone : zones) {
            timezone(out, ZoneId.of(zone), now);
        }
        for (Event event : events) {
            String tz = ";TZID=" + event.zone().getId() + ":";
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + event.uid());
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "SEQUENCE:" + event.sequence());
            if (event.recurrenceId() != null) {
                line(out, "RECURRENCE-ID" + tz + LOCAL.format(event.recurrenceId()));
            }
            line(out, "DTSTART" + tz + LOCAL.format(event.localStart()));
            line(out, "DURATION:PT" + event.durationMinutes() + "M");
            if (event.rrule() != null) {
                line(out, "RRULE:" + event.rrule());
            }
            if (event.exdates() != null && !event.exdates().isEmpty()) {
                line(out, "EXDATE" + tz + String.join(",", event.exdates().stream().map(LOCAL::format).toList()));
            }
            line(out, "SUMMARY:Mentoring session");
            if (event.location() != null && !event.location().isBlank()) {
                line(out, "LOCATION:" + text(event.location()));
            }
            line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "LAST-MODIFIED:" + UTC.format(event.lastModified()));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A VTIMEZONE from the zone's current rules (a fixed offset when it has no daylight saving). */
    private static void timezone(StringBuilder out, ZoneId zone, Instant now) {
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> rules = zone.getRules().getTransitionRules();
        if (rules.isEmpty()) {
            ZoneOffset offset = zone.getRules().getOffset(now);
            line(out, "BEGIN:STANDARD");
            line(out, "DTSTART:19700101T000000");
            line(out, "TZOFFSETFROM:" + offset(offset));
            line(out, "TZOFFSETTO:" + offset(offset));
            line(out, "END:STANDARD");
        }
        for (ZoneOffsetTransitionRule rule : rules) {
            ZoneOffsetTransition first = rule.createTransition(1970);
            String kind = rule.getOffsetAfter().equals(rule.getStandardOffset()) ? "STANDARD" : "DAYLIGHT";
            line(out, "BEGIN:" + kind);
            line(out, "DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
            line(out, "TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
            line(out, "TZOFFSETTO:" + offset(rule.getOffsetAfter()));
            line(out, "RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + byDay(rule));
            line(out, "END:" + kind);
        }
        line(out, "END:VTIMEZONE");
    }

    private static String byDay(ZoneOffsetTransitionRule rule) {
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek day = rule.getDayOfWeek();
        if (day == null) {
            return ";BYMONTHDAY=" + indicator;
        }
        // "the first such weekday on or after day d" (or on or before, counting from the month's end)
        List<String> days = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int d = indicator > 0 ? indicator + i : indicator - i;
            if (d > 31) {
                break;
            }
            days.add(Integer.toString(d));
        }
        return ";BYDAY=" + day.name().substring(0, 2) + ";BYMONTHDAY=" + String.join(",", days);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return (seconds < 0 ? "-" : "+") + "%02d%02d".formatted(abs / 3600, abs / 60 % 60);
    }

    /** TEXT value escaping (RFC 5545, 3.3.11). */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
                .replaceAll("\\p{Cntrl}", "");
    }

    /** Appends a content line, folded at 75 octets without splitting a UTF-8 sequence. */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int count = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (count + size > limit) {
                out.append("\r\n ");
                count = 0;
                limit = 74;
            }
            out.appendCodePoint(cp);
            count += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
