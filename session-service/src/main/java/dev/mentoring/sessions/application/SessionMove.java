package dev.mentoring.sessions.application;

import java.time.LocalDateTime;

import dev.mentoring.sessions.domain.SessionEnums;

/**
 * Where a session moves: its new local start; a zone, a length, the scope (this occurrence, or this and the following)
 * and for "this and following" a new rule, each kept as it was when not given.
 */
public record SessionMove(LocalDateTime start, String timeZone, Integer durationMinutes, SessionEnums.Scope scope, String rrule) {
}
