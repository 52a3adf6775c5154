package dev.mentoring.sessions.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.inbox.Redelivery;
import dev.mentoring.sessions.application.ParticipantCopies;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Reads matching-service's participant events (structured CloudEvents) and hands them to
 * {@link ParticipantCopies}. An event it cannot read fails, and the channel's dead-letter strategy moves
 * it to the dead-letter topic with the reason, without stopping the events behind it.
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    public static final String CHANNEL = "participant-events";

    private final ObjectMapper json;
    private final ParticipantCopies copies;

    ParticipantEventsConsumer(ObjectMapper json, ParticipantCopies copies) {
        this.json = json;
        this.copies = copies;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String cloudEvent) {
        JsonNode envelope;
        ReceivedEvent event;
        try {
            envelope = json.readTree(cloudEvent);
            event = ReceivedEvent.of(envelope);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a readable CloudEvent: " + e.getMessage(), e));
        }
        if (ParticipantErased.TYPE.equals(event.type())) {
            return data(envelope, event, ParticipantErased.class).chain(erased -> Redelivery.handle(event, () -> copies.erase(event, erased)));
        }
        if (!ParticipantUpdated.TYPE.equals(event.type())) {
            Log.debugf("Ignoring event type %s", event.type());
            return Uni.createFrom().voidItem();
        }
        return data(envelope, event, ParticipantUpdated.class).chain(updated -> Redelivery.handle(event, () -> copies.apply(event, updated)));
    }

    private <T> Uni<T> data(JsonNode envelope, ReceivedEvent event, Class<T> payload) {
        return ReceivedEvent.data(json, envelope, event, payload);
    }
}
