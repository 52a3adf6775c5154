package dev.mentoring.gateway;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the gateway sends each public path prefix. */
@ConfigMapping(prefix = "mentoring.gateway")
public interface GatewayConfig {

    /** Routes by service name. */
    Map<String, Route> routes();

    /** Longest time a service may take to answer before the gateway gives up (504). */
    @WithDefault("30s")
    Duration timeout();

    interface Route {
        /** The public path prefix, e.g. {@code /api/v1/matching}; stripped before forwarding. */
        String prefix();

        /** The service's base URL, e.g. {@code http://127.0.0.1:8081}. */
        String url();
    }
}
