package dev.mentoring.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A pipe clears its source's handlers once the body is through, when the request has been read to its end. The body
 * must take that quietly, as the request itself does: every GET through the gateway goes this way (no Content-Length).
 */
class LimitedBodyTest {

    private Vertx vertx;
    private HttpServer server;
    private final CompletableFuture<Throwable> clearing = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.end().onComplete(read -> {
            LimitedBody body = new LimitedBody(request, 1024);
            try {
                body.handler(null);
                body.exceptionHandler(null);
                body.endHandler(null);
                clearing.complete(null);
            } catch (RuntimeException e) {
                clearing.complete(e);
            }
            request.response().end("done");
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReadRequestsHandlersAreClearedWithoutAnException() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/participants/1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertNull(clearing.get(10, TimeUnit.SECONDS), "clearing the handlers of a request read to its end threw");
    }
}
