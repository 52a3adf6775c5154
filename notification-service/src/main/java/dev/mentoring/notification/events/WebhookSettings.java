package dev.mentoring.notification.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are sent (mentoring.webhooks.*); docs/operations.md lists them. */
@ConfigMapping(prefix = "mentoring.webhooks")
public interface WebhookSettings {

    /** Whether an endpoint may be an http URL (a local receiver); https only in production. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * The keys the endpoints' signing secrets are encrypted with at rest (AES-256-GCM): keys by id (Base64 of 32 bytes)
     * and the id new secrets are sealed with; a secret sealed with an older key still opens while that key is listed.
     */
    SecretKeys secretKeys();

    interface SecretKeys {
        String active();

        Map<String, String> keys();
    }

    /** Networks (CIDR) a webhook may be sent to although they are private, loopback or link-local, e.g. a partner's private link. */
    Optional<List<String>> allowedNetworks();

    /** The waits before each retry of a failed delivery (give or take a fifth): about a day in all. */
    @WithDefault("5S,5M,30M,2H,5H,10H,10H")
    List<Duration> retrySchedule();

    /** An endpoint every attempt to which has failed for this long is turned off (and webhook.endpoint-disabled published). */
    @WithDefault("P5D")
    Duration disableAfter();

    /** How long a connection to a receiver may take to open. */
    @WithDefault("5S")
    Duration connectTimeout();

    /** How long a receiver may take to answer, from the request's start. */
    @WithDefault("15S")
    Duration timeout();

    /** How often each instance looks for deliveries due. */
    @WithDefault("1S")
    Duration poll();

    /** Webhook sends one instance has in flight at most. */
    @WithDefault("50")
    int batch();

    /**
     * Deliveries of one tenant in flight at most, on the whole platform (so that one tenant's backlog or slow receivers do
     * not hold the others up).
     */
    @WithDefault("10")
    int perTenant();

    /** Endpoints one tenant may have. */
    @WithDefault("20")
    int maxEndpoints();

    /** How long deliveries and their attempts are kept in the log. */
    @WithDefault("P30D")
    Duration retention();
}
