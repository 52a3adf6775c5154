package dev.mentoring.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@TestProfile(GatewayLimitsTest.TightLimits.class)
class GatewayLimitsTest {

    /** Small limits, so that the tests reach them quickly. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mentoring.gateway.rate-limits.per-user-per-second", "1",
                    "mentoring.gateway.rate-limits.per-user-burst", "3",
                    "mentoring.gateway.rate-limits.integration-per-second", "1",
                    "mentoring.gateway.rate-limits.integration-burst", "6",
                    "mentoring.gateway.rate-limits.clients.\"nightly-sync\".per-second", "1",
                    "mentoring.gateway.rate-limits.clients.\"nightly-sync\".burst", "9",
                    "mentoring.gateway.routes.matching.max-body-bytes", "1024",
                    "mentoring.gateway.routes.matching.max-in-flight", "2");
        }
    }

    private static String person() {
        return TestTokens.person("acme", "E-" + UUID.randomUUID(), "mentee").bearer();
    }

    @Test
    void aPersonBeyondTheirRateGets429WithRetryAfter() {
        String token = person();
        // a burst of 3 at 1 a second: however slow the machine, a few more than 3 requests find the bucket empty
        int allowed = 0;
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            int before = EchoService.REQUESTS.get();
            var answer = given().header("Authorization", token).get("/api/v1/matching/participants/me");
            if (answer.statusCode() == 429) {
                refused = answer;
                assertThat(EchoService.REQUESTS.get()).as("a refused request reaches no service").isEqualTo(before);
            } else {
                answer.then().statusCode(200).header("RateLimit", containsString("remaining="));
                allowed++;
            }
        }
        assertThat(allowed).isGreaterThanOrEqualTo(3);
        assertThat(refused).isNotNull();
        refused.then().contentType("application/problem+json").header("Retry-After", notNullValue())
                .header("RateLimit", containsString("remaining=0"));
        // another person is not slowed down by the first
        given().header("Authorization", person()).get("/api/v1/matching/participants/me").then().statusCode(200);
    }

    /** Requests of one token, one after another, until the first 429 (at most 40): how many were allowed first. */
    private static int allowedBeforeRefused(String token) {
        for (int i = 0; i < 40; i++) {
            var answer = given().header("Authorization", token).get("/api/v1/matching/participants/me");
            if (answer.statusCode() == 429) {
                answer.then().contentType("application/problem+json").header("Retry-After", notNullValue());
                return i;
            }
            answer.then().statusCode(200);
        }
        return 40;
    }

