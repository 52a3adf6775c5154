package dev.mentoring.sessions.application;

import dev.mentoring.sessions.persistence.SessionNote;

/** A note as its reader sees it: the stored note and its text, opened. */
public record ReadableNote(SessionNote note, String text) {
}
