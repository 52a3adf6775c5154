package dev.mentoring.sessions.application;

import dev.mentoring.sessions.persistence.AgendaItem;

/** What a change of an agenda answers: the session with its agenda, and the item added or changed (null when removed). */
public record AgendaItemEdit(SessionWithAgenda session, AgendaItem item) {
}
