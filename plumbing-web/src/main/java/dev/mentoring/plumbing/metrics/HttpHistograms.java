package dev.mentoring.plumbing.metrics;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Latency buckets on {@code http.server.requests}, so that Prometheus can compute percentiles across instances
 * ({@code histogram_quantile(0.99, sum by (le, ...) (rate(http_server_requests_seconds_bucket[5m])))}). A fixed set
 * of {@link #BUCKETS} (13 series per route, method and status) instead of Micrometer's percentile histogram (about
 * 70): enough to tell 50 ms from 250 ms from 1 s, which is what the latency alert needs.
 */
@Singleton
public class HttpHistograms implements MeterFilter {

    /** The server requests' meter name, as Quarkus' HTTP binder registers it. */
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Bucket bounds ({@code le}) of the request histogram. */
    static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30) };

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        double[] nanos = new double[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            nanos[i] = BUCKETS[i].toNanos();
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
    }
}
