package dev.mentoring.sessions.application;

import java.time.OffsetDateTime;

import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.persistence.MentoringSession;

/** The state changes of one session, in one place for the API and the event consumers. */
final class SessionLifecycle {

    private SessionLifecycle() {
    }

    static void cancel(MentoringSession s, SessionEnums.CancelReason reason, SessionEnums.Role by, boolean late,
            OffsetDateTime now) {
        s.state = SessionEnums.State.CANCELLED;
        s.cancelReason = reason;
        s.cancelledBy = by;
        s.cancelledLate = late;
        changed(s, now);
    }

    static void changed(MentoringSession s, OffsetDateTime now) {
        s.sequence++;
        s.updatedAt = now;
    }
}
