package dev.mentoring.gateway.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the gateway sends each public path prefix. */
@ConfigMapping(prefix = "mentoring.gateway")
public interface GatewayConfig {

    /** Routes by service name. */
    Map<String, Route> routes();

    /** Longest time a service may take to answer before the gateway gives up (504), unless its route says otherwise. */
    @WithDefault("30s")
    Duration timeout();

    /** When the gateway stops sending requests to a failing service for a while (503 at once). */
    CircuitBreakers circuitBreaker();

    /** Request rate limits, platform-wide: every gateway instance spends from the same buckets (Redis). */
    RateLimits rateLimits();

    interface Route {
        /** The public path prefix, e.g. {@code /api/v1/matching}; stripped before forwarding. */
        String prefix();

        /** The service's base URL, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /**
         * Where on the service the paths below the prefix land, e.g. {@code /scim/v2} for the SCIM route into
         * matching-service (the public {@code /scim/v2/Users} reaches {@code /scim/v2/Users} there); the service's root
         * when absent.
         */
        Optional<String> servicePath();

        /**
         * Whether the service's OpenAPI document describes this route's paths (false for a second route into a service
         * whose document another route already publishes, e.g. SCIM, which SCIM clients discover on their own).
         */
        @WithDefault("true")
        boolean apiDocument();

        /** The largest request body this route takes, in bytes (413 beyond). */
        @WithDefault("1048576")
        long maxBodyBytes();

        /**
         * The most requests this gateway instance has at the route's service at once (its upstream pool has as many
         * connections). One more is answered 503 with {@code Retry-After} at once: an overload is refused while the
         * service still answers the admitted ones in good time, instead of every request queueing toward the route
         * timeout. Per instance: with one gateway fewer, the others must still let in what the services can take.
         */
        @WithDefault("100")
        @Min(1)
        int maxInFlight();

        /** This route's answer timeout (504 beyond); the gateway-wide {@code timeout} when absent. */
        Optional<Duration> timeout();

        /**
         * Paths below the prefix that GET reaches without a token, e.g. {@code /calendar-feeds/} (secret calendar
         * URLs for apps that cannot send one); rate-limited per client address.
         */
        Optional<java.util.List<String>> publicGetPaths();
    }

    interface CircuitBreakers {
        /** Failures in a row (unreachable, timed out, 502/503/504) that open a service's breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 before it lets one trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface RateLimits {
        /** Requests per second one person (tenant + subject) may make, sustained. */
        @WithDefault("20")
        int perUserPerSecond();

        /** Burst a person may make at once. */
        @WithDefault("40")
        int perUserBurst();

        /** Requests per second one tenant's client application (tenant + azp) may make, sustained. */
        @WithDefault("200")
        int perClientPerSecond();

        /** Burst one tenant's client may make at once. */
        @WithDefault("400")
        int perClientBurst();

        /**
         * Requests per second one integration client of a tenant (a client-credentials token with the role
         * {@code integration}: an HR platform syncing people) may make, sustained. Such a caller is no person: it
         * spends from its client bucket only, sized for a bulk sync (a nightly sync of 50,000 people at 100/s takes
         * under 9 minutes), unless {@code clients} names its own.
         */
        @WithDefault("100")
        int integrationPerSecond();

        /** Burst one integration client of a tenant may make at once (a sync's first page of PUTs, in parallel). */
        @WithDefault("1000")
        int integrationBurst();

        /**
         * Limits of named client applications (by client id, the token's {@code azp}), for each tenant's use of that
         * client: an HR platform whose sync needs more, or a client held to less. They replace the client bucket's
         * limits (the integration ones too) for that client.
         */
        Map<String, ClientLimits> clients();

        /**
         * How many gateway instances run: while the shared store is unreachable, each instance limits on its own with
         * this share of every rate and burst, so that together they still allow about the configured rate.
         */
        @WithDefault("1")
        int instances();

        /** The prefix of the buckets' keys in the shared store (tests use their own). */
        @WithDefault("mentoring:rate:")
        String keyPrefix();

        /** The longest the shared store may take to answer before this instance limits on its own for the request. */
        @WithDefault("500ms")
        Duration storeTimeout();

        /** After the store failed, how long this instance limits on its own before it asks the store again. */
        @WithDefault("5s")
        Duration storeRetryAfter();

        /**
         * The most tokens of one bucket an instance takes from the shared store in one call (a lease): it spends one at
         * once and the rest on its next requests without asking the store. A lease is at most a tenth of a second of
         * the bucket's rate shared by {@code instances}, so buckets of a person (20/s) are asked every time and busy
         * clients' buckets once per lease. 1 turns leases off.
         */
        @WithDefault("50")
        int leaseMax();

        /** How long an instance keeps leased tokens: those not spent by then are dropped, never given to anyone. */
        @WithDefault("1s")
        Duration leaseFor();
    }

    /** One client application's own limits. */
    interface ClientLimits {
        /** Requests per second, sustained, per tenant using this client. */
        int perSecond();

        /** Burst at once, per tenant using this client. */
        int burst();
    }
}
