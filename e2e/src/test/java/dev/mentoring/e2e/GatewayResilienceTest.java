package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * The gateway's limits and its answers for a failing service, against the real platform: the per-person
 * rate limit (429 with Retry-After and RateLimit headers), the per-route body limit (413), a hanging
 * service (504 after the route's timeout), a stopped one (503, then the circuit opens and the service is
 * left alone until it is back).
 */
class GatewayResilienceTest {

    private static final String FEEDBACK = "/api/v1/feedback/nothing-here";

    /**
     * Through the first gateway, which routes to the first instance of each service: the one these tests stop (through
     * the load balancer the other gateway would answer from the second instance).
     */
    private static io.restassured.specification.RequestSpecification firstGateway(String token) {
        return io.restassured.RestAssured.given().baseUri(Replicas.GATEWAY_1).header("Authorization", "Bearer " + token);
    }

    @Test
    void aPersonBeyondTheRateLimitGets429WithRetryAfterAndRateLimitHeaders() throws InterruptedException {
        Pairs.existingProfile("globex-mentee1");
        Thread.sleep(2500); // a full bucket
        String token = Platform.tokenOf("globex-mentee1");
        // 8 at a time, faster than the 20 a second one person may send on any machine; 200 in all
        List<Response> answers = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sent.add(pool.submit(() -> Platform.anonymous().header("Authorization", "Bearer " + token)
                        .get("/api/v1/matching/participants/me")));
            }
            for (var answer : sent) {
                answers.add(answer.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            pool.shutdown();
        }
        assertThat(answers).allMatch(a -> a.statusCode() == 200 || a.statusCode() == 429);
        List<Response> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(refused).isNotEmpty();
        assertThat(answers.stream().filter(a -> a.statusCode() == 200).count()).isGreaterThanOrEqualTo(40);
        Response first = refused.get(0);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(first.header("RateLimit")).contains("remaining=0");
        assertThat(first.header("RateLimit-Policy")).contains("\"user\";q=");
        Thread.sleep(Long.parseLong(first.header("Retry-After")) * 1000 + 2500);
        Platform.as("globex-mentee1").get("/api/v1/matching/participants/me").then().statusCode(200);
    }

    @Test
    void aBodyBeyondTheRoutesLimitIs413BeforeItReachesTheService() {
        byte[] body = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');
        Platform.as("globex-mentee1").contentType("application/json").body(body).put("/api/v1/matching/participants/me")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("2097152"));
    }

    @Test
    void aHangingServiceIs504AndAStoppedOne503UntilItIsBack() throws Exception {
        String token = Platform.tokenOf("globex-mentee1");
        firstGateway(token).get(FEEDBACK).then().statusCode(404);
        long pid = Platform.pidOf("feedback");
        Platform.signal("STOP", pid);
        try {
            firstGateway(token).get(FEEDBACK).then().statusCode(504)
                    .contentType("application/problem+json");
        } finally {
            Platform.signal("CONT", pid);
        }
        firstGateway(token).get(FEEDBACK).then().statusCode(404);

        Platform.signal("KILL", pid);
        try {
            String detail = "";
            for (int i = 0; i < 7; i++) {
                detail = firstGateway(token).get(FEEDBACK).then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"))
                        .extract().path("detail");
            }
            assertThat(detail).contains("circuit open");
        } finally {
            Platform.restart("feedback", Duration.ofSeconds(120));
        }
        // the breaker lets a trial through after its open time, and the service answers again
        int status = 0;
        for (int i = 0; i < 40 && status != 404; i++) {
            status = firstGateway(token).get(FEEDBACK).statusCode();
            if (status != 404) {
                Thread.sleep(1000);
            }
        }
        assertThat(status).isEqualTo(404);
    }
}
