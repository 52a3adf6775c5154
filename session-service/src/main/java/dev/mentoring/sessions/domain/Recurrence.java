package dev.mentoring.sessions.domain;

import dev.mentoring.plumbing.rules.RuleViolation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A series' recurrence rule (RFC 5545 RRULE, read and expanded by lib-recur) in the supported set: FREQ
 * WEEKLY or MONTHLY, INTERVAL, COUNT or UNTIL (a series always ends, within a year of its first session),
 * BYDAY (with positions such as 1TU or -1FR for monthly rules), BYMONTHDAY, WKST. Occurrences are
 * expanded in local time and then placed in the series' IANA zone, so that they keep their local time
 * across daylight-saving changes. Anything else is a {@link RuleViolation} naming {@code rrule}.
 */
public final class Recurrence {

    /** The most occurrences one series may have. */
    public static final int MAX_OCCURRENCES = 52;

    /**
     * By name: lib-recur's {@code Part} enum must not be touched before {@code RecurrenceRule} is initialised
     * (their static initialisers depend on each other).
     */
    private static final Set<String> SUPPORTED = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "WKST");

    private final RecurrenceRule rule;
    private final String text;

    private Recurrence(RecurrenceRule rule, String text) {
        this.rule = rule;
        this.text = text;
    }

    /** Reads and checks a rule; an optional leading {@code RRULE:} is accepted. */
    public static Recurrence parse(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            throw new RuleViolation("rrule", "is required for a series");
        }
        String text = rrule.trim();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        if (text.length() > 300) {
            throw new RuleViolation("rrule", "is longer than 300 characters");
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            throw new RuleViolation("rrule", "is not a valid RFC 5545 recurrence rule: " + e.getMessage());
        }
        if (rule.getFreq() != Freq.WEEKLY && rule.getFreq() != Freq.MONTHLY) {
            throw new RuleViolation("rrule", "FREQ=" + rule.getFreq() + " is not supported; use WEEKLY or MONTHLY");
        }
        for (RecurrenceRule.Part part : RecurrenceRule.Part.values()) {
            if (!part.name().startsWith("_") && rule.hasPart(part) && !SUPPORTED.contains(part.name())) {
                throw new RuleViolation("rrule", part + " is not supported; supported: FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, WKST");
            }
        }
        if (rule.isInfinite()) {
            throw new RuleViolation("rrule", "needs COUNT or UNTIL: a series ends");
        }
        if (rule.getInterval() > 12) {
            throw new RuleViolation("rrule", "INTERVAL may be at most 12");
        }
        if (rule.getFreq() == Freq.WEEKLY && rule.getByDayPart() != null
                && rule.getByDayPart().stream().anyMatch(day -> day.pos != 0)) {
            throw new RuleViolation("rrule", "BYDAY positions (like 1TU) need FREQ=MONTHLY");
        }
        return new Recurrence(rule, text);
    }

    public String text() {
        return text;
    }

    /**
     * The occurrences from the first local start in the zone, as instants with their local date-time;
     * refused when there are more than {@link #MAX_OCCURRENCES} or one falls more than a year after the first.
     */
    public List<ZonedDateTime> occurrences(LocalDateTime firstLocalStart, ZoneId zone) {
        DateTime start = new DateTime(firstLocalStart.getYear(), firstLocalStart.getMonthValue() - 1,
                firstLocalStart.getDayOfMonth(), firstLocalStart.getHour(), firstLocalStart.getMinute(), 0);
        RecurrenceRule floating = rule;
        DateTime until = rule.getUntil();
        if (until != null && (until.isAllDay() || !until.isFloating())) {
            // UNTIL as a date (the whole day counts) or in UTC: compare in the series' local time
            try {
                floating = new RecurrenceRule(rule.toString(), RecurrenceRule.RfcMode.RFC5545_STRICT);
            } catch (InvalidRecurrenceRuleException e) {
                throw new RuleViolation("rrule", e.getMessage());
            }
            LocalDateTime local = until.isAllDay()
                    ? LocalDateTime.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth(), 23, 59, 59)
                    : LocalDateTime.ofInstant(Instant.ofEpochMilli(until.getTimestamp()), zone);
            floating.setUntil(new DateTime(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(),
                    local.getHour(), local.getMinute(), local.getSecond()));
        }
        LocalDateTime limit = firstLocalStart.plusYears(1);
        List<ZonedDateTime> occurrences = new ArrayList<>();
        try {
            RecurrenceRuleIterator iterator = floating.iterator(start);
            while (iterator.hasNext()) {
                DateTime next = iterator.nextDateTime();
                LocalDateTime local = LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
                        next.getHours(), next.getMinutes(), next.getSeconds());
                if (local.isBefore(firstLocalStart)) {
                    continue;
                }
                if (local.isAfter(limit)) {
                    throw new RuleViolation("rrule", "makes sessions more than a year after the first; end it sooner (COUNT or UNTIL)");
                }
                if (occurrences.size() == MAX_OCCURRENCES) {
                    throw new RuleViolation("rrule", "makes more than " + MAX_OCCURRENCES + " sessions");
                }
                occurrences.add(ZonedDateTime.ofLocal(local, zone, null));
            }
        } catch (RuleViolation e) {
            throw e;
        } catch (RuntimeException e) {
            // the library refuses rules it cannot expand (parts that never meet, for one)
            throw new RuleViolation("rrule", "cannot be expanded from the given start: " + e.getMessage());
        }
        if (occurrences.isEmpty()) {
            throw new RuleViolation("rrule", "makes no session from the given start");
        }
        return occurrences;
    }

    /** This rule, ending before the given instant (for "this and following" changes). */
    public static String endingBefore(String rrule, Instant before) {
        try {
            RecurrenceRule rule = new RecurrenceRule(rrule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            RecurrenceRule ended = new RecurrenceRule(rule.getFreq());
            ended.setInterval(rule.getInterval());
            if (rule.getByDayPart() != null && !rule.getByDayPart().isEmpty()) {
                ended.setByDayPart(rule.getByDayPart());
            }
            if (rule.hasPart(RecurrenceRule.Part.BYMONTHDAY)) {
                ended.setByPart(RecurrenceRule.Part.BYMONTHDAY, rule.getByPart(RecurrenceRule.Part.BYMONTHDAY));
            }
            ended.setUntil(new DateTime(DateTime.UTC, before.minusSeconds(1).toEpochMilli()));
            return ended.toString();
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This rule with COUNT set (UNTIL dropped). */
    public static String withCount(String rrule, int count) {
        try {
            RecurrenceRule rule = new RecurrenceRule(rrule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            rule.setUntil(null);
            rule.setCount(count);
            return rule.toString();
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalStateException(e);
        }
    }
}
