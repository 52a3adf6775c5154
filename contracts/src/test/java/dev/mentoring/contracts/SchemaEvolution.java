package dev.mentoring.contracts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a change of one event schema within its major version may do: add optional properties, add enum values,
 * widen a type (a value may also be null), add descriptions. Everything else breaks a consumer that reads the topic
 * from the beginning, and is listed here as a violation.
 */
final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** The non-additive differences from {@code before} to {@code after}, each naming the JSON path at fault. */
    static List<String> breakingChanges(JsonNode before, JsonNode after) {
        List<String> violations = new ArrayList<>();
        compare("", before, after, violations);
        return violations;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<String> violations) {
        String at = path.isEmpty() ? "(root)" : path;
        Set<String> typesBefore = Schemas.types(before);
        Set<String> typesAfter = Schemas.types(after);
        if (!typesAfter.containsAll(typesBefore)) {
            violations.add(at + ": type " + typesBefore + " became " + typesAfter);
        }
        if (!Objects.equals(text(before, "format"), text(after, "format"))) {
            violations.add(at + ": format " + text(before, "format") + " became " + text(after, "format"));
        }
        if (before.has("enum") || after.has("enum")) {
            List<String> valuesBefore = Schemas.enumValues(before);
            List<String> valuesAfter = Schemas.enumValues(after);
            if (after.has("enum") && !valuesAfter.containsAll(valuesBefore)) {
                List<String> removed = new ArrayList<>(valuesBefore);
                removed.removeAll(valuesAfter);
                violations.add(at + ": enum values removed " + removed);
            }
            if (!before.has("enum") && after.has("enum")) {
                violations.add(at + ": values restricted to an enum");
            }
        }
        if (!Schemas.required(before).equals(Schemas.required(after))) {
            violations.add(at + ": required " + Schemas.required(before) + " became " + Schemas.required(after));
        }
        if (Boolean.FALSE.equals(bool(after, "additionalProperties")) && !Boolean.FALSE.equals(bool(before, "additionalProperties"))) {
            violations.add(at + ": additionalProperties became false");
        }
        JsonNode propertiesBefore = before.path("properties");
        JsonNode propertiesAfter = after.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = propertiesBefore.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode now = propertiesAfter.get(field.getKey());
            if (now == null) {
                violations.add(child + ": removed");
            } else {
                compare(child, field.getValue(), now, violations);
            }
        }
        if (before.has("items")) {
            if (!after.has("items")) {
                violations.add(at + ": items removed");
            } else {
                compare(path + "[]", before.get("items"), after.get("items"), violations);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }

    private static Boolean bool(JsonNode node, String field) {
        return node.has(field) && node.get(field).isBoolean() ? node.get(field).asBoolean() : null;
    }
}
