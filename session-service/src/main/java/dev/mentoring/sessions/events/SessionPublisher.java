package dev.mentoring.sessions.events;

import java.time.OffsetDateTime;

import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.sessions.persistence.ActionItem;
import dev.mentoring.sessions.persistence.DueReminder;
import dev.mentoring.sessions.persistence.MentoringSession;

/**
 * What session-service publishes about sessions, their reminders and action items, as the contract's
 * {@link SessionEvents} (keyed by the partnership id, so one partnership's sessions stay in order). Never agenda, note
 * or action-item text.
 */
public final class SessionPublisher {

    private SessionPublisher() {
    }

    /** A session was scheduled, moved ({@code previousStartsAt}), cancelled, completed or missed. */
    public static DomainEvent session(MentoringSession s, EventType<SessionEvents.SessionChanged> type, OffsetDateTime previousStartsAt,
            OffsetDateTime at) {
        return DomainEvent.of(s.tenant, type, new SessionEvents.SessionChanged(s.id, s.partnershipId, s.seriesId, s.menteeId,
                s.mentorId, s.startsAt, s.endsAt, s.timeZone, s.durationMinutes, s.mode.name(), s.state.name(), previousStartsAt,
                s.cancelReason == null ? null : s.cancelReason.name(), s.cancelledLate,
                s.cancelledBy == null ? null : s.cancelledBy.name(), s.attendance == null ? null : s.attendance.name(),
                s.actualMinutes, s.sequence, at));
    }

    /** An occurrence starts in the lead time ({@code PT24H} or {@code PT1H}). */
    public static DomainEvent reminderDue(DueReminder due, String leadTime) {
        return DomainEvent.of(due.tenant(), SessionEvents.REMINDER_DUE, new SessionEvents.ReminderDue(due.sessionId(),
                due.partnershipId(), due.menteeId(), due.mentorId(), due.startsAt(), due.timeZone(), leadTime));
    }

    /** An action item was created, done, or became overdue. */
    public static DomainEvent actionItem(ActionItem item, EventType<SessionEvents.ActionItemChanged> type, OffsetDateTime at) {
        return DomainEvent.of(item.tenant, type, new SessionEvents.ActionItemChanged(item.id, item.partnershipId, item.sessionId,
                item.assignee.name(), item.assigneeId, item.dueDate, item.state.name(), at));
    }
}
