package dev.mentoring.gateway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mentoring.gateway.config.GatewayConfig;
import dev.mentoring.gateway.domain.PathTemplates;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;

/**
 * The path templates of every service behind the gateway, read from the services' API documents (the ones the combined
 * document is made of), so that the gateway's request metrics name the route template and never the raw path. Read at
 * start, again every {@link #REFRESH_MILLIS} (a service deployed anew may have new paths), and every
 * {@link #RETRY_MILLIS} while a service has not answered yet; meanwhile its paths are {@code <prefix>/**}.
 */
@ApplicationScoped
public class RouteTemplates {

    /** How often the documents are read again once every service answered. */
    static final long REFRESH_MILLIS = 5 * 60_000;
    /** How soon a service that did not answer is asked again. */
    static final long RETRY_MILLIS = 30_000;

    private final Map<String, GatewayConfig.Route> routes;
    private final Vertx vertx;
    private final HttpClient client;
    /** The templates last read from each prefix's service. */
    private final Map<String, List<String>> read = new ConcurrentHashMap<>();
    private volatile PathTemplates current;

    RouteTemplates(GatewayConfig config, Vertx vertx) {
        this.routes = new TreeMap<>(config.routes());
        this.vertx = vertx;
        this.client = vertx.createHttpClient();
        this.current = PathTemplates.prefixesOnly(routes.values().stream().map(GatewayConfig.Route::prefix).toList());
    }

    void start(@Observes StartupEvent started) {
        read();
    }

    /** The templates known now. */
    public PathTemplates current() {
        return current;
    }

    private void read() {
        List<GatewayConfig.Route> asked = routes.values().stream().filter(GatewayConfig.Route::apiDocument).toList();
        List<Future<JsonObject>> documents = new ArrayList<>();
        asked.forEach(route -> documents.add(ApiDocument.fetch(client, route)));
        Future.join(documents).onComplete(done -> {
            boolean everyService = true;
            for (int i = 0; i < asked.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                if (document.succeeded() && document.result() != null) {
                    read.put(asked.get(i).prefix(), templates(document.result()));
                } else {
                    everyService = false; // keep what was read before, if anything
                }
            }
            Map<String, List<String>> byPrefix = new TreeMap<>();
            // a route without a document of its own (SCIM) is named by its prefix alone
            routes.values().forEach(route -> byPrefix.put(route.prefix(), read.getOrDefault(route.prefix(), List.of())));
            current = PathTemplates.of(byPrefix);
            vertx.setTimer(everyService ? REFRESH_MILLIS : RETRY_MILLIS, ignored -> read());
        });
    }

    /** The paths of an OpenAPI document: its templates, e.g. {@code /participants/{participantId}}. */
    static List<String> templates(JsonObject document) {
        return List.copyOf(document.getJsonObject("paths", new JsonObject()).fieldNames());
    }
}
