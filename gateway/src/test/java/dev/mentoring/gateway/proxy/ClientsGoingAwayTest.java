package dev.mentoring.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/**
 * Clients that go away (before the service answers, in the middle of a streaming body, while the service hangs, while
 * the token is being verified) cost the gateway nothing: no exception logged, no error, and the next request is served.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
class ClientsGoingAwayTest {

    private final List<LogRecord> problems = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) {
                problems.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** Sends a GET on a raw socket, reads {@code readBytes} of the answer (0: none), waits, and closes the socket. */
    private static void goAway(String path, String token, int readBytes, long waitMillis) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (token == null ? "" : "Authorization: " + token + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            for (int read = 0; read < readBytes && in.read() >= 0; read++) {
                // the first bytes of the answer, then away
            }
            Thread.sleep(waitMillis);
            socket.setSoLinger(true, 0); // an abrupt close (RST), as a killed client does
        }
    }

    @Test
    void clientsThatGoAwayAtAnyMomentLeaveNoErrorBehind() throws Exception {
        String token = TestTokens.person("acme", "E-away", "mentee").bearer();
        for (int i = 0; i < 10; i++) {
            goAway("/api/v1/matching/participants/slow", token, 0, 50);                // before the service answers
            goAway("/api/v1/matching/participants/large", token, 40_000, 0);           // in the middle of the body
            goAway("/api/v1/feedback/hang", token, 0, 100);                             // while the service hangs
            goAway("/api/v1/matching/participants/me", TestTokens.person("acme", "E-away" + i, "mentee").bearer(), 0, 0); // during verification
            goAway("/api/v1/matching/participants/me", "Bearer not.a.token", 0, 0);    // while being refused
        }
        Thread.sleep(1500); // the hanging route's timeout (500 ms) has passed for every request
        RestAssured.given().header("Authorization", token).get("/api/v1/matching/participants/me").then().statusCode(200);
        assertThat(problems).as("log records with an exception or at error level").extracting(record -> record.getLoggerName()
                + ": " + record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown())).isEmpty();
    }
}
