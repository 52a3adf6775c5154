package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Small helpers for reading manifests as JSON trees. */
final class Json {

    private Json() {
    }

    /** The node's scalar text, or null when it is missing, null or a container. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.asString();
    }

    /** The node at this path of property names, or a missing node. */
    static JsonNode at(JsonNode node, String... names) {
        JsonNode current = node;
        for (String name : names) {
            current = current == null ? null : current.path(name);
        }
        return current;
    }

    static String text(JsonNode node, String... names) {
        return text(at(node, names));
    }

    /** The elements of an array node (none when it is not an array). */
    static List<JsonNode> items(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(items::add);
        }
        return items;
    }

    /** A map of string values of an object node (labels, selectors, data); non-scalars are left out. */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String value = text(e.getValue());
                if (value != null) {
                    map.put(e.getKey(), value);
                }
            }
        }
        return map;
    }

    /** The property names of an object node. */
    static List<String> names(JsonNode node) {
        return node != null && node.isObject() ? new ArrayList<>(node.propertyNames()) : List.of();
    }

    /** An integer value, or null. */
    static Integer integer(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.intValue();
        }
        String text = text(node);
        if (text != null && text.matches("-?\\d+")) {
            return Integer.valueOf(text);
        }
        return null;
    }

    /** Escapes a property name for a JSON pointer. */
    static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
