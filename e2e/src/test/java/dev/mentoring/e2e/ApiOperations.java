package dev.mentoring.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of the combined API document the gateway serves, read so that the security matrices and
 * the bad-input sweep cover every route without a test written for it. Each operation knows the roles its
 * security requirement names, its parameters and its request body schema, and can make a valid body from
 * that schema (required properties, schema examples, first enum values, minimums, future dates).
 */
final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation; {@code streaming}: its answer is a live stream (text/event-stream) that a plain read would wait on forever. */
    record Operation(String method, String path, List<String> roles, List<Parameter> parameters, JsonNode bodySchema,
            List<String> responseCodes, boolean streaming) {

        boolean hasPathParameters() {
            return parameters.stream().anyMatch(p -> p.in().equals("path"));
        }

        /** The public path with each path parameter replaced. */
        String pathWith(Function<String, String> values) {
            String result = path;
            for (Parameter p : parameters) {
                if (p.in().equals("path")) {
                    result = result.replace("{" + p.name() + "}", values.apply(p.name()));
                }
            }
            return result;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    final List<Operation> operations = new ArrayList<>();

    private ApiOperations(JsonNode document) {
        this.document = document;
        if (document.has("x-unavailable-services")) {
            // a service missing from the combined document would silently shrink every matrix and the sweep
            throw new IllegalStateException("the API document lacks services: " + document.get("x-unavailable-services"));
        }
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                return;
            }
            JsonNode operation = op.getValue();
            // the gateway's combined document lists roles in x-required-roles; a service's own, as security scopes
            List<String> roles = new ArrayList<>();
            if (operation.has("x-required-roles")) {
                operation.path("x-required-roles").forEach(role -> roles.add(role.asText()));
            } else {
                operation.path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            }
            List<Parameter> parameters = new ArrayList<>();
            operation.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(),
                    p.path("in").asText(), p.path("required").asBoolean(), resolve(p.path("schema")))));
            JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
            List<String> codes = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(codes::add);
            boolean streaming = operation.path("responses").path("200").path("content").has("text/event-stream");
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), List.copyOf(roles), parameters,
                    body.isMissingNode() ? null : body, codes, streaming));
        }));
    }

    /** The combined document as the gateway serves it now. */
    static ApiOperations fromGateway() {
        return of(Platform.GATEWAY + "/openapi");
    }

    /** The API document at this URL. */
    static ApiOperations of(String url) {
        try {
            return new ApiOperations(JSON.readTree(given().get(url).then().statusCode(200).extract().asByteArray()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Follows a {@code $ref} into the document's components (and merges sibling keywords). */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return schema;
        }
        String[] pointer = schema.get("$ref").asText().substring(2).split("/");
        JsonNode target = document;
        for (String part : pointer) {
            target = target.path(part);
        }
        ObjectNode merged = resolve(target).deepCopy();
        schema.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("$ref")) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    /** The properties of an object schema, resolved. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        resolve(schema).path("properties").fields().forEachRemaining(f -> properties.put(f.getKey(), resolve(f.getValue())));
        return properties;
    }

    /**
     * A valid value for this schema: required properties and those with an example; dates in the future;
     * examples first, else the first enum value or the smallest valid value.
     */
    JsonNode validValue(JsonNode schema, Function<String, String> idFor) {
        return value(null, resolve(schema), idFor);
    }

    private JsonNode value(String name, JsonNode schema, Function<String, String> idFor) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return NODES.textNode(LocalDate.now().plusMonths(3).toString());
        }
        if (format.equals("local-date-time")) {
            return NODES.textNode(LocalDate.now().plusMonths(3) + "T10:00:00");
        }
        if (format.equals("date-time")) {
            // in the future, and local (no offset) where the schema's example is local
            String example = schema.path("examples").path(0).asText("Z");
            boolean local = !example.endsWith("Z") && !example.matches(".*[+-]\\d\\d:\\d\\d$");
            return NODES.textNode(LocalDate.now().plusMonths(3) + "T10:00:00" + (local ? "" : "Z"));
        }
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("oneOf")) {
            return value(name, resolve(schema.get("oneOf").get(0)), idFor);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                Map<String, JsonNode> properties = properties(schema);
                for (JsonNode required : schema.path("required")) {
                    String property = required.asText();
                    object.set(property, value(property, properties.getOrDefault(property, NODES.objectNode()), idFor));
                }
                // optional properties the document gives an example for are part of a typical request
                properties.forEach((property, propertySchema) -> {
                    if (!object.has(property) && propertySchema.has("examples")) {
                        object.set(property, value(property, propertySchema, idFor));
                    }
                });
                if (schema.has("additionalProperties") && !schema.has("properties")) {
                    object.set("example", value("example", resolve(schema.get("additionalProperties")), idFor));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(0));
                for (int i = 0; i < items; i++) {
                    array.add(value(name, resolve(schema.path("items")), idFor));
                }
                return array;
            }
            case "integer":
            case "number":
                return NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                if (format.equals("uuid")) {
                    String id = name == null ? null : idFor.apply(name);
                    return NODES.textNode(id != null ? id : UUID.randomUUID().toString());
                }
                return NODES.textNode("Example " + (name == null ? "text" : name));
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Iterator<String> fieldNames(JsonNode node) {
        return node.fieldNames();
    }
}
