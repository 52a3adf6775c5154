package dev.mentoring.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mentoring.gateway.api.RouteTemplates;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;

/**
 * Names every request below a route by its route template for the HTTP metrics ({@code http_server_requests_seconds}
 * with {@code uri="/api/v1/matching/participants/{participantId}"}), before anything can answer it: the proxy sees
 * raw paths, and a tag per raw path would make a series per id (and hit Micrometer's cap on distinct values). A path no
 * template matches is {@code <prefix>/**}; one below no prefix is left to Quarkus ({@code NOT_FOUND}, {@code UNKNOWN}).
 * The template goes where Quarkus' REST layer puts its own: the request context's {@code UrlPathTemplate}.
 */
@ApplicationScoped
public class RouteMetrics {

    /** The request-context key Quarkus' HTTP metrics (and traces) read a request's route template from. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final RouteTemplates templates;

    RouteMetrics(RouteTemplates templates) {
        this.templates = templates;
    }

    void install(@Observes Router router) {
        router.route().order(-300).handler(context -> {
            if (context.request() instanceof HttpServerRequestInternal request) {
                templates.current().templateOf(context.normalizedPath())
                        .ifPresent(template -> request.context().putLocal(URL_PATH_TEMPLATE, template));
            }
            context.next();
        });
    }
}
