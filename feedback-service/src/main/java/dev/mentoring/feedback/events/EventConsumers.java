package dev.mentoring.feedback.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.ParticipantEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.feedback.application.ParticipantCopies;
import dev.mentoring.feedback.application.PartnershipCopies;
import dev.mentoring.feedback.application.ProgramCopies;
import dev.mentoring.feedback.application.SessionCopies;
import dev.mentoring.plumbing.inbox.DeadLetterDesk;
import dev.mentoring.plumbing.inbox.EventDispatch;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Reads the participant, partnership, program and session topics and the internal agreement-text topic (each keyed so that one partnership's events stay in order)
 * and hands what feedback-service needs to the copies' use cases. An event it cannot read or use goes to the
 * dead-letter topic with the reason, without stopping the others; types it does not need are skipped.
 */
// made at start, so that its dispatch is registered for replays before any event arrives
@Startup
@ApplicationScoped
public class EventConsumers {

    private final EventDispatch participantEvents;
    private final EventDispatch partnershipEvents;
    private final EventDispatch sessionEvents;
    private final EventDispatch programEvents;
    private final EventDispatch agreementTexts;

    EventConsumers(ObjectMapper json, ParticipantCopies participants, PartnershipCopies partnerships, SessionCopies sessions,
            ProgramCopies programs, DeadLetterDesk deadLetters) {
        this.participantEvents = EventDispatch.with(json)
                .on(ParticipantEvents.UPDATED, participants::updated)
                .on(ParticipantEvents.ERASED, participants::erased)
                .build();
        this.partnershipEvents = EventDispatch.with(json)
                .on(PartnershipEvents.PARTNERSHIP_CHANGES, partnerships::changed)
                .on(AgreementEvents.IN_FORCE, partnerships::agreementInForce)
                .on(AgreementEvents.ACTIVATED, partnerships::agreementActivated)
                .on(PartnershipEvents.REQUESTED, programs::requested)
                .build();
        this.sessionEvents = EventDispatch.with(json)
                .on(SessionEvents.SESSION_CHANGES, sessions::changed)
                .build();
        this.programEvents = EventDispatch.with(json)
                .on(ProgramEvents.PROGRAM_CHANGES, programs::changed)
                .on(ProgramEvents.ENROLMENT_CHANGES, programs::enrolment)
                .on(ProgramEvents.ADMIN_ASSIGNED, programs::adminAssigned)
                .on(ProgramEvents.ADMIN_UNASSIGNED, programs::adminUnassigned)
                .build();
        this.agreementTexts = EventDispatch.with(json)
                .on(AgreementEvents.GOAL_TEXTS, partnerships::goalTexts)
                .build();
        // a dead letter of each channel is replayed through the same handling
        deadLetters.handles("participant-events", participantEvents);
        deadLetters.handles("partnership-events", partnershipEvents);
        deadLetters.handles("session-events", sessionEvents);
        deadLetters.handles("program-events", programEvents);
        deadLetters.handles("agreement-texts", agreementTexts);
    }

    @Incoming("participant-events")
    public Uni<Void> participants(String cloudEvent) {
        return participantEvents.dispatch(cloudEvent);
    }

    @Incoming("partnership-events")
    public Uni<Void> partnerships(String cloudEvent) {
        return partnershipEvents.dispatch(cloudEvent);
    }

    @Incoming("program-events")
    public Uni<Void> programs(String cloudEvent) {
        return programEvents.dispatch(cloudEvent);
    }

    @Incoming("agreement-texts")
    public Uni<Void> agreementTexts(String cloudEvent) {
        return agreementTexts.dispatch(cloudEvent);
    }

    @Incoming("session-events")
    public Uni<Void> sessions(String cloudEvent) {
        return sessionEvents.dispatch(cloudEvent);
    }
}
