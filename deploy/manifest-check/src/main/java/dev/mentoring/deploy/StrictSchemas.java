package dev.mentoring.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a schema strict the way {@code kubeconform -strict} does: every object schema that lists {@code properties} and
 * says nothing about {@code additionalProperties} gets {@code additionalProperties: false}, so a misspelt field such as
 * {@code replica:} fails instead of passing unseen.
 *
 * <p>Left open: schemas marked {@code x-kubernetes-preserve-unknown-fields: true} (free-form by design) and the direct
 * branches of {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} (they only add constraints to the object beside
 * them, whose properties they do not repeat). Properties that only such branches name are added to the closed object,
 * so closing it never refuses what a branch allows.
 */
public final class StrictSchemas {

    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions", "$defs",
            "dependentSchemas");
    private static final Set<String> SCHEMA_VALUES = Set.of("additionalProperties", "items", "additionalItems", "contains",
            "propertyNames", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems");
    private static final Set<String> BRANCHES = Set.of("allOf", "anyOf", "oneOf");

    private StrictSchemas() {
    }

    /** A strict copy of the schema; the original is not changed. */
    public static JsonNode strict(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy, false);
        return copy;
    }

    /**
     * A strict copy of an operator's schema. Its {@code metadata}, a bare {@code type: object} in CRDs (or absent), becomes
     * the Kubernetes ObjectMeta schema, so that a misspelt metadata field fails there too; {@code apiVersion} and
     * {@code kind} are added where the CRD's schema leaves them out.
     */
    public static JsonNode strict(JsonNode schema, JsonNode objectMeta) {
        JsonNode copy = schema.deepCopy();
        if (copy.path("properties").isObject()) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            // every resource has these, whether or not the CRD's schema lists them (the Keycloak ones do not)
            for (String field : List.of("apiVersion", "kind")) {
                if (!properties.has(field)) {
                    properties.putObject(field).put("type", "string");
                }
            }
            JsonNode metadata = properties.path("metadata");
            boolean bare = metadata.isMissingNode()
                    || (metadata.isObject() && !metadata.has("properties") && !metadata.has("additionalProperties"));
            if (objectMeta != null && bare) {
                properties.set("metadata", objectMeta.deepCopy());
            } else if (metadata.isMissingNode()) {
                properties.putObject("metadata").put("type", "object");
            }
        }
        close(copy, false);
        return copy;
    }

    private static void close(JsonNode schema, boolean branch) {
        if (!schema.isObject()) {
            return;
        }
        ObjectNode node = (ObjectNode) schema;
        for (String keyword : List.copyOf(node.propertyNames())) {
            JsonNode value = node.get(keyword);
            if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    close(e.getValue(), false);
                }
            } else if (SCHEMA_VALUES.contains(keyword)) {
                if (value.isArray()) {
                    value.forEach(item -> close(item, false));
                } else {
                    close(value, false);
                }
            } else if (BRANCHES.contains(keyword) && value.isArray()) {
                value.forEach(item -> close(item, true));
            } else if ("not".equals(keyword)) {
                close(value, true);
            }
        }
        boolean free = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (!branch && !free && node.path("properties").isObject() && !node.has("additionalProperties")) {
            ObjectNode properties = (ObjectNode) node.get("properties");
            for (String keyword : BRANCHES) {
                for (JsonNode item : Json.items(node.get(keyword))) {
                    for (String name : Json.names(item.path("properties"))) {
                        if (!properties.has(name)) {
                            properties.set(name, JsonNodeFactory.instance.objectNode());
                        }
                    }
                }
            }
            node.put("additionalProperties", false);
        }
    }
}
