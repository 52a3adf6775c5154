package dev.mentoring.contracts;

import java.time.OffsetDateTime;
import java.util.UUID;

/** notification-service's webhook events on {@link Topics#WEBHOOK}, keyed by the endpoint id. */
public final class WebhookEvents {

    /**
     * A webhook endpoint was turned off because every delivery to it had failed for too long; its owner turns it on
     * again. Carries no URL (it may hold a token of the receiver's) and no error text.
     */
    public static final EventType<EndpointDisabled> ENDPOINT_DISABLED = new EventType<>("webhook.endpoint-disabled",
            Topics.WEBHOOK, 1, EndpointDisabled.class, EndpointDisabled::endpointId, e -> "webhooks/endpoints/" + e.endpointId());

    /**
     * Payload of webhook.endpoint-disabled.
     *
     * @param reason       why: {@code FAILING} (every attempt failed since {@code failingSince})
     * @param failingSince the first failed attempt of the run of failures
     * @param lastStatus   the HTTP status of the last attempt, null when no answer came
     */
    public record EndpointDisabled(UUID endpointId, String reason, OffsetDateTime failingSince, Integer lastStatus, OffsetDateTime at) {
    }

    private WebhookEvents() {
    }
}
