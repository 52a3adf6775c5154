package dev.mentoring.sessions.persistence;

/** A scheduled session that overlaps the time asked for: its id and its start, as the database writes them. */
public record Clash(String sessionId, String startsAt) {
}
