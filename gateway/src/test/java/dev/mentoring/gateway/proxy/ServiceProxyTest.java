package dev.mentoring.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.tenancy.CachedBearerAuthentication;
import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
class ServiceProxyTest {

    private static String token() {
        return TestTokens.person("acme", "E-1", "mentee").bearer();
    }

    @Test
    void forwardsAnAuthenticatedRequestWithoutItsPrefix() {
        given().header("Authorization", token()).header("X-Request-Id", "req-42")
                .header("Proxy-Authorization", "secret").header("TE", "trailers")
                .contentType(ContentType.JSON).body("{\"hello\":\"world\"}")
                .put("/api/v1/matching/participants/me?x=1")
                .then().statusCode(200)
                .header("X-Request-Id", "req-42")
                .body("method", equalTo("PUT"))
                .body("uri", equalTo("/participants/me?x=1"))
                .body("body", equalTo("{\"hello\":\"world\"}"))
                .body("headers.authorization", containsString("Bearer "))
                .body("headers.x-request-id", equalTo("req-42"))
                .body("headers.x-forwarded-for", notNullValue())
                .body("headers.x-forwarded-prefix", equalTo("/api/v1/matching"))
                .body("headers.proxy-authorization", nullValue())
                .body("headers.te", nullValue());
    }

    /** The SCIM route reaches the matching service's /scim/v2 with the same query, under its own public prefix. */
    @Test
    void aRouteWithAServicePathLandsThere() {
        given().header("Authorization", token()).urlEncodingEnabled(false).get("/scim/v2/Users?filter=userName%20eq%20%22a%22")
                .then().statusCode(200)
                .body("uri", equalTo("/scim/v2/Users?filter=userName%20eq%20%22a%22"))
                .body("headers.x-forwarded-prefix", equalTo("/scim/v2"));
        given().header("Authorization", token()).get("/scim/v2").then().statusCode(200).body("uri", equalTo("/scim/v2"));
        given().get("/scim/v2/Users").then().statusCode(401);
    }

