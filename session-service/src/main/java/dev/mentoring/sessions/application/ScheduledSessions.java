package dev.mentoring.sessions.application;

import java.util.List;
import java.util.UUID;

import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.MentoringSession;

/** What scheduling made: the series (null for a single session), its sessions in order, and the first one's agenda. */
public record ScheduledSessions(UUID seriesId, List<MentoringSession> sessions, List<AgendaItem> firstAgenda) {
}
