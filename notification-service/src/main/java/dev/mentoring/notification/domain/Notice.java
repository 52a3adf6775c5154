package dev.mentoring.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One notification for one person: its kind, when what it tells happened, and the ids an app needs to open the right
 * screen (null where they do not apply). {@code startsAt} and {@code previousStartsAt} are a session's times;
 * {@code detail} is a code the text needs (a decline's reason category, a reminder's lead time, an agreement's version,
 * an action item's due date). Never free text.
 */
public record Notice(UUID recipientId, NoticeKind kind, OffsetDateTime occurredAt, Refs refs) {

    /** The ids and values a notice refers to. */
    public record Refs(UUID partnershipId, UUID requestId, UUID sessionId, UUID evaluationId, UUID goalId, UUID actionItemId,
            OffsetDateTime startsAt, OffsetDateTime previousStartsAt, String detail) {

        public static Refs partnership(UUID partnershipId) {
            return new Refs(partnershipId, null, null, null, null, null, null, null, null);
        }

        public static Refs request(UUID requestId, String detail) {
            return new Refs(null, requestId, null, null, null, null, null, null, detail);
        }

        public Refs withDetail(String value) {
            return new Refs(partnershipId, requestId, sessionId, evaluationId, goalId, actionItemId, startsAt, previousStartsAt, value);
        }

        public Refs withSession(UUID id, OffsetDateTime starts, OffsetDateTime previous) {
            return new Refs(partnershipId, requestId, id, evaluationId, goalId, actionItemId, starts, previous, detail);
        }

        public Refs withEvaluation(UUID id) {
            return new Refs(partnershipId, requestId, sessionId, id, goalId, actionItemId, startsAt, previousStartsAt, detail);
        }

        public Refs withGoal(UUID id) {
            return new Refs(partnershipId, requestId, sessionId, evaluationId, id, actionItemId, startsAt, previousStartsAt, detail);
        }

        public Refs withActionItem(UUID id) {
            return new Refs(partnershipId, requestId, sessionId, evaluationId, goalId, id, startsAt, previousStartsAt, detail);
        }
    }
}