    @Test
    void makesARequestIdWhenTheClientSentNone() {
        given().header("Authorization", token()).get("/api/v1/matching/participants/me")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void refusesBadTokensBeforeTheyReachAService() {
        int before = EchoService.REQUESTS.get();
        given().get("/api/v1/matching/participants/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/matching/participants/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.person("acme", "E-1", "mentee").expiredSince(300).bearer())
                .get("/api/v1/matching/participants/me").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.person("acme", "E-1", "mentee").claim("aud", "other").bearer())
                .get("/api/v1/matching/participants/me").then().statusCode(401);
        given().header("Authorization", TestTokens.person("acme", "E-1", "mentee").without("tenant").bearer())
                .get("/api/v1/matching/participants/me").then().statusCode(401).contentType("application/problem+json");
        assertThat(EchoService.REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void aTokenThatCannotBeJudgedNowIs503WithRetryAfterNot401() {
        int before = EchoService.REQUESTS.get();
        // its verification breaks (BrokenVerification) instead of refusing it: the client must not drop a token that may be valid
        given().header("Authorization", TestTokens.person("acme", "E-1", "mentee").claim(BrokenVerification.CLAIM, true).bearer())
                .get("/api/v1/matching/participants/me").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "1")
                .body("detail", containsString("could not be verified"));
        assertThat(EchoService.REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void aRefusalWrappedInOtherFailuresIsStillARefusal() {
        var refused = new io.quarkus.security.AuthenticationFailedException("bad signature");
        assertThat(ServiceProxy.refusal(refused)).isTrue();
        assertThat(ServiceProxy.refusal(new java.util.concurrent.CompletionException(refused))).isTrue();
        assertThat(ServiceProxy.refusal(new io.smallrye.mutiny.CompositeException(new IllegalStateException("x"), refused))).isTrue();
        assertThat(ServiceProxy.refusal(new IllegalStateException("the verification broke"))).isFalse();
        assertThat(ServiceProxy.refusal(null)).isFalse();
    }

    @Inject
    CachedBearerAuthentication verifiedTokens;

    @Test
    void aTokenIsVerifiedOnceAndATamperedCopyOfItIsStillRefused() {
        String bearer = TestTokens.person("acme", "E-cache", "mentee").bearer();
        int before = verifiedTokens.size();
        given().header("Authorization", bearer).get("/api/v1/matching/participants/me").then().statusCode(200);
        assertThat(verifiedTokens.size()).as("remembered after its first verification").isEqualTo(before + 1);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer).get("/api/v1/matching/participants/me").then().statusCode(200);
        }
        assertThat(verifiedTokens.size()).isEqualTo(before + 1);
        // the same signature under another payload: a new key, verified in full, refused
        String[] parts = bearer.substring("Bearer ".length()).split("\\.");
        String otherPayload = TestTokens.person("globex", "E-cache", "mentee").sign().split("\\.")[1];
        int forwarded = EchoService.REQUESTS.get();
        given().header("Authorization", "Bearer " + parts[0] + "." + otherPayload + "." + parts[2])
                .get("/api/v1/matching/participants/me").then().statusCode(401).contentType("application/problem+json");
        assertThat(EchoService.REQUESTS.get()).isEqualTo(forwarded);
    }

    @Test
    void aStoppedServiceIs503AndAnUnknownRoute404() {
        given().header("Authorization", token()).get("/api/v1/sessions/anything").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        given().header("Authorization", token()).get("/api/v2/elsewhere").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void continuesAValidTraceparentAndStartsATraceOtherwise() {
        String given = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        // the same trace, with the gateway's server span as the service's parent
        given().header("Authorization", token()).header("traceparent", given).get("/api/v1/matching/participants/me")
                .then().statusCode(200).body("headers.traceparent",
                        matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)(?!0{16})[0-9a-f]{16}-01"));
        // a trace the client does not sample goes on unrecorded, decided before any span is built (ServerSpans)
        given().header("Authorization", token()).header("traceparent", given.replaceFirst("-01$", "-00"))
                .get("/api/v1/matching/participants/me").then().statusCode(200).body("headers.traceparent",
                        matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)(?!0{16})[0-9a-f]{16}-00"));
        assertThat(dev.mentoring.plumbing.tracing.ServerSpans.installed()).isTrue();
        given().header("Authorization", token()).header("traceparent", "garbage").get("/api/v1/matching/participants/me")
                .then().statusCode(200).body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        given().header("Authorization", token()).get("/api/v1/matching/participants/me")
                .then().statusCode(200).body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void aHangingServiceIs504AfterItsRoutesTimeout() {
        long started = System.nanoTime();
        given().header("Authorization", token()).get("/api/v1/feedback/hang").then().statusCode(504)
                .contentType("application/problem+json");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000); // the route's 500 ms, not the default 30 s
        given().header("Authorization", token()).get("/api/v1/feedback/fine").then().statusCode(200);
    }

    @Test
    void aFailingServiceOpensItsCircuitAndIsAnswered503WithoutBeingCalled() {
        double heldBefore = GatewayLimitsTest.heldBack("/api/v1/sessions", "circuit-open");
        String detail = "";
        for (int i = 0; i < 6; i++) {
            detail = given().header("Authorization", token()).get("/api/v1/sessions/anything").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .extract().path("detail");
        }
        assertThat(detail).contains("circuit open");
        assertThat(GatewayLimitsTest.heldBack("/api/v1/sessions", "circuit-open")).as("counted by route and reason")
                .isGreaterThan(heldBefore);
        // other services are not affected
        given().header("Authorization", token()).get("/api/v1/matching/participants/me").then().statusCode(200);
    }

    @Test
    void servesSwaggerUiOverTheCombinedDocumentWithoutAToken() {
        given().get("/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/swagger-ui/index.html").then().statusCode(200).body(containsString("/openapi"));
    }

    @Test
    void onlyTheRoutesPublicGetPathsPassWithoutAToken() {
        // the sessions route leads nowhere here: 503 shows the request was let through, 401 that it was not
        given().get("/api/v1/sessions/calendar-feeds/some-secret").then().statusCode(org.hamcrest.Matchers.oneOf(503))
                .contentType("application/problem+json");
        given().post("/api/v1/sessions/calendar-feeds/some-secret").then().statusCode(401);
        given().get("/api/v1/sessions/calendar").then().statusCode(401);
        given().get("/api/v1/sessions/calendar-feeds/../mine").then().statusCode(org.hamcrest.Matchers.oneOf(401, 404));
    }

    /** A request line exactly as written (no client library re-encodes it); answers the whole raw answer. */
    private static String raw(String requestTarget, String authorization) throws IOException {
        return raw(requestTarget, authorization, "Connection: close\r\n");
    }

    private static String raw(String requestTarget, String authorization, String moreHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + moreHeaders
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // read one answer: its head, then as many bytes as its Content-Length says (or to the end, if none)
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                got.write(buffer, 0, read);
                String text = got.toString(StandardCharsets.UTF_8);
                int head = text.indexOf("\r\n\r\n");
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(text);
                if (head >= 0 && length.find() && length.start() < head
                        && got.size() - head - 4 >= Integer.parseInt(length.group(1))) {
                    break;
                }
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAbsoluteRequestTargetCannotChooseTheHostTheGatewayCalls() throws IOException {
        int before = EchoService.REQUESTS.get();
        String answer = raw("http://someone@127.0.0.1:1/api/v1/feedback/fine", token());
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
        answer = raw("http://127.0.0.1:1/api/v1/sessions/calendar-feeds/some-secret", null);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(EchoService.REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void encodedDotSegmentsAreResolvedBeforeRoutingAndNeverOpenAPublicPath() throws IOException {
        // the public calendar-feed path cannot be climbed out of to reach the service's other pages without a token
        assertThat(raw("/api/v1/sessions/calendar-feeds/%2e%2e/q/metrics", null)).startsWith("HTTP/1.1 401");
        assertThat(raw("/api/v1/sessions/calendar-feeds/%2E%2E/calendar", null)).startsWith("HTTP/1.1 401");
        assertThat(raw("/api/v1/sessions/calendar-feeds/..%2f..%2fq/metrics", null)).startsWith("HTTP/1.1 401");
        // what is forwarded is the resolved path, so the service sees the route the gateway chose
        assertThat(raw("/api/v1/matching/x/%2e%2e/participants/me", token())).startsWith("HTTP/1.1 200")
                .contains("\"uri\":\"/participants/me\"");
        assertThat(raw("/api/v1/feedback/%2e%2e/sessions/anything", token())).startsWith("HTTP/1.1 503");
    }

    @Test
    void aClaimedForwardedForIsReplacedByTheClientsAddress() {
        given().header("Authorization", token()).header("X-Forwarded-For", "10.9.8.7")
                .get("/api/v1/matching/participants/me").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", containsString("localhost"));
    }

    @Test
    void headersTheConnectionHeaderNamesAreNotForwarded() throws IOException {
        String answer = raw("/api/v1/matching/participants/me", token(),
                "Connection: close, X-Hop-Secret\r\nX-Hop-Secret: for the next hop only\r\nX-End-To-End: kept\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"x-end-to-end\":\"kept\"").doesNotContain("x-hop-secret");
    }
}
