package dev.mentoring.gateway.api;

import dev.mentoring.gateway.config.GatewayConfig;
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
 * does not answer is left out and named in {@code x-unavailable-services}. A complete document is kept for
 * 30 s, so that an anonymous page cannot make the gateway fetch three documents per request.
 */
@ApplicationScoped
public class ApiDocument {

    static final String PATH = "/openapi";

    /** A complete combined document is served again for this long before the services are asked anew. */
    static final long CACHE_NANOS = 30_000_000_000L;

    private final GatewayConfig config;
    private final HttpClient client;
    /** The last complete document and when it was made (per instance; anyone may read it, no token needed). */
    private volatile Cached cached;

    private record Cached(String body, long madeAt) {
    }

    ApiDocument(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    void install(@Observes Router router) {
        router.get(PATH).order(-10).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        Cached last = cached;
        if (last != null && System.nanoTime() - last.madeAt() < CACHE_NANOS) {
            context.response().putHeader("Content-Type", "application/json").end(last.body());
            return;
        }
        Map<String, GatewayConfig.Route> routes = new TreeMap<>(config.routes());
        routes.values().removeIf(route -> !route.apiDocument());
        List<Future<JsonObject>> documents = new ArrayList<>();
        routes.values().forEach(route -> documents.add(fetch(client, route)));
        Future.join(documents).onComplete(done -> {
            JsonObject combined = new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "Mentoring platform API").put("version", "1.0.0")
                            .put("description", "All services behind the gateway. Conventions: docs/api-conventions.md. "
                                    + "Each operation names the realm roles it admits (x-required-roles).")
                            .put("contact", new JsonObject().put("name", "Mentoring platform maintainers")))
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
            String body = combined.encodePrettily();
            if (unavailable.isEmpty()) {
                cached = new Cached(body, System.nanoTime());
            }
            context.response().putHeader("Content-Type", "application/json").end(body);
        });
    }

    /** One service's OpenAPI document, as JSON (also read by {@link RouteTemplates}). */
    static Future<JsonObject> fetch(HttpClient client, GatewayConfig.Route route) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(route.url() + "/q/openapi?format=json").setTimeout(5_000);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(body -> body.toJsonObject())
                .onFailure(failure -> Log.warnf("No API document from %s: %s", route.url(), failure.getMessage()));
    }

    /**
     * One service's document into the combined one: paths under the prefix, schemas merged. A schema whose
     * name another service already uses for a different shape is renamed with the service's label in front
     * ({@code Matching} + name), and the service's references follow it, so no service's schema is lost.
     */
    static void merge(JsonObject document, String prefix, JsonObject paths, JsonObject schemas,
            JsonObject securitySchemes, JsonArray tags) {
        String label = label(prefix);
        Map<String, String> renamed = new TreeMap<>();
        document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject()).forEach(schema -> {
            if (schemas.containsKey(schema.getKey()) && !schemas.getValue(schema.getKey()).equals(schema.getValue())) {
                renamed.put(schema.getKey(), label + schema.getKey());
            }
        });
        if (!renamed.isEmpty()) {
            String text = document.encode();
            for (Map.Entry<String, String> rename : renamed.entrySet()) {
                text = text.replace("\"#/components/schemas/" + rename.getKey() + "\"", "\"#/components/schemas/" + rename.getValue() + "\"");
            }
            document = new JsonObject(text);
        }
        JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
        servicePaths.forEach(path -> {
            if (path.getValue() instanceof JsonObject operations) {
                operations.forEach(operation -> {
                    if (operation.getValue() instanceof JsonObject op) {
                        rolesOutOfScopes(op);
                    }
                });
            }
            paths.put("/".equals(path.getKey()) ? prefix : prefix + path.getKey(), path.getValue()); // a service's root is the bare prefix
        });
        JsonObject components = document.getJsonObject("components", new JsonObject());
        components.getJsonObject("schemas", new JsonObject()).forEach(schema -> {
            String name = renamed.getOrDefault(schema.getKey(), schema.getKey());
            if (!schemas.containsKey(name)) {
                schemas.put(name, schema.getValue());
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

    /**
     * The services list the realm roles an operation admits where OpenAPI has OAuth scopes. Roles are not
     * scopes (a client asking Keycloak for scope "mentee" gets nothing): the requirement keeps the scheme with
     * no scopes, the roles move to {@code x-required-roles} and into the description, for people and tools.
     */
    static void rolesOutOfScopes(JsonObject operation) {
        JsonArray security = operation.getJsonArray("security");
        if (security == null) {
            return;
        }
        JsonArray roles = new JsonArray();
        JsonArray requirements = new JsonArray();
        for (Object requirement : security) {
            if (requirement instanceof JsonObject schemes) {
                JsonObject plain = new JsonObject();
                schemes.forEach(scheme -> {
                    if (scheme.getValue() instanceof JsonArray listed) {
                        listed.forEach(role -> {
                            if (!roles.contains(role)) {
                                roles.add(role);
                            }
                        });
                    }
                    plain.put(scheme.getKey(), new JsonArray());
                });
                requirements.add(plain);
            }
        }
        operation.put("security", requirements);
        if (roles.isEmpty()) {
            return;
        }
        operation.put("x-required-roles", roles);
        String who = "Roles: " + String.join(", ", roles.stream().map(String::valueOf).toList()) + ".";
        String description = operation.getString("description");
        operation.put("description", description == null || description.isBlank() ? who : description + "\n\n" + who);
    }

    /** {@code /api/v1/matching} gives {@code Matching}. */
    static String label(String prefix) {
        String last = prefix.substring(prefix.lastIndexOf('/') + 1);
        return last.isEmpty() ? "Service" : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }
}
