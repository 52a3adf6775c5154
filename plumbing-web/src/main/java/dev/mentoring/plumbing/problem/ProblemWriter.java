package dev.mentoring.plumbing.problem;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Writes an RFC 9457 problem straight onto a Vert.x response, for answers given before or outside the REST
 * layer: unknown routes, bodies over the limit, and the gateway's own refusals. The REST layer's answers are
 * {@link ProblemResponses}; both write the same shape.
 */
public final class ProblemWriter {

    /** The challenge sent with a 401 when no token came, as RFC 6750 asks. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"mentoring\"";
    /** The challenge sent with a 401 when the token presented was refused. */
    public static final String INVALID_TOKEN_CHALLENGE = BEARER_CHALLENGE + ", error=\"invalid_token\"";

    private ProblemWriter() {
    }

    /** Answers the problem, unless the response was already (partly) written. */
    public static void send(HttpServerResponse response, int status, String title, String detail, String instance) {
        if (response.ended() || response.headWritten() || response.closed()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
    }

    /** A 401 with the Bearer challenge; {@code error="invalid_token"} when a token was presented and refused. */
    public static void unauthorized(HttpServerResponse response, String detail, String instance, boolean tokenPresented) {
        if (response.ended() || response.headWritten() || response.closed()) {
            return;
        }
        response.putHeader("WWW-Authenticate", tokenPresented ? INVALID_TOKEN_CHALLENGE : BEARER_CHALLENGE);
        send(response, 401, "Unauthorized", detail, instance);
    }
}
