package dev.mentoring.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The running platform as a client sees it: the gateway, Keycloak's token endpoint, Kafka, and, for the
 * fault tests, the run directory of deploy/local/platform (PIDs and the restart command).
 */
final class Platform {

    static final String GATEWAY = System.getProperty("gateway.url", "http://127.0.0.1:8080");
    static final String TOKEN_ENDPOINT = System.getProperty("keycloak.url", "http://127.0.0.1:8180")
            + "/realms/mentoring/protocol/openid-connect/token";
    static final String KAFKA = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
    /** Each service's own address (behind the gateway; reachable here for the tests that bypass it). */
    static final Map<String, String> SERVICES = Map.of(
            "matching", System.getProperty("matching.url", "http://127.0.0.1:8081"),
            "sessions", System.getProperty("sessions.url", "http://127.0.0.1:8082"),
            "feedback", System.getProperty("feedback.url", "http://127.0.0.1:8083"),
            "notifications", System.getProperty("notifications.url", "http://127.0.0.1:8084"));
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path RUN_DIR = Path.of(System.getenv().getOrDefault("MENTORING_RUN_DIR", ROOT.resolve(".run").toString()));

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Platform() {
    }

    /** A real access token of a demo user (password grant of the local-only test client). */
    static String tokenOf(String username) {
        return TOKENS.computeIfAbsent(username, user -> given()
                .formParam("grant_type", "password")
                .formParam("client_id", "mentoring-test")
                .formParam("username", user)
                .formParam("password", "demo")
                .post(TOKEN_ENDPOINT).then().statusCode(200).extract().path("access_token"));
    }

    /** A real access token of a machine client (client credentials). */
    static String clientToken(String clientId, String secret) {
        return given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(TOKEN_ENDPOINT).then().statusCode(200).extract().path("access_token");
    }

    /** A request through the gateway as this demo user. */
    static RequestSpecification as(String username) {
        return given().baseUri(GATEWAY).header("Authorization", "Bearer " + tokenOf(username));
    }

    static RequestSpecification anonymous() {
        return given().baseUri(GATEWAY);
    }

    /**
     * Repeats the call while it answers one of these statuses, as a read model that has not yet heard the events
     * it depends on does (every 500 ms, at most a minute); answers the last answer.
     */
    static ExtractableResponse<Response> eventually(Supplier<ExtractableResponse<Response>> call, int... waitingFor)
            throws InterruptedException {
        for (int i = 0; ; i++) {
            ExtractableResponse<Response> answer = call.get();
            int status = answer.statusCode();
            if (i == 120 || java.util.Arrays.stream(waitingFor).noneMatch(s -> s == status)) {
                return answer;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Reads until the read answers a value (every 500 ms, at most a minute), as a read model that has not yet heard
     * the events it depends on does; answers the value, or null if none came.
     */
    static <T> T firstOf(Supplier<T> read) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            T value = read.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(500);
        }
        return null;
    }

    static long pidOf(String process) throws IOException {
        return Long.parseLong(Files.readString(RUN_DIR.resolve("pids").resolve(process)).trim());
    }

    static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** Restarts one service through the platform script and waits for its health (deploy/local/platform restart). */
    static void restart(String service, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("deploy/local/platform").toString(), "restart", service)
                .inheritIO();
        builder.environment().put("MENTORING_RUN_DIR", RUN_DIR.toString());
        Process restart = builder.start();
        if (!restart.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || restart.exitValue() != 0) {
            throw new IllegalStateException("restarting " + service + " failed");
        }
    }
}
