package dev.mentoring.plumbing.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * A declared body larger than the service takes ({@code quarkus.http.limits.max-body-size}) is answered
 * with a 413 problem before it is read, instead of the HTTP layer's empty 413. (A chunked body without a
 * length that grows beyond the limit still meets the HTTP layer's own refusal.)
 */
@ApplicationScoped
public class BodyLimit {

    private final ObjectMapper json;
    private final long maxBytes;

    BodyLimit(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max) {
        this.json = json;
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? 0 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = 0; // the HTTP layer refuses a malformed length itself
            }
            if (declared <= maxBytes) {
                context.next();
                return;
            }
            String body;
            try {
                body = json.writeValueAsString(new Problem("about:blank", "Content Too Large", 413,
                        "This service takes bodies of at most " + maxBytes + " bytes", context.request().path(), List.of()));
            } catch (JsonProcessingException e) {
                body = "{\"title\":\"Content Too Large\",\"status\":413}";
            }
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(body);
        });
    }
}
