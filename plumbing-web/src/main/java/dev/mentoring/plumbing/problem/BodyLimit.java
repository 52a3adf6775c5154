package dev.mentoring.plumbing.problem;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;


import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * A declared body larger than the service takes ({@code quarkus.http.limits.max-body-size}) is answered
 * with a 413 problem before it is read, instead of the HTTP layer's empty 413. (A chunked body without a
 * length that grows beyond the limit still meets the HTTP layer's own refusal.)
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max) {
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
            context.response().putHeader("Connection", "close");
            ProblemWriter.send(context.response(), 413, "Content Too Large",
                    "This service takes bodies of at most " + maxBytes + " bytes", context.request().path());
        });
    }
}
