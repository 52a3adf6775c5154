package dev.mentoring.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The combined API document at {@code GET /openapi}: every service's OpenAPI document, fetched from the
 * service, with its paths put under the gateway's public prefix and the components merged. A service that
 * does not answer is left out and named in {@code x-unavailable-services}.
 */
@ApplicationScoped
public class ApiDocument {

    static final String PATH = "/openapi";

    private final GatewayConfig config;
    private final HttpClient client;

    ApiDocument(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    void install(@Observes Router router) {
        router.get(PATH).order(-10).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        Map<String, GatewayConfig.Route> routes = new TreeMap<>(config.routes());
        List<Future<JsonObject>> documents = new ArrayList<>();
        routes.values().forEach(route -> documents.add(fetch(route)));
        Future.join(documents).onComplete(done -> {
            JsonObject combined = new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "Mentoring platform API").put("version", "1.0.0")
                            .put("description", "All services behind the gateway. Conventions: docs/api-conventions.md."))
                    .put("servers", new JsonArray().add(new JsonObject().put("url", "/")));
            JsonObject paths = new JsonObject();
            JsonObject schemas = new JsonObject();
            JsonObject securitySchemes = new JsonObject();
            JsonArray tags = new JsonArray();
            JsonArray unavailable = new JsonArray();
            int i = 0;
            for (Map.Entry<String, GatewayConfig.Route> entry : routes.entrySet()) {
                Future<JsonObject> document = documents.get(i++);
                if (document.failed() || document.result() == null) {
                    unavailable.add(entry.getKey());
                    continue;
                }
                merge(document.result(), entry.getValue().prefix(), paths, schemas, securitySchemes, tags);
            }
            combined.put("paths", paths)
                    .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", securitySchemes))
                    .put("tags", tags);
            if (!securitySchemes.isEmpty()) {
                combined.put("security", new JsonArray().add(new JsonObject()
                        .put(securitySchemes.fieldNames().iterator().next(), new JsonArray())));
            }
            if (!unavailable.isEmpty()) {
                combined.put("x-unavailable-services", unavailable);
            }
            context.response().putHeader("Content-Type", "application/json").end(combined.encodePrettily());
        });
    }

    private Future<JsonObject> fetch(GatewayConfig.Route route) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(route.url() + "/q/openapi?format=json").setTimeout(5_000);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(body -> body.toJsonObject())
                .onFailure(failure -> Log.warnf("No API document from %s: %s", route.url(), failure.getMessage()));
    }

    static void merge(JsonObject document, String prefix, JsonObject paths, JsonObject schemas,
            JsonObject securitySchemes, JsonArray tags) {
        JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
        servicePaths.forEach(path -> paths.put(prefix + path.getKey(), path.getValue()));
        JsonObject components = document.getJsonObject("components", new JsonObject());
        components.getJsonObject("schemas", new JsonObject()).forEach(schema -> {
            if (!schemas.containsKey(schema.getKey())) {
                schemas.put(schema.getKey(), schema.getValue());
            }
        });
        components.getJsonObject("securitySchemes", new JsonObject())
                .forEach(scheme -> securitySchemes.put(scheme.getKey(), scheme.getValue()));
        document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        });
    }
}
