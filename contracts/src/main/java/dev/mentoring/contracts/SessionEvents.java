package dev.mentoring.contracts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * session-service's events on {@link Topics#SESSION}, all keyed by the partnership id so that one partnership's
 * sessions and action items stay in order. Never agenda, note or action-item text.
 */
public final class SessionEvents {

    public static final EventType<SessionChanged> SCHEDULED = session("session.scheduled");
    public static final EventType<SessionChanged> RESCHEDULED = session("session.rescheduled");
    public static final EventType<SessionChanged> CANCELLED = session("session.cancelled");
    public static final EventType<SessionChanged> COMPLETED = session("session.completed");
    public static final EventType<SessionChanged> NO_SHOW = session("session.no-show");
    /** The session.* events that carry {@link SessionChanged} (every session event but the reminder). */
    public static final List<EventType<SessionChanged>> SESSION_CHANGES = List.of(SCHEDULED, RESCHEDULED, CANCELLED, COMPLETED, NO_SHOW);

    /** An occurrence starts in 24 hours or in 1 hour. */
    public static final EventType<ReminderDue> REMINDER_DUE = new EventType<>("session.reminder-due", Topics.SESSION, 1,
            ReminderDue.class, ReminderDue::partnershipId, r -> "sessions/" + r.sessionId());

    public static final EventType<ActionItemChanged> ACTION_ITEM_CREATED = actionItem("action-item.created");
    public static final EventType<ActionItemChanged> ACTION_ITEM_COMPLETED = actionItem("action-item.completed");
    public static final EventType<ActionItemChanged> ACTION_ITEM_OVERDUE = actionItem("action-item.overdue");

    /** The states a session event carries (its {@code state}). */
    public static final String SCHEDULED_STATE = "SCHEDULED";
    public static final String CANCELLED_STATE = "CANCELLED";
    public static final String COMPLETED_STATE = "COMPLETED";
    public static final String NO_SHOW_STATE = "NO_SHOW";
    /** Every session state the contract allows. */
    public static final java.util.Set<String> STATES = java.util.Set.of(SCHEDULED_STATE, CANCELLED_STATE, COMPLETED_STATE, NO_SHOW_STATE);

    /** Payload of the session.* events (except reminders). */
    public record SessionChanged(UUID sessionId, UUID partnershipId, UUID seriesId, UUID menteeId, UUID mentorId,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, int durationMinutes, String mode, String state,
            OffsetDateTime previousStartsAt, String cancelReason, Boolean cancelledLate, String cancelledBy,
            String attendance, Integer actualMinutes, int sequence, OffsetDateTime at) {
    }

    /** Payload of session.reminder-due: which occurrence, and how long before it (PT24H or PT1H). */
    public record ReminderDue(UUID sessionId, UUID partnershipId, UUID menteeId, UUID mentorId, OffsetDateTime startsAt,
            String timeZone, String leadTime) {
    }

    /** Payload of the action-item.* events: no title. */
    public record ActionItemChanged(UUID actionItemId, UUID partnershipId, UUID sessionId, String assignee, UUID assigneeId,
            LocalDate dueDate, String state, OffsetDateTime at) {
    }

    private SessionEvents() {
    }

    private static EventType<SessionChanged> session(String name) {
        return new EventType<>(name, Topics.SESSION, 1, SessionChanged.class, SessionChanged::partnershipId,
                s -> "sessions/" + s.sessionId());
    }

    private static EventType<ActionItemChanged> actionItem(String name) {
        return new EventType<>(name, Topics.SESSION, 1, ActionItemChanged.class, ActionItemChanged::partnershipId,
                a -> "action-items/" + a.actionItemId());
    }
}
