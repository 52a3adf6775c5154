package dev.mentoring.sessions.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.inbox.Redelivery;
import dev.mentoring.sessions.application.PartnershipCopies;
import io.smallrye.mutiny.Uni;

/**
 * Reads matching-service's partnership topic (keyed by partnership, so in order per partnership) and hands
 * partnership.* and agreement.activated to {@link PartnershipCopies}; the request events are not needed
 * here. An event it cannot read goes to the dead-letter topic with the reason, without stopping the others.
 */
@ApplicationScoped
public class PartnershipEventsConsumer {

    public static final String CHANNEL = "partnership-events";

    private final ObjectMapper json;
    private final PartnershipCopies copies;

    PartnershipEventsConsumer(ObjectMapper json, PartnershipCopies copies) {
        this.json = json;
        this.copies = copies;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String cloudEvent) {
        return ReceivedEvent.envelope(json, cloudEvent).chain(envelope -> {
            ReceivedEvent event = ReceivedEvent.of(envelope);
            if (PartnershipChanged.TYPES.contains(event.type())) {
                return ReceivedEvent.data(json, envelope, event, PartnershipChanged.class)
                        .chain(change -> Redelivery.handle(event, () -> copies.apply(event, change)));
            }
            if (AgreementActivated.TYPE.equals(event.type())) {
                return ReceivedEvent.data(json, envelope, event, AgreementActivated.class)
                        .chain(agreement -> Redelivery.handle(event, () -> copies.apply(event, agreement)));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
