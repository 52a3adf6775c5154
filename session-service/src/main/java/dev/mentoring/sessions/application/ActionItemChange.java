package dev.mentoring.sessions.application;

import java.time.LocalDate;
import java.util.UUID;

import dev.mentoring.sessions.domain.SessionEnums;

/**
 * A new action item (title, assignee and due date required) or a change to one (only what is given changes): what to
 * do, who does it, by when, the session it came from, and DONE when done.
 */
public record ActionItemChange(String title, SessionEnums.Role assignee, LocalDate dueDate, UUID sessionId,
        SessionEnums.ActionState state) {
}
