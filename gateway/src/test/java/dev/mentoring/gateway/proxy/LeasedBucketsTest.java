package dev.mentoring.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.gateway.config.GatewayConfig;
import dev.mentoring.gateway.domain.RateLimiter;
import dev.mentoring.plumbing.testing.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;

/**
 * A busy client's bucket is leased: a gateway takes a tenth of a second of its rate from Redis in one call and spends it
 * on the next requests without asking. Leased tokens are spent in the store, so two gateways leasing from one bucket
 * together never pass its limit; unspent ones are dropped when the lease ends. Counted on a Redis of the test's own.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(value = OwnRedis.class, restrictToAnnotatedClass = true)
@TestProfile(LeasedBucketsTest.BusyClients.class)
class LeasedBucketsTest {

    private static final String PREFIX = "leased-test:";

    /** Two gateway instances; an integration client at 500/s: leases of 500 / (10 x 2) = 25 tokens, kept 2 s. */
    public static class BusyClients implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mentoring.gateway.rate-limits.integration-per-second", "500",
                    "mentoring.gateway.rate-limits.integration-burst", "1000",
                    "mentoring.gateway.rate-limits.instances", "2",
                    "mentoring.gateway.rate-limits.key-prefix", PREFIX,
                    "mentoring.gateway.rate-limits.lease-for", "2s",
                    "mentoring.gateway.rate-limits.store-timeout", "3s");
        }
    }

    @Inject
    RedisDataSource redis;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    GatewayConfig config;

    @Inject
    SharedBuckets buckets;

    @Test
    void aBusyClientAsksTheStoreOncePerLeaseAndPersonsEveryTime() {
        String hr = TestTokens.machine("lease-" + UUID.randomUUID(), "integration").bearer();
        given().header("Authorization", TestTokens.machine("warm-" + UUID.randomUUID(), "integration").bearer())
                .get("/api/v1/matching/participants/me").then().statusCode(200);
        long before = scriptCalls();
        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            given().header("Authorization", hr).get("/api/v1/matching/participants/me").then().statusCode(200)
                    .header("RateLimit", org.hamcrest.Matchers.startsWith("limit=1000, remaining="));
        }
        long leasesEnded = (System.nanoTime() - start) / Duration.ofSeconds(2).toNanos();
        assertThat(scriptCalls() - before).as("25 requests spent one lease of 25 tokens: one call to the store (and one more "
                + "for each lease that ended meanwhile: %d)", leasesEnded).isBetween(1L, 1 + leasesEnded);

        // a person's bucket (20/s) is never leased: each of their requests asks the store
        String person = TestTokens.person("acme", "E-" + UUID.randomUUID(), "mentee").bearer();
        before = scriptCalls();
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", person).get("/api/v1/matching/participants/me").then().statusCode(200);
        }
        assertThat(scriptCalls() - before).as("one call per request of a person").isEqualTo(5);
    }

    @Test
    void leasedTokensAreSpentInTheStoreAndDroppedWhenTheLeaseEnds() throws InterruptedException {
        SharedBuckets.Spend spend = buckets.client("lease-" + UUID.randomUUID(), "hr-sync", true);
        assertThat(buckets.leaseSize(spend)).isEqualTo(25);
        String key = PREFIX + "integration:" + spend.key();
        assertThat(take(buckets, spend).allowed()).isTrue();
        double left = Double.parseDouble(redis.hash(String.class).hget(key, "t"));
        assertThat(left).as("the whole lease is spent in the store at once").isBetween(975.0, 976.0);
        assertThat(buckets.leased(List.of(spend))).as("the next request spends from the lease").isNotNull();

        Thread.sleep(2100); // the lease (2 s) ended with 23 tokens unspent
        assertThat(buckets.leased(List.of(spend))).as("an ended lease spends nothing").isNull();
        long before = scriptCalls();
        assertThat(take(buckets, spend).allowed()).isTrue();
        assertThat(scriptCalls() - before).as("the store is asked again").isEqualTo(1);
    }

    @Test
    void requestsThatFindTheLeaseEmptyAtOnceTakeOneLeaseBetweenThem() {
        SharedBuckets.Spend spend = buckets.client("herd-" + UUID.randomUUID(), "hr-sync", true);
        String key = PREFIX + "integration:" + spend.key();
        List<Uni<List<RateLimiter.Decision>>> atOnce = IntStream.range(0, 16).mapToObj(i -> buckets.take(List.of(spend))).toList();
        List<List<RateLimiter.Decision>> decided = Uni.join().all(atOnce).andFailFast().await().atMost(Duration.ofSeconds(10));
        assertThat(decided).allSatisfy(decision -> assertThat(decision.get(0).allowed()).isTrue());
        double left = Double.parseDouble(redis.hash(String.class).hget(key, "t"));
        assertThat(left).as("one lease of 25 and a token for each of the 15 others spent in the store (more only refilled), "
                + "not 16 leases of which 15 were dropped").isGreaterThanOrEqualTo(1000 - 25 - 15);
        assertThat(buckets.leased(List.of(spend))).as("the one lease taken is spent from").isNotNull();
    }

    @Test
    void aPersonsBucketIsNeverLeasedWhateverItsRate() {
        assertThat(buckets.leaseSize(new SharedBuckets.Spend("user", "acme|someone", 100_000, 100_000))).isEqualTo(1);
    }

    @Test
    void twoGatewaysLeasingFromOneBucketNeverPassItsLimit() {
        // a second gateway instance: its own leases, the same store and script
        SharedBuckets other = new SharedBuckets(reactiveRedis, config, new SimpleMeterRegistry());
        SharedBuckets.Spend spend = new SharedBuckets.Spend("integration", "limit-" + UUID.randomUUID(), 100, 100);
        assertThat(buckets.leaseSize(spend)).as("100/s over 2 instances: leases of 5").isEqualTo(5);
        int allowed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 400; i++) {
            SharedBuckets gateway = i % 2 == 0 ? buckets : other;
            List<RateLimiter.Decision> leased = gateway.leased(List.of(spend));
            RateLimiter.Decision decision = leased != null ? leased.get(0) : take(gateway, spend);
            allowed += decision.allowed() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(allowed).as("the burst and what refilled in %.2f s, never more; at most the two leases held less", seconds)
                .isLessThanOrEqualTo(100 + (int) Math.ceil(100 * seconds))
                .isGreaterThanOrEqualTo(100 - 2 * 5);
    }

    private static RateLimiter.Decision take(SharedBuckets buckets, SharedBuckets.Spend spend) {
        return buckets.take(List.of(spend)).await().atMost(Duration.ofSeconds(5)).get(0);
    }

    /** The calls of the buckets' script the store has answered (EVALSHA and EVAL), from its own statistics. */
    private long scriptCalls() {
        String info = redis.execute("INFO", "commandstats").toString();
        long calls = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
                calls += Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*", "$1"));
            }
        }
        return calls;
    }
}
