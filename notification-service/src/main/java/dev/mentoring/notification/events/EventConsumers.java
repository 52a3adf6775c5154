package dev.mentoring.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.FeedbackEvents;
import dev.mentoring.contracts.ParticipantEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.notification.application.Notifications;
import dev.mentoring.notification.application.ParticipantCopies;
import dev.mentoring.notification.application.WebhookDeliveries;
import dev.mentoring.plumbing.inbox.DeadLetterDesk;
import dev.mentoring.plumbing.inbox.EventDispatch;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Reads the participant, partnership, session, feedback and program topics (each keyed so that one partnership's events stay in
 * order) and hands each event the inbox needs to its use case; and, for webhooks, every event of every topic. An event it cannot read or use goes to the dead-letter
 * topic with the reason, without stopping the others; types it does not need are skipped.
 */
// made at start, so that its dispatch is registered for replays before any event arrives
@Startup
@ApplicationScoped
public class EventConsumers {

    private final EventDispatch participantEvents;
    private final EventDispatch partnershipEvents;
    private final EventDispatch sessionEvents;
    private final EventDispatch feedbackEvents;
    private final EventDispatch programEvents;
    private final EventDispatch webhookEvents;

    EventConsumers(ObjectMapper json, ParticipantCopies participants, Notifications notifications, WebhookDeliveries webhooks,
            DeadLetterDesk deadLetters) {
        this.participantEvents = EventDispatch.with(json)
                .on(ParticipantEvents.UPDATED, participants::updated)
                .on(ParticipantEvents.ERASED, participants::erased)
                .build();
        this.partnershipEvents = EventDispatch.with(json)
                .on(PartnershipEvents.REQUESTED, notifications::requested)
                .on(PartnershipEvents.ACCEPTED, notifications::answered)
                .on(PartnershipEvents.DECLINED, notifications::answered)
                .on(PartnershipEvents.WITHDRAWN, notifications::answered)
                .on(PartnershipEvents.EXPIRED, notifications::answered)
                .on(PartnershipEvents.PARTNERSHIP_CHANGES, notifications::partnershipChanged)
                .on(AgreementEvents.SIGNED, notifications::agreementSigned)
                .on(AgreementEvents.IN_FORCE, notifications::agreementInForce)
                .on(AgreementEvents.ACTIVATED, (event, activated) -> notifications.agreementInForce(event, AgreementEvents.InForce.of(activated)))
                .on(AgreementEvents.REVIEW_DUE, notifications::agreementReviewDue)
                .build();
        this.sessionEvents = EventDispatch.with(json)
                .on(SessionEvents.SCHEDULED, notifications::sessionChanged)
                .on(SessionEvents.RESCHEDULED, notifications::sessionChanged)
                .on(SessionEvents.CANCELLED, notifications::sessionChanged)
                .on(SessionEvents.REMINDER_DUE, notifications::reminderDue)
                .on(SessionEvents.ACTION_ITEM_OVERDUE, notifications::actionItemOverdue)
                .build();
        this.feedbackEvents = EventDispatch.with(json)
                .on(FeedbackEvents.EVALUATION_DUE, notifications::evaluationChanged)
                .on(FeedbackEvents.EVALUATION_OVERDUE, notifications::evaluationChanged)
                .on(FeedbackEvents.GOAL_ACHIEVED, notifications::goalAchieved)
                .on(FeedbackEvents.FEEDBACK_ASKED, notifications::feedbackAsked)
                .on(FeedbackEvents.CONCERN_CLOSED, notifications::concernClosed)
                .on(FeedbackEvents.CONCERN_RAISED, notifications::concernRaised)
                .build();
        this.programEvents = EventDispatch.with(json)
                .on(ProgramEvents.ADMIN_ASSIGNED, notifications::programAdminAssigned)
                .on(ProgramEvents.ADMIN_UNASSIGNED, notifications::programAdminUnassigned)
                .build();
        // every event of every topic, as it came, for the tenant's webhook endpoints that asked for its type (its own
        // consumer group, so that webhooks and the inbox do not hold each other up; an unreadable event is the inbox
        // channel's dead letter, and skipped here; a failure to write the deliveries is tried again until it passes, so no
        // event is dropped: see Forwarding)
        this.webhookEvents = EventDispatch.with(json).onEveryType((event, raw) -> Forwarding.untilDone(event, () -> webhooks.fanOut(event, raw)))
                .build();
        // a dead letter of each channel is replayed through the same handling
        deadLetters.handles("participant-events", participantEvents);
        deadLetters.handles("partnership-events", partnershipEvents);
        deadLetters.handles("session-events", sessionEvents);
        deadLetters.handles("feedback-events", feedbackEvents);
        deadLetters.handles("program-events", programEvents);
    }

    @Incoming("participant-events")
    public Uni<Void> participants(String cloudEvent) {
        return participantEvents.dispatch(cloudEvent);
    }

    @Incoming("partnership-events")
    public Uni<Void> partnerships(String cloudEvent) {
        return partnershipEvents.dispatch(cloudEvent);
    }

    @Incoming("session-events")
    public Uni<Void> sessions(String cloudEvent) {
        return sessionEvents.dispatch(cloudEvent);
    }

    @Incoming("feedback-events")
    public Uni<Void> feedback(String cloudEvent) {
        return feedbackEvents.dispatch(cloudEvent);
    }

    @Incoming("program-events")
    public Uni<Void> programs(String cloudEvent) {
        return programEvents.dispatch(cloudEvent);
    }

    @Incoming("webhook-events")
    public Uni<Void> webhooks(String cloudEvent) {
        return webhookEvents.dispatch(cloudEvent);
    }
}
