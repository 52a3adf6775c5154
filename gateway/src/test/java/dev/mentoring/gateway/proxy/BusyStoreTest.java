package dev.mentoring.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.gateway.domain.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;

/**
 * A rate-limit store that is there but busy is not an absent one: with one connection to it and no request let wait
 * for it, a burst of requests asking the store at once finds it busy, and only those requests are limited by this
 * instance alone. The store is not taken for away (which would limit every request on its own for store-retry-after):
 * the next request asks it again.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@TestProfile(BusyStoreTest.OneConnection.class)
class BusyStoreTest {

    private static final String PREFIX = "busy-test:";

    /** One connection to the store and no request waiting for it: the pool's "too busy" at the second at once. */
    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.redis.max-pool-size", "1",
                    "quarkus.redis.max-pool-waiting", "0",
                    "mentoring.gateway.rate-limits.key-prefix", PREFIX,
                    // a machine busy with other builds must not make the store look away while it is there
                    "mentoring.gateway.rate-limits.store-timeout", "3s");
        }
    }

    @Inject
    SharedBuckets buckets;

    @Inject
    RedisDataSource redis;

    @Inject
    MeterRegistry registry;

    @Test
    void aBusyStoreIsAskedAgainAtTheNextRequest() {
        String run = UUID.randomUUID().toString();
        take("acme|" + run + "-first"); // the connection made

        List<Uni<List<RateLimiter.Decision>>> atOnce = IntStream.range(0, 64)
                .mapToObj(i -> buckets.take(List.of(buckets.user("acme|" + run + "-" + i)))).toList();
        List<List<RateLimiter.Decision>> decisions = Uni.join().all(atOnce).andFailFast().await().atMost(Duration.ofSeconds(20));

        assertThat(decisions).as("every request decided, none failed for want of a connection")
                .hasSize(64).allSatisfy(decided -> assertThat(decided.get(0).allowed()).isTrue());
        assertThat(fallbacks("busy")).as("requests that found the connection busy, limited by this instance alone")
                .isPositive();
        assertThat(fallbacks("away")).as("the store was never taken for away").isZero();
        assertThat(buckets.storeAway()).isFalse();

        take("acme|" + run + "-after");
        assertThat(redis.key().exists(PREFIX + "user:acme|" + run + "-after")).as("the next request's bucket is in the store")
                .isTrue();
    }

    private void take(String person) {
        assertThat(buckets.take(List.of(buckets.user(person))).await().atMost(Duration.ofSeconds(10)).get(0).allowed()).isTrue();
    }

    private double fallbacks(String reason) {
        var counter = registry.find("mentoring.gateway.rate.limit.local").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
