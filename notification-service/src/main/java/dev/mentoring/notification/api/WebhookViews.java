package dev.mentoring.notification.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.notification.application.Webhooks;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository.AttemptRow;
import dev.mentoring.notification.persistence.WebhookDeliveryRepository.DeliveryRow;
import dev.mentoring.notification.persistence.WebhookEndpoint;

/** The webhook API's bodies. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @Schema(name = "WebhookEndpointInput", description = "A webhook endpoint as registered or changed. On a change, a field left out stays as it is.")
    public record EndpointInput(
            @Schema(description = "Where deliveries are POSTed: an https URL (http only in a local run), without user name or password; "
                    + "its host may not resolve to a private, loopback, link-local or metadata address", example = "https://hr.example.com/hooks/mentoring")
            @Size(max = 2000) String url,
            @Schema(description = "The event types to receive (GET /webhooks/event-types lists them), at least one")
            @Size(max = 100) List<String> eventTypes,
            @Schema(nullable = true, description = "What the endpoint is for, up to 200 characters") String description,
            @Schema(nullable = true, description = "On (true, the default) or off; turning an endpoint on again after it was turned off "
                    + "for failing forgets its failures") Boolean enabled) {

        Webhooks.Change change() {
            return new Webhooks.Change(url, eventTypes, description, enabled);
        }
    }

    @Schema(name = "WebhookEndpoint")
    public record EndpointView(UUID id, String url, List<String> eventTypes,
            @Schema(nullable = true) String description,
            boolean enabled,
            @Schema(nullable = true, description = "Why it is off: FAILING (every attempt failed for too long: it was turned off and "
                    + "webhook.endpoint-disabled published) or BY_OWNER; null while on") String disabledReason,
            @Schema(nullable = true) OffsetDateTime disabledAt,
            @Schema(nullable = true, description = "Since when every attempt has failed; null after a success") OffsetDateTime failingSince,
            @Schema(nullable = true, description = "Until when the secret before the last rotation still signs beside the new one")
            OffsetDateTime previousSecretValidUntil,
            @Schema(description = "Who registered it: the integration client's id, or the program admin's subject") String createdBy,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

        static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e.id, e.url, e.eventTypeList(), e.description, e.enabled, e.disabledReason, e.disabledAt, e.failingSince,
                    e.previousUntil, e.createdBy, e.createdAt, e.updatedAt, e.version);
        }
    }

    @Schema(name = "WebhookEndpointRegistered", description = "The endpoint, and its signing secret: shown only now")
    public record Registered(EndpointView endpoint,
            @Schema(description = "whsec_ and the base64 of 32 random bytes: the key of each delivery's webhook-signature (Standard Webhooks)")
            String secret) {

        static Registered of(Webhooks.Registered r) {
            return new Registered(EndpointView.of(r.endpoint()), r.secret());
        }
    }

    @Schema(name = "WebhookSecretRotated", description = "The new signing secret, shown only now")
    public record Rotated(String secret,
            @Schema(description = "Until when deliveries are signed with the secret before too (both signatures in webhook-signature)")
            OffsetDateTime previousSecretValidUntil) {

        static Rotated of(Webhooks.Rotated r) {
            return new Rotated(r.secret(), r.previousSecretValidUntil());
        }
    }

    @Schema(name = "WebhookEventTypes")
    public record EventTypes(@Schema(description = "The CloudEvents types an endpoint may ask for, as the AsyncAPI document lists them") List<String> items) {
    }

    @Schema(name = "WebhookDelivery", description = "One event's delivery to the endpoint; its webhook-id is the CloudEvent id")
    public record DeliveryView(UUID id, UUID eventId, String eventType,
            @Schema(description = "PENDING (to be sent, or sent again after a failure), DELIVERED, or FAILED (every try of the retry schedule failed)")
            String state,
            int attempts,
            @Schema(nullable = true, description = "When it is tried next, while PENDING") OffsetDateTime nextAttemptAt,
            @Schema(nullable = true, description = "The HTTP status of the last attempt; null when no answer came") Integer lastStatus,
            @Schema(nullable = true) Integer lastLatencyMs,
            @Schema(nullable = true, description = "What went wrong the last time") String lastError,
            OffsetDateTime createdAt,
            @Schema(nullable = true) OffsetDateTime deliveredAt) {

        static DeliveryView of(DeliveryRow d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.state(), d.attempts(),
                    "PENDING".equals(d.state()) ? d.nextAttemptAt() : null, d.lastStatus(), d.lastLatencyMs(), d.lastError(), d.createdAt(),
                    d.deliveredAt());
        }
    }

    @Schema(name = "WebhookAttempt")
    public record AttemptView(OffsetDateTime attemptedAt, @Schema(nullable = true, description = "null when no answer came") Integer status,
            int latencyMs, @Schema(nullable = true) String error) {

        static AttemptView of(AttemptRow a) {
            return new AttemptView(a.attemptedAt(), a.status(), a.latencyMs(), a.error());
        }
    }

    @Schema(name = "WebhookDeliveryDetail")
    public record DeliveryDetail(DeliveryView delivery, @Schema(description = "Its attempts, newest first (the last 50)") List<AttemptView> attempts) {

        static DeliveryDetail of(Webhooks.DeliveryDetail d) {
            return new DeliveryDetail(DeliveryView.of(d.delivery()), d.attempts().stream().map(AttemptView::of).toList());
        }
    }
}
