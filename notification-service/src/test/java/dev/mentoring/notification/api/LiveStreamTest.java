package dev.mentoring.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.mentoring.notification.Fixtures;
import dev.mentoring.notification.Fixtures.Pair;
import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The live stream over real HTTP: Server-Sent Events as an app reads them, through reconnects. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LiveStreamTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** One open stream: its lines as they come. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final java.util.stream.Stream<String> body;
        final int status;

        Stream(String token, String lastEventId) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox/stream"))
                    .header("Authorization", token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(),
                    HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            body = response.body();
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the stream was closed by the test
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line that is not blank, within the time. */
        String next(Duration within) throws InterruptedException {
            long until = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < until) {
                String line = lines.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line != null && !line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        /** The next event's id and data lines (comments skipped), within the time; null if none came. */
        List<String> nextEvent(Duration within) throws InterruptedException {
            long until = System.nanoTime() + within.toNanos();
            List<String> event = new ArrayList<>();
            while (System.nanoTime() < until) {
                String line = lines.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                if (line.isBlank() && !event.isEmpty()) {
                    return event;
                }
                if (line.startsWith("id:") || line.startsWith("data:")) {
                    event.add(line);
                }
            }
            return null;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private static String id(List<String> event) {
        return event.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip();
    }

    @Test
    void theStreamDeliversWithinASecondAndResumesAfterAReconnectWithoutGapsOrRepeats() throws Exception {
        Pair pair = Fixtures.people("[\"en\"]");
        List<String> ids = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        try (Stream stream = new Stream(pair.mentor(), null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(10))).isEqualTo(":following");
            long sent = System.nanoTime();
            Fixtures.requested(pair);
            List<String> event = stream.nextEvent(Duration.ofSeconds(10));
            delays.add((System.nanoTime() - sent) / 1_000_000);
            assertThat(event).isNotNull();
            assertThat(String.join("\n", event)).contains("\"type\":\"REQUEST_RECEIVED\"").contains("\"text\":\"A mentee asked you");
            ids.add(id(event));
            sent = System.nanoTime();
            Fixtures.started(pair);
            event = stream.nextEvent(Duration.ofSeconds(10));
            delays.add((System.nanoTime() - sent) / 1_000_000);
            assertThat(String.join("\n", event)).contains("\"type\":\"PARTNERSHIP_STARTED\"");
            ids.add(id(event));
        }
        // "within a second" is measured, not asserted (a timed assertion would fail on a busy machine): printed for the note
        System.out.println("live stream delivery after the event was published, ms: " + delays);

        // while the app is away, three more; it reconnects with the last id it saw and gets exactly those, in order
        for (int i = 0; i < 3; i++) {
            Fixtures.session(pair, "session.scheduled", UUID.randomUUID(), OffsetDateTime.now().plusDays(i + 1), null);
        }
        try (Stream stream = new Stream(pair.mentor(), ids.get(ids.size() - 1))) {
            assertThat(stream.next(Duration.ofSeconds(10))).isEqualTo(":following");
            for (int i = 0; i < 3; i++) {
                List<String> event = stream.nextEvent(Duration.ofSeconds(20));
                assertThat(event).as("missed event " + i).isNotNull();
                assertThat(String.join("\n", event)).contains("SESSION_SCHEDULED");
                ids.add(id(event));
            }
            assertThat(stream.nextEvent(Duration.ofSeconds(2))).as("nothing more, nothing twice").isNull();
        }
        List<Long> positions = ids.stream().map(Long::valueOf).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates().hasSize(5);
        // the stream's ids are the inbox's positions
        List<Long> listed = given().header("Authorization", pair.mentor()).get("/inbox").then().statusCode(200).extract().jsonPath()
                .getList("items.position", Long.class);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(positions);
    }

    @Test
    void aResumeFromTheStartSendsAWholeBacklogInOrderOnceBatchAfterBatch() throws Exception {
        Pair pair = Fixtures.people("[\"en\"]");
        Fixtures.requested(pair);
        Fixtures.started(pair);
        // more than two of the stream's batches (100): each session event tells both people
        for (int i = 0; i < 240; i++) {
            Fixtures.session(pair, "session.scheduled", UUID.randomUUID(), OffsetDateTime.now().plusDays(i + 1), null);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", pair.mentee())
                .get("/inbox/unread-count").then().extract().jsonPath().getLong("unread") == 242);
        List<Long> positions = new ArrayList<>();
        try (Stream stream = new Stream(pair.mentee(), "0")) {
            assertThat(stream.next(Duration.ofSeconds(10))).isEqualTo(":following");
            for (int i = 0; i < 242; i++) {
                List<String> event = stream.nextEvent(Duration.ofSeconds(20));
                assertThat(event).as("event " + i).isNotNull();
                positions.add(Long.valueOf(id(event)));
            }
            assertThat(stream.nextEvent(Duration.ofSeconds(2))).as("nothing more").isNull();
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates().hasSize(242);
    }

    @Test
    void aStreamCarriesOnlyItsOwnPersonsNotificationsAndRefusesStrangersPlainly() throws Exception {
        Pair pair = Fixtures.people("[\"en\"]");
        try (Stream stranger = new Stream(pair.stranger(), null); Stream mentee = new Stream(pair.mentee(), null)) {
            assertThat(stranger.next(Duration.ofSeconds(10))).isEqualTo(":following");
            assertThat(mentee.next(Duration.ofSeconds(10))).isEqualTo(":following");
            Fixtures.requested(pair);
            Fixtures.started(pair);
            assertThat(String.join("\n", mentee.nextEvent(Duration.ofSeconds(10)))).contains("REQUEST_ACCEPTED");
            assertThat(stranger.nextEvent(Duration.ofSeconds(2))).isNull();
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> nobody = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox/stream"))
                .header("Authorization", TestTokens.person(pair.tenant(), "NOBODY-9", "mentee").bearer()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nobody.statusCode()).isEqualTo(403);
        assertThat(nobody.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> badId = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox/stream"))
                .header("Authorization", pair.mentee()).header("Last-Event-ID", "yesterday").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("Last-Event-ID");
        given().get("/inbox/stream").then().statusCode(401);
    }
}
