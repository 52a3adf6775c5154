package dev.mentoring.sessions.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.contracts.Topics;
import dev.mentoring.sessions.persistence.ActionItem;
import dev.mentoring.sessions.persistence.MentoringSession;

/**
 * The events session-service publishes, all on {@link Topics#SESSION} keyed by the partnership id, so one
 * partnership's sessions stay in order. Never agenda, note or action-item text.
 */
public final class SessionEvents {

    public static final String SCHEDULED = "session.scheduled";
    public static final String RESCHEDULED = "session.rescheduled";
    public static final String CANCELLED = "session.cancelled";
    public static final String COMPLETED = "session.completed";
    public static final String NO_SHOW = "session.no-show";
    public static final String REMINDER_DUE = "session.reminder-due";
    public static final String ACTION_ITEM_CREATED = "action-item.created";
    public static final String ACTION_ITEM_COMPLETED = "action-item.completed";
    public static final String ACTION_ITEM_OVERDUE = "action-item.overdue";

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

    public static DomainEvent session(MentoringSession s, String type, OffsetDateTime previousStartsAt, OffsetDateTime at) {
        return event(s.tenant, s.partnershipId, type, "sessions/" + s.id, new SessionChanged(s.id, s.partnershipId, s.seriesId,
                s.menteeId, s.mentorId, s.startsAt, s.endsAt, s.timeZone, s.durationMinutes, s.mode.name(), s.state.name(),
                previousStartsAt, s.cancelReason == null ? null : s.cancelReason.name(), s.cancelledLate,
                s.cancelledBy == null ? null : s.cancelledBy.name(), s.attendance == null ? null : s.attendance.name(),
                s.actualMinutes, s.sequence, at));
    }

    public static DomainEvent reminder(String tenant, ReminderDue reminder) {
        return event(tenant, reminder.partnershipId(), REMINDER_DUE, "sessions/" + reminder.sessionId(), reminder);
    }

    public static DomainEvent actionItem(ActionItem item, String type, OffsetDateTime at) {
        return event(item.tenant, item.partnershipId, type, "action-items/" + item.id, new ActionItemChanged(item.id,
                item.partnershipId, item.sessionId, item.assignee.name(), item.assigneeId, item.dueDate, item.state.name(), at));
    }

    private static DomainEvent event(String tenant, UUID partnershipId, String type, String subject, Object payload) {
        return new DomainEvent(Topics.SESSION, partnershipId.toString(), type, 1, subject, tenant, payload);
    }
}
