package dev.mentoring.plumbing.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on the loopback interface: it verifies every delivery's signature with the Standard Webhooks
 * reference library (com.standardwebhooks, not the platform's code) under the secrets it is given, keeps what came, and
 * answers as the test tells it (a status, a wait, a redirect, a large body).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received. */
    public record Received(String id, String timestamp, String signature, String body, JsonNode event, boolean verified, int answered) {

        public String type() {
            return event.path("type").asText();
        }

        public String eventId() {
            return event.path("id").asText();
        }
    }

    /** How to answer a delivery. */
    public record Answer(int status, long waitMillis, String location, int bodyBytes) {

        public static Answer status(int status) {
            return new Answer(status, 0, null, 0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile List<String> secrets = List.of();
    private volatile Function<Received, Answer> answers = r -> Answer.status(204);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The secrets a signature may be made with (any one verifying is enough, as the specification has it). */
    public WebhookReceiver trusting(String... secrets) {
        this.secrets = List.of(secrets);
        return this;
    }

    public WebhookReceiver answering(Function<Received, Answer> answers) {
        this.answers = answers;
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        boolean verified = false;
        for (String secret : secrets) {
            try {
                new Webhook(secret).verify(body, headers);
                verified = true;
            } catch (WebhookVerificationException e) {
                // another secret may verify it
            }
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            event = JSON.createObjectNode();
        }
        Received probe = new Received(first(headers, "webhook-id"), first(headers, "webhook-timestamp"), first(headers, "webhook-signature"),
                body, event, verified, 0);
        Answer answer = answers.apply(probe);
        received.add(new Received(probe.id(), probe.timestamp(), probe.signature(), body, event, verified, answer.status()));
        if (answer.waitMillis() > 0) {
            try {
                Thread.sleep(answer.waitMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        try {
            if (answer.bodyBytes() > 0) {
                exchange.sendResponseHeaders(answer.status(), answer.bodyBytes());
                try (OutputStream out = exchange.getResponseBody()) {
                    byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
                    for (int sent = 0; sent < answer.bodyBytes(); sent += chunk.length) {
                        out.write(chunk, 0, Math.min(chunk.length, answer.bodyBytes() - sent));
                    }
                }
            } else {
                exchange.sendResponseHeaders(answer.status(), -1);
            }
        } catch (IOException e) {
            // the sender stopped reading (it reads a bounded answer) or went away
        } finally {
            exchange.close();
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
