package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rate limits are platform-wide: a person's requests spread over both gateways spend one bucket in Redis, so
 * together the gateways allow the configured burst (40) and rate (20/s), not twice them. With Redis stopped (by its
 * PID, when this run started it) each gateway fails open to buckets of its own with half of each limit: the API still
 * answers (200 or 429, never a 5xx), one gateway alone allows half the burst; with Redis back the limits are shared again.
 */
class ReplicaRateLimitTest {

    private static final int BURST = 40;
    private static final int PER_SECOND = 20;

    /** A burst of one person's requests over the gateways, 8 at a time; answers per gateway the statuses, and how long it took. */
    private record Burst(List<Integer> first, List<Integer> second, double seconds) {
        int allowed() {
            return (int) (first.stream().filter(s -> s == 200).count() + second.stream().filter(s -> s == 200).count());
        }
    }

    private static Burst burst(String user, int requests, List<String> gateways) throws Exception {
        String token = Platform.tokenOf(user);
        Thread.sleep(1000L * BURST / PER_SECOND + 1000); // the person's bucket is full again
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String gateway = gateways.get(i % gateways.size());
                sent.add(pool.submit(() -> io.restassured.RestAssured.given().baseUri(gateway).header("Authorization", "Bearer " + token)
                        .get("/api/v1/matching/participants/me").statusCode()));
            }
            List<Integer> first = new ArrayList<>();
            List<Integer> second = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                (gateways.get(i % gateways.size()).equals(Replicas.GATEWAY_1) ? first : second).add(sent.get(i).get());
            }
            return new Burst(first, second, (System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static void assertNoFailures(Burst burst) {
        assertThat(burst.first()).allMatch(s -> s == 200 || s == 429);
        assertThat(burst.second()).allMatch(s -> s == 200 || s == 429);
    }

    @Test
    void bothGatewaysTogetherAllowTheConfiguredBurstNotTwiceIt() throws Exception {
        Pairs.existingProfile("acme-mentee1");
        Burst burst = burst("acme-mentee1", 4 * BURST, Replicas.GATEWAYS);
        assertNoFailures(burst);
        // what one bucket allows in the burst's time: the burst and what refilled meanwhile (two buckets: twice that)
        double shared = BURST + PER_SECOND * burst.seconds();
        System.out.printf("[replicas] rate limit over two gateways: %d requests in %.1f s, %d allowed (gateway 1: %d, gateway 2: %d); "
                + "one shared bucket allows at most %.0f, two separate ones %.0f%n", 4 * BURST, burst.seconds(), burst.allowed(),
                burst.first().stream().filter(s -> s == 200).count(), burst.second().stream().filter(s -> s == 200).count(), shared, 2 * shared);
        assertThat(burst.allowed()).as("the configured burst").isGreaterThanOrEqualTo(BURST);
        assertThat(burst.allowed()).as("one bucket for both gateways").isLessThanOrEqualTo((int) Math.ceil(shared) + 2);
        assertThat(burst.first()).as("gateway 1 refused some").contains(429).contains(200);
        assertThat(burst.second()).as("gateway 2 refused some").contains(429).contains(200);
    }

    @Test
    void withRedisStoppedEachGatewayLimitsOnItsOwnWithHalfTheLimit() throws Exception {
        Assumptions.assumeTrue(Files.exists(Platform.RUN_DIR.resolve("pids/redis")), "Redis was not started by this run: left alone");
        Pairs.existingProfile("acme-mentee2");
        long redis = Platform.pidOf("redis");
        Burst alone;
        Platform.signal("TERM", redis);
        try {
            for (int i = 0; i < 100 && ProcessHandle.of(redis).isPresent(); i++) {
                Thread.sleep(100);
            }
            alone = burst("acme-mentee2", 2 * BURST, List.of(Replicas.GATEWAY_1));
        } finally {
            Platform.restart("redis", Duration.ofMinutes(1));
        }
        assertNoFailures(alone);
        double half = BURST / 2.0 + PER_SECOND / 2.0 * alone.seconds();
        System.out.printf("[replicas] Redis stopped: gateway 1 alone answered %d requests in %.1f s, %d allowed (its half share: "
                + "at most %.0f), no 5xx%n", 2 * BURST, alone.seconds(), alone.allowed(), half);
        assertThat(alone.allowed()).as("half the burst").isGreaterThanOrEqualTo(BURST / 2).isLessThanOrEqualTo((int) Math.ceil(half) + 2);

        // Redis is back (empty); after the gateways' retry time the buckets live there again
        Thread.sleep(6000);
        Platform.as("acme-mentee2").get("/api/v1/matching/participants/me").then().statusCode(200);
        Platform.as("acme-mentee2").get("/api/v1/matching/participants/me").then().statusCode(200);
        Process keys = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", "6379", "--scan", "--pattern", "mentoring:rate:user:*")
                .redirectErrorStream(true).start();
        String found = new String(keys.getInputStream().readAllBytes());
        assertThat(keys.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(found).as("the buckets are in Redis again").contains("mentoring:rate:user:");
    }
}
