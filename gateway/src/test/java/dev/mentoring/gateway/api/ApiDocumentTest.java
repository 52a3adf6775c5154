package dev.mentoring.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Merging the services' documents in plain Java: public paths, one copy of shared schemas, no schema lost to a name clash. */
class ApiDocumentTest {

    private static JsonObject document(String path, String schemaName, JsonObject schema) {
        JsonObject ref = new JsonObject().put("$ref", "#/components/schemas/" + schemaName);
        return new JsonObject()
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("responses", new JsonObject().put("200", new JsonObject().put("content", new JsonObject()
                                .put("application/json", new JsonObject().put("schema", ref))))))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put(schemaName, schema)
                        .put("Problem", new JsonObject().put("type", "object"))));
    }

    @Test
    void pathsGoUnderTheirPrefixAndClashingSchemasAreRenamedWithTheirReferences() {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonObject schemes = new JsonObject();
        JsonArray tags = new JsonArray();
        JsonObject matchingView = new JsonObject().put("type", "object").put("properties", new JsonObject().put("score", new JsonObject()));
        JsonObject sessionsView = new JsonObject().put("type", "object").put("properties", new JsonObject().put("startsAt", new JsonObject()));
        ApiDocument.merge(document("/things", "View", matchingView), "/api/v1/matching", paths, schemas, schemes, tags);
        ApiDocument.merge(document("/things", "View", sessionsView), "/api/v1/sessions", paths, schemas, schemes, tags);

        assertThat(paths.fieldNames()).containsExactlyInAnyOrder("/api/v1/matching/things", "/api/v1/sessions/things");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("View", "SessionsView", "Problem");
        assertThat(schemas.getJsonObject("View")).isEqualTo(matchingView);
        assertThat(schemas.getJsonObject("SessionsView")).isEqualTo(sessionsView);
        assertThat(paths.getJsonObject("/api/v1/sessions/things").encode()).contains("#/components/schemas/SessionsView");
        assertThat(paths.getJsonObject("/api/v1/matching/things").encode()).contains("\"#/components/schemas/View\"");
    }

    @Test
    void aServicesRootIsTheBarePrefixWithoutATrailingSlash() {
        JsonObject paths = new JsonObject();
        ApiDocument.merge(document("/", "View", new JsonObject().put("type", "object")), "/api/v1/sessions", paths, new JsonObject(),
                new JsonObject(), new JsonArray());
        assertThat(paths.fieldNames()).containsExactly("/api/v1/sessions");
    }

    @Test
    void rolesMoveFromTheScopesToTheirOwnListAndTheDescription() {
        JsonObject operation = new JsonObject().put("summary", "x").put("security", new JsonArray()
                .add(new JsonObject().put("SecurityScheme", new JsonArray().add("mentee").add("mentor"))));
        ApiDocument.rolesOutOfScopes(operation);
        assertThat(operation.getJsonArray("security").encode()).isEqualTo("[{\"SecurityScheme\":[]}]");
        assertThat(operation.getJsonArray("x-required-roles").encode()).isEqualTo("[\"mentee\",\"mentor\"]");
        assertThat(operation.getString("description")).isEqualTo("Roles: mentee, mentor.");
        JsonObject open = new JsonObject().put("description", "Public.");
        ApiDocument.rolesOutOfScopes(open);
        assertThat(open.encode()).isEqualTo("{\"description\":\"Public.\"}");
    }
}
