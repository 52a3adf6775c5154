package dev.mentoring.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The rate limits live in Redis, shared by every gateway instance: tokens another instance spent count here. With the
 * store really stopped the gateway fails open to buckets of its own holding 1/instances of each limit, and goes back to
 * the store once it is there again.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(value = OwnRedis.class, restrictToAnnotatedClass = true)
@TestProfile(SharedBucketsTest.TwoInstances.class)
class SharedBucketsTest {

    private static final String PREFIX = "shared-test:";
    private static final int BURST = 10;

    /** Limits of two gateway instances; the store asked again a second after it failed. */
    public static class TwoInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mentoring.gateway.rate-limits.per-user-per-second", "1",
                    "mentoring.gateway.rate-limits.per-user-burst", Integer.toString(BURST),
                    "mentoring.gateway.rate-limits.instances", "2",
                    "mentoring.gateway.rate-limits.key-prefix", PREFIX,
                    "mentoring.gateway.rate-limits.store-retry-after", "1s",
                    // a machine busy with other builds must not make the store look away while it is there
                    "mentoring.gateway.rate-limits.store-timeout", "3s");
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void tokensAnotherGatewaySpentCountHere() throws IOException {
        String employee = "E-" + UUID.randomUUID();
        String token = TestTokens.person("acme", employee, "mentee").bearer();
        String bucket = PREFIX + "user:acme|subject-acme-" + employee;
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", token).get("/api/v1/matching/participants/me").then().statusCode(200);
        }
        String tokens = redis.hash(String.class).hget(bucket, "t");
        assertThat(tokens).as("the person's bucket is in Redis").isNotNull();
        assertThat(Double.parseDouble(tokens)).as("spent from, by this gateway").isLessThan(BURST);
        // another gateway instance spends the rest of the burst from the same bucket, with the same script
        String script = script();
        for (int i = 0; i < BURST; i++) {
            redis.execute("EVAL", script, "1", bucket, "1", Integer.toString(BURST), "1");
        }
        var refused = given().header("Authorization", token).get("/api/v1/matching/participants/me");
        assertThat(refused.statusCode()).as("what the other instance spent is gone here too").isEqualTo(429);
        assertThat(refused.header("RateLimit")).contains("remaining=0");
    }

    @Test
    void aStoppedStoreFailsOpenToAShareOfTheLimitAndIsAskedAgainOnceBack() throws Exception {
        // with the store there (its connections made), a burst of concurrent requests gets the configured burst
        burstOf(4);
        assertThat(allowedOf(burstOf(BURST + 2))).as("the store's bucket allows the configured burst")
                .isGreaterThanOrEqualTo(BURST).isLessThanOrEqualTo(BURST + 1);

        OwnRedis.stopServer();
        List<Integer> answers;
        try {
            answers = burstOf(BURST + 2);
        } finally {
            OwnRedis.startServer();
        }
        assertThat(answers).as("no request fails for want of the store").allMatch(status -> status == 200 || status == 429);
        int allowed = allowedOf(answers);
        assertThat(allowed).as("this instance alone allows about its share (1/2) of the burst, never the whole of it")
                .isGreaterThanOrEqualTo(BURST / 2).isLessThan(BURST);

        // the store is back (empty: it forgot the buckets and the script); after store-retry-after it is used again
        Thread.sleep(1500);
        String employee = "E-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.person("acme", employee, "mentee").bearer())
                .get("/api/v1/matching/participants/me").then().statusCode(200);
        assertThat(redis.key().exists(PREFIX + "user:acme|subject-acme-" + employee)).as("the bucket is kept in the store again")
                .isTrue();
    }

    /** Sends n requests of one fresh person at once; answers their statuses. */
    private static List<Integer> burstOf(int n) throws Exception {
        String token = TestTokens.person("acme", "E-" + UUID.randomUUID(), "mentee").bearer();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(pool.submit(() -> given().header("Authorization", token).get("/api/v1/matching/participants/me").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : sent) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static int allowedOf(List<Integer> statuses) {
        return (int) statuses.stream().filter(status -> status == 200).count();
    }

    private static String script() throws IOException {
        try (InputStream in = SharedBucketsTest.class.getResourceAsStream("/token-buckets.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
