package dev.mentoring.sessions.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.contracts.ParticipantEvents;
import dev.mentoring.plumbing.inbox.DeadLetterDesk;
import dev.mentoring.plumbing.inbox.EventDispatch;
import dev.mentoring.sessions.application.ParticipantCopies;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Reads matching-service's participant events and hands participant.updated and participant.erased to
 * {@link ParticipantCopies}. An event it cannot read fails, and the channel's dead-letter strategy moves it to the
 * dead-letter topic with the reason, without stopping the events behind it.
 */
// made at start, so that its dispatch is registered for replays before any event arrives
@Startup
@ApplicationScoped
public class ParticipantEventsConsumer {

    public static final String CHANNEL = "participant-events";

    private final EventDispatch dispatch;

    ParticipantEventsConsumer(ObjectMapper json, ParticipantCopies copies, DeadLetterDesk deadLetters) {
        this.dispatch = EventDispatch.with(json)
                .on(ParticipantEvents.UPDATED, copies::updated)
                .on(ParticipantEvents.ERASED, copies::erased)
                .build();
        deadLetters.handles(CHANNEL, dispatch); // a dead letter of this channel is replayed through the same handling
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String cloudEvent) {
        return dispatch.dispatch(cloudEvent);
    }
}
