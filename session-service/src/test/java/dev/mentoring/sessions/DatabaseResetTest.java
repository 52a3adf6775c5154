package dev.mentoring.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.Vertx;

/**
 * A database whose connections are reset (a crashed server, a proxy restarting) is "not now": a request is answered 503
 * problem+json, never 500, under the transport the service really runs on. Under epoll a reset is Netty's
 * {@code NativeIoException}, not the {@code SocketException} NIO raises (plumbing-data's {@code DatabaseAway}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(DatabaseResetTest.ResettingDatabase.class)
class DatabaseResetTest {

    /** The use cases' (reactive) pool points at a server that resets every connection it takes; Flyway's (JDBC) still migrates. */
    public static class ResettingDatabase implements QuarkusTestProfile {

        private static Integer port;
        static final AtomicInteger RESETS = new AtomicInteger();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + resettingPort() + "/sessions_test");
        }

        private static synchronized int resettingPort() {
            if (port == null) {
                port = LoopbackDatabase.start("resetting-database", taken -> {
                    try (taken) {
                        taken.getInputStream().read(); // the client's first message, then a reset (RST, not FIN)
                        taken.setSoLinger(true, 0);
                        RESETS.incrementAndGet();
                    }
                });
            }
            return port;
        }
    }

    @Inject
    Vertx vertx;

    @Test
    void theServiceRunsOnEpollAndAResetDatabaseIsA503NotA500() {
        assertThat(vertx.isNativeTransportEnabled()).as("Vert.x on epoll (quarkus.vertx.prefer-native-transport)").isTrue();
        String mentee = TestTokens.person("acme", "E-reset", "mentee").bearer();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", mentee).get("/partnerships/" + UUID.randomUUID() + "/sessions").then().statusCode(503)
                    .contentType("application/problem+json").body("detail", containsString("retry"));
        }
        assertThat(ResettingDatabase.RESETS.get()).isPositive();
    }
}
