package dev.mentoring.sessions.application;

import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.sessions.persistence.MentoringSession;

/**
 * A page of sessions, and whether the caller takes part in them: their two people see what is private to a session
 * (place or link, agenda); a program admin, who lists the tenant's, never does.
 */
public record ListedSessions(Page<MentoringSession> sessions, boolean participant) {
}
