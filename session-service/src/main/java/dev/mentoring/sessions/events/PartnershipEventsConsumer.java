package dev.mentoring.sessions.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.plumbing.inbox.DeadLetterDesk;
import dev.mentoring.plumbing.inbox.EventDispatch;
import dev.mentoring.sessions.application.PartnershipCopies;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Reads matching-service's partnership topic (keyed by partnership, so in order per partnership) and hands the
 * partnership.* events and agreement.in-force to {@link PartnershipCopies} (and agreement.activated, which it replaced, as
 * it is already on the topic); the request events are not needed here.
 * An event it cannot read or apply goes to the dead-letter topic with the reason, without stopping the others.
 */
// made at start, so that its dispatch is registered for replays before any event arrives
@Startup
@ApplicationScoped
public class PartnershipEventsConsumer {

    public static final String CHANNEL = "partnership-events";

    private final EventDispatch dispatch;

    PartnershipEventsConsumer(ObjectMapper json, PartnershipCopies copies, DeadLetterDesk deadLetters) {
        this.dispatch = EventDispatch.with(json)
                .on(PartnershipEvents.PARTNERSHIP_CHANGES, copies::changed)
                .on(AgreementEvents.IN_FORCE, copies::agreementInForce)
                .on(AgreementEvents.ACTIVATED, (event, activated) -> copies.agreementInForce(event, AgreementEvents.InForce.of(activated)))
                .build();
        deadLetters.handles(CHANNEL, dispatch); // a dead letter of this channel is replayed through the same handling
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String cloudEvent) {
        return dispatch.dispatch(cloudEvent);
    }
}
