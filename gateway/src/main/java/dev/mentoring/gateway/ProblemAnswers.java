package dev.mentoring.gateway;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem answers written by the gateway itself (refusals and upstream failures). */
final class ProblemAnswers {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemAnswers() {
    }

    static void send(HttpServerResponse response, int status, String title, String detail, String instance) {
        if (response.ended() || response.headWritten()) {
            return; // already answered (e.g. by the upstream before it failed)
        }
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(problem.encode());
    }

    static void unauthorized(HttpServerResponse response, String detail, String instance, boolean tokenPresented) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.putHeader("WWW-Authenticate", tokenPresented
                ? "Bearer realm=\"mentoring\", error=\"invalid_token\""
                : "Bearer realm=\"mentoring\"");
        send(response, 401, "Unauthorized", detail, instance);
    }
}
