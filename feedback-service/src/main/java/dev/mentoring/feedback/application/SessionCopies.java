package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.feedback.persistence.SessionCopy;
import dev.mentoring.feedback.persistence.SessionCopyRepository;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * feedback-service's copies of sessions (when, state, attendance, late cancellation), from session-service's events:
 * each event once, the newest {@code sequence} wins; a session never moves to another partnership or tenant. Every
 * change assesses the partnership's health again in the same transaction.
 */
@ApplicationScoped
public class SessionCopies {

    private final ReadModelCopies copies;
    private final SessionCopyRepository sessions;
    private final PartnershipCopyRepository partnerships;
    private final HealthAssessments assessments;
    private final Clock clock;

    SessionCopies(ReadModelCopies copies, SessionCopyRepository sessions, PartnershipCopyRepository partnerships,
            HealthAssessments assessments, Clock clock) {
        this.copies = copies;
        this.sessions = sessions;
        this.partnerships = partnerships;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** session.scheduled, rescheduled, cancelled, completed or no-show: the copy takes the session as it is now. */
    @WithTransaction
    public Uni<Void> changed(ReceivedEvent event, SessionEvents.SessionChanged data) {
        return copies.apply(ReadModelConsumer.NAME, event, "session", data.sessionId(), existing(event, data),
                SessionCopy::new,
                copy -> copy.sequence > data.sequence(),
                copy -> {
                    copy.partnershipId = data.partnershipId();
                    copy.startsAt = data.startsAt();
                    copy.endsAt = data.endsAt();
                    copy.state = data.state();
                    copy.attendance = data.attendance();
                    copy.cancelledLate = data.cancelledLate();
                    copy.sequence = data.sequence();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return sessions.persistAndFlush(copy).chain(() -> assessments.recompute(data.partnershipId()));
                });
    }

    /**
     * The session's copy, or null; an event naming a partnership of another tenant, or moving a known session to
     * another partnership, fails (the dead-letter topic gets it with the reason).
     */
    private Uni<SessionCopy> existing(ReceivedEvent event, SessionEvents.SessionChanged data) {
        return partnerships.findById(data.partnershipId()).chain(partnership -> {
            if (partnership != null && !partnership.tenant.equals(event.tenant())) {
                return Uni.createFrom().failure(new IllegalArgumentException("partnership of another tenant"));
            }
            return sessions.findById(data.sessionId());
        }).invoke(session -> {
            if (session != null && session.tenant.equals(event.tenant()) && !session.partnershipId.equals(data.partnershipId())) {
                throw new IllegalArgumentException("session " + data.sessionId() + " of another partnership");
            }
        });
    }
}
