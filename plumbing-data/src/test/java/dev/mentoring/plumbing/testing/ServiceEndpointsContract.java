package dev.mentoring.plumbing.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service exposes, checked the same way in each: readiness that includes its database and
 * Kafka, the OpenAPI document with the OIDC scheme, metrics, and problem answers for unknown routes.
 * A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class ServiceEndpointsContract {

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void publishesItsApiDocumentWithTheOidcScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("components.securitySchemes.SecurityScheme.type", equalTo("openIdConnect"));
    }

    @Test
    void exposesMetrics() {
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void answersAnUnknownRouteWithAProblem() {
        given().get("/definitely/not/here").then().statusCode(404).contentType("application/problem+json");
    }
}
