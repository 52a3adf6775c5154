package dev.mentoring.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A broker outage leaves the service ready and alive: Kubernetes goes on sending it requests (its writes wait in the
 * outbox) and does not restart it. The service runs against a port where no broker listens, sends of the outbox relay
 * fail, liveness and readiness stay UP (its channels still run, its database is there), and the {@code kafka} health
 * group, for operators, names the Kafka connection DOWN.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(BrokerOutageHealthTest.NoBroker.class)
class BrokerOutageHealthTest {

    /** Kafka at an address where nothing listens; the relay's producer gives up on a send within a few seconds. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "mp.messaging.outgoing.outbox-relay.max.block.ms", "1000",
                    "mp.messaging.outgoing.outbox-relay.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.outbox-relay.delivery.timeout.ms", "2000");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort(); // closed again at once: connections are refused
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    Pool pool;

    @Inject
    HealthCenter messagingHealth;

    @Test
    void aBrokerOutageLeavesTheServiceReadyAndAlive() {
        UUID row = UUID.randomUUID();
        pool.preparedQuery("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at)
                values ($1, 'mentoring.health-check.v1', $2, 'health.check', '{}', 'acme', now())""")
                .execute(Tuple.of(row, UUID.randomUUID().toString())).await().atMost(Duration.ofSeconds(5));
        try {
            // the relay tried and the broker was not there
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                    .containsPattern("mentoring_outbox_send_failures_total [1-9]"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            assertThat(messagingHealth.getLiveness().isOk()).as("the channels still run").isTrue();
            JsonPath ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .extract().jsonPath();
            List<String> up = ready.getList("checks.findAll { it.status == 'UP' }.name", String.class);
            assertThat(up).as("the database is still there").contains("Reactive PostgreSQL connections health check");
            given().get("/q/health/ready").then().body("checks.name", hasItem("Database connections health check"));
            given().get("/q/health/group/kafka").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.status == 'DOWN' }.name", equalTo("Kafka connection health check"));
        } finally {
            pool.preparedQuery("delete from outbox_event where id = $1").execute(Tuple.of(row)).await().atMost(Duration.ofSeconds(5));
        }
    }
}
