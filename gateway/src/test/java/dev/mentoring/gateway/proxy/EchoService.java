package dev.mentoring.gateway.proxy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for a service behind the gateway in the gateway's own tests: it answers every request with
 * what it received (method, path, headers, body), so the tests see exactly what the gateway forwarded.
 * The e2e module tests the gateway in front of the real services.
 */
public class EchoService implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger REQUESTS = new AtomicInteger();

    /** The stand-in's API document: a few paths with templates, as a service's /q/openapi lists them. */
    static final String API_DOCUMENT = """
            {"openapi":"3.1.0","paths":{"/participants/me":{"get":{}},"/participants/{participantId}":{"get":{}},
             "/mentorship-requests/{requestId}/accept":{"post":{}},"/":{"get":{}}}}""";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if ("/q/openapi".equals(request.path())) {
                request.response().putHeader("Content-Type", "application/json").end(API_DOCUMENT);
                return; // what the gateway reads its route templates from (not counted as a forwarded request)
            }
            REQUESTS.incrementAndGet();
            if (request.path().contains("/hang")) {
                return; // a hanging service: never answers
            }
            if (request.path().contains("/slow")) {
                vertx.setTimer(300, id -> request.response().putHeader("Content-Type", "application/json").end("{\"slow\":true}"));
                return; // answers after 300 ms
            }
            if (request.path().contains("/large")) {
                // 64 chunks of 32 KB, one every 5 ms: a body that is still streaming when a client goes away
                request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
                io.vertx.core.buffer.Buffer chunk = io.vertx.core.buffer.Buffer.buffer(new byte[32 * 1024]);
                int[] sent = { 0 };
                vertx.setPeriodic(5, id -> {
                    if (request.response().closed() || ++sent[0] > 64) {
                        vertx.cancelTimer(id);
                        if (!request.response().closed()) {
                            request.response().end();
                        }
                    } else {
                        request.response().write(chunk);
                    }
                });
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            request.response().putHeader("Content-Type", "application/json").putHeader("Connection", "keep-alive")
                    .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                            .put("headers", headers).put("body", body.toString()).encode());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("mentoring.gateway.routes.matching.url", "http://127.0.0.1:" + server.actualPort());
        config.put("mentoring.gateway.routes.sessions.url", "http://127.0.0.1:1"); // nothing listens: a stopped service
        config.put("mentoring.gateway.routes.feedback.url", "http://127.0.0.1:" + server.actualPort());
        config.put("mentoring.gateway.routes.feedback.timeout", "500ms");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
