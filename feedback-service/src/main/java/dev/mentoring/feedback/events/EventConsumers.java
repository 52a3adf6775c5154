package dev.mentoring.feedback.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.application.ReadModels;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.inbox.Redelivery;
import io.smallrye.mutiny.Uni;

/**
 * Reads the participant, partnership and session topics (each keyed so that one partnership's events stay
 * in order) and hands what feedback-service needs to {@link ReadModels}. An event it cannot read goes to
 * the dead-letter topic with the reason, without stopping the others.
 */
@ApplicationScoped
public class EventConsumers {

    private final ObjectMapper json;
    private final ReadModels models;

    EventConsumers(ObjectMapper json, ReadModels models) {
        this.json = json;
        this.models = models;
    }

    @Incoming("participant-events")
    public Uni<Void> participants(String cloudEvent) {
        return ReceivedEvent.envelope(json, cloudEvent).chain(envelope -> {
            ReceivedEvent event = ReceivedEvent.of(envelope);
            return switch (event.type()) {
                case "participant.updated" -> ReceivedEvent.data(json, envelope, event, ConsumedEvents.ParticipantUpdated.class)
                        .chain(data -> Redelivery.handle(event, () -> models.participant(event, data)));
                case "participant.erased" -> ReceivedEvent.data(json, envelope, event, ConsumedEvents.ParticipantErased.class)
                        .chain(data -> Redelivery.handle(event, () -> models.erase(event, data)));
                default -> Uni.createFrom().voidItem();
            };
        });
    }

    @Incoming("partnership-events")
    public Uni<Void> partnerships(String cloudEvent) {
        return ReceivedEvent.envelope(json, cloudEvent).chain(envelope -> {
            ReceivedEvent event = ReceivedEvent.of(envelope);
            if (ConsumedEvents.PartnershipChanged.TYPES.contains(event.type())) {
                return ReceivedEvent.data(json, envelope, event, ConsumedEvents.PartnershipChanged.class)
                        .chain(data -> Redelivery.handle(event, () -> models.partnership(event, data)));
            }
            if (event.type().equals("agreement.activated")) {
                return ReceivedEvent.data(json, envelope, event, ConsumedEvents.AgreementActivated.class)
                        .chain(data -> Redelivery.handle(event, () -> models.agreement(event, data)));
            }
            return Uni.createFrom().voidItem();
        });
    }

    @Incoming("session-events")
    public Uni<Void> sessions(String cloudEvent) {
        return ReceivedEvent.envelope(json, cloudEvent).chain(envelope -> {
            ReceivedEvent event = ReceivedEvent.of(envelope);
            if (event.type().startsWith("session.") && !event.type().equals("session.reminder-due")) {
                return ReceivedEvent.data(json, envelope, event, ConsumedEvents.SessionChanged.class)
                        .chain(data -> Redelivery.handle(event, () -> models.session(event, data)));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
