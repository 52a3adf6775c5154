package dev.mentoring.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

/**
 * A database that does not answer (a host gone without a word, as in a failover) takes the service out of readiness
 * and leaves it alive: the pool, the relay and a consumer handling an event all wait for it and time out, and liveness
 * (whether the channels still run) stays UP throughout, so Kubernetes stops sending requests and restarts nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(DatabaseOutageHealthTest.SilentDatabase.class)
class DatabaseOutageHealthTest {

    /** The use cases' (reactive) pool points at a server that takes connections and never answers; Flyway's (JDBC) still migrates. */
    public static class SilentDatabase implements QuarkusTestProfile {

        private static Integer port;
        private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> getConfigOverrides() {
            // no check of the database's version at start: Hibernate would wait 30 s for the silent server to answer it
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + silentPort() + "/sessions_test",
                    "quarkus.hibernate-orm.database.version-check.enabled", "false");
        }

        private static synchronized int silentPort() {
            if (port == null) {
                port = LoopbackDatabase.start("silent-database", HELD::add); // held open, never read from nor written to
            }
            return port;
        }
    }

    @Inject
    HealthCenter messagingHealth;

    @Test
    void aDatabaseThatDoesNotAnswerMakesTheServiceUnreadyButNotDead() {
        TopicWriter.send(Partnerships.PARTICIPANTS, UUID.randomUUID().toString(), TopicWriter.cloudEvent("participant.updated", "acme", """
                {"participantId":"%s","employeeId":"E-silent","created":true,"timeZone":"Europe/Copenhagen","languages":["en"],"version":1}"""
                .formatted(UUID.randomUUID())));
        await().atMost(Duration.ofSeconds(30)).until(() -> !SilentDatabase.HELD.isEmpty()); // the pool waits for the database

        // past the pool's first timeouts (30 s) and the event's handling, liveness never went DOWN
        await().during(Duration.ofSeconds(40)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                given().get("/q/health/live").statusCode() == 200 && messagingHealth.getLiveness().isOk());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        JsonPath ready = given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertThat(ready.getList("checks.findAll { it.status == 'DOWN' }.name", String.class))
                .contains("Reactive PostgreSQL connections health check");
    }
}
