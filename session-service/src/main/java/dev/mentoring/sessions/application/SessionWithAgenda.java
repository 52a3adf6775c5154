package dev.mentoring.sessions.application;

import java.util.List;

import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.MentoringSession;

/** A session with its agenda, in order. */
public record SessionWithAgenda(MentoringSession session, List<AgendaItem> agenda) {
}
