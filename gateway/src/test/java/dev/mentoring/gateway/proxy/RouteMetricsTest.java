package dev.mentoring.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The gateway's request metrics name route templates, read from the services' API documents (here the stand-in's),
 * never raw paths: two ids of one route are one series, and paths nobody documented add none.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
class RouteMetricsTest {

    private static final String PARTICIPANT = "uri=\"/api/v1/matching/participants/{participantId}\"";

    private static String token() {
        return TestTokens.person("acme", "E-" + UUID.randomUUID(), "mentee").bearer(); // a person each: no rate limit reached
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The request series: one line per uri, method, status and outcome. */
    private static List<String> requestSeries(String metrics) {
        return Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith("http_server_requests_seconds_count{")).toList();
    }

    private static void get(String path, int status) {
        given().header("Authorization", token()).get(path).then().statusCode(status);
    }

    /** The templates are read at start, from a service that may answer a moment later. */
    private static void templatesRead() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            get("/api/v1/matching/participants/" + UUID.randomUUID(), 200);
            return metrics().contains(PARTICIPANT);
        });
    }

    @Test
    void twoIdsOfOneRouteAreOneSeriesNamedByItsTemplate() {
        templatesRead();
        String one = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        get("/api/v1/matching/participants/" + one, 200);
        get("/api/v1/matching/participants/" + other, 200);
        get("/api/v1/matching/participants/me", 200);
        get("/api/v1/matching", 200); // the service's root: the bare prefix

        String metrics = metrics();
        List<String> series = requestSeries(metrics);
        assertThat(series).filteredOn(line -> line.contains(PARTICIPANT) && line.contains("method=\"GET\"")
                && line.contains("status=\"200\"")).hasSize(1);
        assertThat(series).as("a literal path wins over a template, as in the service")
                .anyMatch(line -> line.contains("uri=\"/api/v1/matching/participants/me\""));
        assertThat(series).anyMatch(line -> line.contains("uri=\"/api/v1/matching\""));
        assertThat(metrics).doesNotContain(one).doesNotContain(other);
        // the latency histogram's buckets are there for percentiles (the latency alert)
        assertThat(metrics).contains("http_server_requests_seconds_bucket{").contains("le=\"0.25\"");
    }

    @Test
    void pathsNobodyDocumentedAddNoSeries() {
        templatesRead();
        Runnable madeUpPaths = () -> {
            get("/api/v1/matching/no/such/" + UUID.randomUUID() + "/thing", 200); // the stand-in answers anything below the prefix
            get("/api/v1/matching/participants/" + UUID.randomUUID() + "/" + UUID.randomUUID(), 200);
            given().get("/api/v1/matching/anything/" + UUID.randomUUID()).then().statusCode(401);
            get("/api/v2/" + UUID.randomUUID(), 404);
            get("/" + UUID.randomUUID(), 404);
        };
        madeUpPaths.run();
        List<String> before = requestSeries(metrics());
        assertThat(before).anyMatch(line -> line.contains("uri=\"/api/v1/matching/**\""))
                .anyMatch(line -> line.contains("uri=\"NOT_FOUND\""));

        for (int i = 0; i < 20; i++) {
            madeUpPaths.run();
        }
        List<String> after = requestSeries(metrics());
        assertThat(after.size()).as("100 made-up paths later").isEqualTo(before.size());
        assertThat(after).noneMatch(line -> line.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*"));
    }
}
