package dev.mentoring.sessions.application;

import java.time.LocalDateTime;
import java.util.List;

import dev.mentoring.sessions.domain.SessionEnums;

/**
 * What a participant asks for when scheduling: the first session's local start in an IANA zone, its length, how and
 * where they meet, an RRULE for a series (or none for a single session), and the first session's agenda.
 */
public record SessionPlan(LocalDateTime start, String timeZone, int durationMinutes, SessionEnums.Mode mode, String placeOrLink,
        String rrule, List<String> agenda) {
}