    @Test
    void anIntegrationClientIsNoPersonAndSpendsItsClientBucketSizedForABulkSync() {
        // an HR platform's client-credentials token: the person limit (burst 3) does not hold it back, its own does (6)
        String tenant = "sync-" + UUID.randomUUID();
        String hr = TestTokens.machine(tenant, "integration").bearer();
        given().header("Authorization", hr).get("/api/v1/matching/participants/me").then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"client\";q=6"));
        int allowed = 1 + allowedBeforeRefused(hr);
        assertThat(allowed).as("the integration burst, and at most what refilled meanwhile").isBetween(6, 9);
        // another tenant's use of the same client application has its own bucket
        given().header("Authorization", TestTokens.machine("sync-" + UUID.randomUUID(), "integration").bearer())
                .get("/api/v1/matching/participants/me").then().statusCode(200);
    }

    @Test
    void aClientNamedInTheSettingsGetsItsOwnLimits() {
        String named = TestTokens.machine("sync-" + UUID.randomUUID(), "integration").claim("azp", "nightly-sync").bearer();
        assertThat(allowedBeforeRefused(named)).as("the named client's burst of 9").isBetween(9, 12);
        // a person signed in through a client application still has their own limit besides the client's
        String person = TestTokens.person("sync-" + UUID.randomUUID(), "E-1", "mentee").claim("azp", "nightly-sync").bearer();
        given().header("Authorization", person).get("/api/v1/matching/participants/me").then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"user\";q=3, \"client\";q=9"));
    }

    @Test
    void aBodyLargerThanTheRouteTakesIs413() {
        int before = EchoService.REQUESTS.get();
        given().header("Authorization", person()).contentType("application/json").body("{\"x\":\"" + "a".repeat(2000) + "\"}")
                .put("/api/v1/matching/participants/me").then().statusCode(413).contentType("application/problem+json");
        assertThat(EchoService.REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyIsCutOffWhenItGrowsPastTheRoutesLimit() throws Exception {
        int before = EchoService.REQUESTS.get();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("PUT /api/v1/matching/participants/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + person()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String chunk = "a".repeat(512);
            try {
                for (int i = 0; i < 8; i++) { // 4 KiB in all, four times the route's 1 KiB
                    out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedByTheGateway) {
                // the gateway may close the connection once it has answered
            }
            String answer = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
        assertThat(EchoService.REQUESTS.get()).as("the service never got the whole body").isEqualTo(before);
        // a chunked body within the limit still goes through
        given().header("Authorization", person()).contentType("application/json")
                .body(new java.io.ByteArrayInputStream("{\"x\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .put("/api/v1/matching/participants/me").then().statusCode(200).body("body", equalTo("{\"x\":1}"));
    }

    @Test
    void aRouteWithAsManyRequestsAtItsServiceAsItTakesAnswersTheNextOne503AtOnceAndTakesMoreOnceClientsLeave() throws Exception {
        int before = EchoService.REQUESTS.get();
        List<java.net.Socket> hanging = new ArrayList<>();
        try {
            // two requests the service never answers fill the route's two places (its timeout, 30 s, is far off)
            for (int i = 0; i < 2; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port);
                socket.getOutputStream().write(("GET /api/v1/matching/hang HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + person()
                        + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                hanging.add(socket);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> EchoService.REQUESTS.get() == before + 2);
            double heldBefore = heldBack("/api/v1/matching", "max-in-flight");
            given().header("Authorization", person()).get("/api/v1/matching/participants/me").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1")
                    .body("detail", containsString("as many requests as it takes"));
            assertThat(EchoService.REQUESTS.get()).as("the refused request reached no service").isEqualTo(before + 2);
            assertThat(inFlight("/api/v1/matching")).isEqualTo("2.0");
            assertThat(heldBack("/api/v1/matching", "max-in-flight")).as("counted by route and reason").isEqualTo(heldBefore + 1);
        } finally {
            for (java.net.Socket socket : hanging) {
                socket.close();
            }
        }
        // the clients that went away gave their places back (and their calls to the service were reset)
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight("/api/v1/matching").equals("0.0"));
        given().header("Authorization", person()).get("/api/v1/matching/participants/me").then().statusCode(200);
    }

    /** mentoring_gateway_held_back_total of a route and reason (0 when absent). */
    static double heldBack(String route, String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("mentoring_gateway_held_back_total{")
                        && line.contains("reason=\"" + reason + "\"") && line.contains("route=\"" + route + "\""))
                // the value follows the labels (an exemplar may follow it: "# {trace_id=...} 1.0 <time>")
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0])).sum();
    }

    private static String inFlight(String route) {
        java.util.regex.Matcher gauge = java.util.regex.Pattern.compile("(?m)^mentoring_gateway_upstream_in_flight\\{route=\""
                + java.util.regex.Pattern.quote(route) + "\"} (\\S+)$").matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return gauge.find() ? gauge.group(1) : "absent";
    }

    @Test
    void everyAnswerCarriesSecurityHeadersAndTheApiIsNotCached() {
        given().header("Authorization", person()).get("/api/v1/matching/participants/me").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        given().get("/api/v1/matching/participants/me").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().get("/nowhere").then().statusCode(404).header("X-Frame-Options", "DENY");
    }

    @Test
    void corsAllowsOnlyTheListedOrigins() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/matching/participants/me").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/matching/participants/me").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
