package dev.mentoring.sessions.application;

import dev.mentoring.sessions.persistence.ActionItem;

/** An action item, and whether it is overdue today. */
public record ActionItemStatus(ActionItem item, boolean overdue) {
}
