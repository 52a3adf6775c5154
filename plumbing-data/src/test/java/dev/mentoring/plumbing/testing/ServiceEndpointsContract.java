package dev.mentoring.plumbing.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every service exposes, checked the same way in each: readiness that includes its database and not Kafka (the
 * API serves while the broker is away), the broker connection in the {@code kafka} health group, liveness that includes
 * neither, the OpenAPI document with the OIDC scheme, metrics by route template, and
 * problem answers for unknown routes.
 * A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class ServiceEndpointsContract {

    @Test
    void isReadyWithItsDatabaseNotKafka() {
        List<String> checks = given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .extract().jsonPath().getList("checks.name", String.class);
        assertThat(checks).noneMatch(name -> name.matches("(?i).*kafka.*"));
        given().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void publishesItsApiDocumentWithTheOidcScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("components.securitySchemes.SecurityScheme.type", equalTo("openIdConnect"));
    }

    /**
     * Mutiny's callbacks run as they are once the service has started: no context propagation wraps them
     * (plumbing-web's {@code UndecoratedCallbacks}; docs/operations.md, Memory and start).
     */
    @Test
    void runsMutinyCallbacksUndecorated() {
        java.util.function.Function<String, String> callback = String::strip;
        assertThat(io.smallrye.mutiny.infrastructure.Infrastructure.decorate(callback)).isSameAs(callback);
    }

    /**
     * A request's server span is decided before it is built (plumbing-web's {@code ServerSpans}), and a new trace the
     * decision keeps gets the trace id it was decided on: the tracer takes {@code PresetTraceIds} as its id generator
     * (else a tenth of a tenth of the traces would be kept).
     */
    @Test
    void decidesServerSpansBeforeBuildingThem() {
        assertThat(dev.mentoring.plumbing.tracing.ServerSpans.installed()).isTrue();
        io.opentelemetry.api.trace.Tracer tracer = io.quarkus.arc.Arc.container()
                .instance(io.opentelemetry.api.trace.Tracer.class).get();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        io.opentelemetry.api.trace.Span span = dev.mentoring.plumbing.tracing.PresetTraceIds.withNextTraceId(traceId,
                () -> tracer.spanBuilder("preset trace id").setNoParent().startSpan());
        span.end();
        assertThat(span.getSpanContext().getTraceId()).isEqualTo(traceId);
    }

    @Test
    void exposesMetrics() {
        given().get("/q/metrics").then().statusCode(200);
    }

    /**
     * A broker or database outage must not restart pods: liveness checks neither (readiness the database, above), only that the
     * channels still run (session-service's outage tests show it stays UP through both outages).
     */
    @Test
    void livenessChecksNeitherTheDatabaseNorKafka() {
        List<String> checks = given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath().getList("checks.name", String.class);
        assertThat(checks).noneMatch(name -> name.matches("(?i).*(kafka connection|postgres|database|datasource).*"));
    }

    /**
     * Request metrics name the route template, never the raw path: every templated GET of the API document, called
     * with made-up ids, is a series of its template, and no id appears in the metrics; a made-up path is NOT_FOUND.
     */
    @Test
    void requestMetricsNameRouteTemplatesNeverIds() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        String token = TestTokens.person("acme", "E-" + UUID.randomUUID(), "mentee", "mentor", "program-admin").bearer();
        List<String> ids = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        paths.forEach((template, operations) -> {
            if (template.contains("{") && operations instanceof Map<?, ?> ops && ops.containsKey("get")) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                templates.add(template);
                given().header("Authorization", token).get(template.replaceAll("\\{[^/}]+}", id)).then()
                        .statusCode(org.hamcrest.Matchers.lessThan(500));
            }
        });
        String unknown = UUID.randomUUID().toString();
        ids.add(unknown);
        given().get("/definitely/not/here/" + unknown).then().statusCode(404);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(templates).as("the document has templated reads to call").isNotEmpty();
        assertThat(metrics).doesNotContain(ids);
        for (String template : templates) {
            assertThat(metrics).as(template).contains("uri=\"" + template + "\"");
        }
        assertThat(metrics).contains("uri=\"NOT_FOUND\"");
    }

    @Test
    void answersAnUnknownRouteWithAProblem() {
        given().get("/definitely/not/here").then().statusCode(404).contentType("application/problem+json");
    }
}
