package dev.mentoring.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Security headers on every answer of the gateway, and {@code Cache-Control: no-store} on the API (it
 * serves personal data), set last so that no service can weaken them.
 */
@ApplicationScoped
public class ResponseHeaders {

    void install(@Observes Router router) {
        router.route().order(-200).handler(context -> {
            boolean api = context.request().path().startsWith("/api/");
            context.addHeadersEndHandler(ignored -> {
                var headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                headers.set("Cross-Origin-Resource-Policy", "same-site");
                if (api) {
                    headers.set("Cache-Control", "no-store");
                    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                }
            });
            context.next();
        });
    }
}
