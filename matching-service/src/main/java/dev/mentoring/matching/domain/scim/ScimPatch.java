package dev.mentoring.matching.domain.scim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.matching.domain.scim.ScimSchema.Attribute;
import dev.mentoring.matching.domain.scim.ScimSchema.Mutability;

/**
 * A PATCH request (RFC 7644 3.5.2) applied to a resource's canonical JSON, all operations or none: {@code add},
 * {@code replace} and {@code remove} in any letter case (Entra ID writes {@code Replace}), with a path (an attribute, a
 * sub-attribute, an extension, a value filter such as {@code emails[type eq "work"].value}) or without (a value object
 * whose keys are paths, also dotted or URN-qualified). What providers send beyond the letter of the RFC is taken as
 * they mean it: a {@code remove} of {@code members} with a value removes those members; an {@code add} or
 * {@code replace} through an equality filter that matches nothing adds the element the filter describes. A read-only
 * attribute named by a path is a {@code mutability} error; inside a value object it is ignored (Okta sends the id).
 */
public final class ScimPatch {

    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** The most operations one request takes. */
    public static final int MAX_OPERATIONS = 1000;

    private ScimPatch() {
    }

    /** Applies the request's operations, in order, to a copy of the resource; answers the changed copy. */
    public static ObjectNode apply(ObjectNode resource, JsonNode request, ResourceType type) {
        if (request == null || !request.isObject()) {
            throw ScimException.invalidSyntax("the body must be a PatchOp object");
        }
        JsonNode schemas = field(request, "schemas");
        if (schemas != null && !(schemas.isArray() && containsText(schemas, PATCH_OP))) {
            throw ScimException.invalidSyntax("schemas must be [\"" + PATCH_OP + "\"]");
        }
        JsonNode operations = field(request, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("Operations must be a list of at least one operation");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimException.tooMany("Operations: at most " + MAX_OPERATIONS + " in one request");
        }
        ObjectNode patched = resource.deepCopy();
        int index = 0;
        for (JsonNode operation : operations) {
            String where = "Operations[" + index++ + "]";
            if (!operation.isObject()) {
                throw ScimException.invalidSyntax(where + " must be an object");
            }
            JsonNode opNode = field(operation, "op");
            if (opNode == null || !opNode.isTextual()) {
                throw ScimException.invalidSyntax(where + ".op must be add, replace or remove");
            }
            String op = opNode.textValue().toLowerCase(Locale.ROOT);
            if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
                throw ScimException.invalidSyntax(where + ".op must be add, replace or remove, not '" + opNode.textValue() + "'");
            }
            JsonNode pathNode = field(operation, "path");
            JsonNode value = field(operation, "value");
            if (pathNode != null && !pathNode.isNull() && !pathNode.isTextual()) {
                throw ScimException.invalidPath(where + ".path must be a string");
            }
            String path = pathNode == null || pathNode.isNull() ? null : pathNode.textValue();
            if (path == null) {
                if (op.equals("remove")) {
                    throw ScimException.noTarget(where + ": remove needs a path");
                }
                if (value == null || !value.isObject()) {
                    throw ScimException.invalidValue(where + ".value must be an object of attributes when there is no path");
                }
                withoutPath(patched, op, value, type, where);
            } else {
                FilterParser.PatchPath target = FilterParser.patchPath(path, type);
                requireWritable(target, where);
                if (!op.equals("remove") && (value == null || value.isNull())) {
                    throw ScimException.invalidValue(where + ".value is required for " + op);
                }
                applyAt(patched, op, target, value, where, type);
            }
        }
        return patched;
    }

    /** A value object: each key is a path (a plain, dotted or URN-qualified attribute, or an extension's URN). */
    private static void withoutPath(ObjectNode resource, String op, JsonNode value, ResourceType type, String where) {
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase("schemas")) {
                continue;
            }
            AttributePath path;
            try {
                path = AttributePath.resolve(type, field.getKey(), ScimException::invalidPath);
            } catch (ScimException unknown) {
                continue; // an attribute this service provider does not define is ignored, as in a POST
            }
            if (path.wholeExtension()) {
                if (!field.getValue().isObject()) {
                    throw ScimException.invalidValue(where + ".value." + path.urn() + " must be an object");
                }
                ScimSchema extension = type.schema(path.urn()).orElseThrow();
                field.getValue().fields().forEachRemaining(inner -> extension.attribute(inner.getKey()).ifPresent(attribute -> {
                    if (attribute.mutability() != Mutability.READ_ONLY) {
                        applyAt(resource, op, new FilterParser.PatchPath(new AttributePath(path.urn(), attribute, null), null, null),
                                inner.getValue(), where, type);
                    }
                }));
                continue;
            }
            if (path.attribute().mutability() == Mutability.READ_ONLY || (path.sub() != null && path.sub().mutability() == Mutability.READ_ONLY)) {
                continue;
            }
            applyAt(resource, op, new FilterParser.PatchPath(path, null, null), field.getValue(), where, type);
        }
    }

    private static void requireWritable(FilterParser.PatchPath target, String where) {
        AttributePath path = target.target();
        if (path.wholeExtension()) {
            return;
        }
        Attribute written = target.subAfterFilter() != null ? target.subAfterFilter() : path.leaf();
        if (path.attribute().mutability() == Mutability.READ_ONLY || written.mutability() == Mutability.READ_ONLY) {
            throw ScimException.mutability(where + ": " + target.text() + " is read-only");
        }
    }

    private static void applyAt(ObjectNode resource, String op, FilterParser.PatchPath target, JsonNode value, String where,
            ResourceType type) {
        AttributePath path = target.target();
        if (path.wholeExtension()) {
            if (op.equals("remove")) {
                resource.remove(path.urn());
                return;
            }
            if (!value.isObject()) {
                throw ScimException.invalidValue(where + ".value must be an object of " + path.urn() + "'s attributes");
            }
            if (op.equals("replace")) {
                resource.remove(path.urn());
            }
            ScimSchema extension = type.schema(path.urn()).orElseThrow();
            value.fields().forEachRemaining(inner -> extension.attribute(inner.getKey()).ifPresent(attribute -> {
                if (attribute.mutability() != Mutability.READ_ONLY) {
                    applyAt(resource, "add", new FilterParser.PatchPath(new AttributePath(path.urn(), attribute, null), null, null),
                            inner.getValue(), where, type);
                }
            }));
            return;
        }
        ObjectNode container = path.urn() == null ? resource : ScimJson.object(resource, path.urn());
        Attribute attribute = path.attribute();
        String name = attribute.name();
        if (target.filter() != null) {
            filtered(container, op, target, value, where);
            return;
        }
        if (path.sub() != null) {
            if (attribute.multiValued()) {
                if (op.equals("remove")) {
                    if (container.get(name) instanceof ArrayNode list) {
                        list.forEach(element -> ((ObjectNode) element).remove(path.sub().name()));
                    }
                    return;
                }
                throw ScimException.invalidPath(where + ": " + path.text() + " is in a list: choose elements with a value filter, "
                        + "e.g. " + name + "[type eq \"work\"]." + path.sub().name());
            }
            if (op.equals("remove")) {
                if (container.get(name) instanceof ObjectNode complex) {
                    complex.remove(path.sub().name());
                }
                return;
            }
            ScimJson.object(container, name).set(path.sub().name(), ScimJson.value(path.sub(), value, path.text()));
            return;
        }
        switch (op) {
            case "remove" -> {
                if (attribute.multiValued() && value != null && !value.isNull() && container.get(name) instanceof ArrayNode list) {
                    JsonNode gone = ScimJson.value(attribute, value, path.text());
                    removeEqual(list, gone);
                } else {
                    container.remove(name);
                }
            }
            case "add" -> {
                JsonNode given = ScimJson.value(attribute, value, path.text());
                if (attribute.multiValued()) {
                    ArrayNode list = container.get(name) instanceof ArrayNode existing ? existing : container.putArray(name);
                    for (JsonNode element : given) {
                        if (!containsEqual(list, element)) {
                            list.add(element);
                        }
                    }
                    clearOtherPrimaries(list);
                } else if (attribute.complex() && container.get(name) instanceof ObjectNode existing && given.isObject()) {
                    existing.setAll((ObjectNode) given);
                } else {
                    container.set(name, given);
                }
            }
            default -> { // replace
                JsonNode given = ScimJson.value(attribute, value, path.text());
                if (!attribute.multiValued() && attribute.complex() && container.get(name) instanceof ObjectNode existing && given.isObject()) {
                    existing.setAll((ObjectNode) given);
                } else {
                    container.set(name, given);
                }
            }
        }
    }

    /** An operation on the elements a value filter chooses. */
    private static void filtered(ObjectNode container, String op, FilterParser.PatchPath target, JsonNode value, String where) {
        Attribute attribute = target.target().attribute();
        String name = attribute.name();
        ArrayNode list = container.get(name) instanceof ArrayNode existing ? existing : null;
        List<ObjectNode> matched = new ArrayList<>();
        if (list != null) {
            for (JsonNode element : list) {
                if (element instanceof ObjectNode object && target.filter().test(object)) {
                    matched.add(object);
                }
            }
        }
        Attribute sub = target.subAfterFilter();
        if (op.equals("remove")) {
            if (list == null) {
                return;
            }
            if (sub != null) {
                matched.forEach(element -> element.remove(sub.name()));
            } else {
                for (int i = list.size() - 1; i >= 0; i--) {
                    JsonNode element = list.get(i);
                    if (matched.stream().anyMatch(m -> m == element)) {
                        list.remove(i);
                    }
                }
            }
            return;
        }
        if (matched.isEmpty()) {
            ObjectNode described = described(target.filter());
            if (described == null) {
                throw ScimException.noTarget(where + ": no element of " + name + " matches the path's filter");
            }
            ArrayNode into = list != null ? list : container.putArray(name);
            ObjectNode element = (ObjectNode) ScimJson.single(attribute, described, name);
            into.add(element);
            matched.add(element);
        }
        for (ObjectNode element : matched) {
            if (sub != null) {
                element.set(sub.name(), ScimJson.value(sub, value, name + "." + sub.name()));
            } else {
                JsonNode given = ScimJson.single(attribute, value, name);
                if (op.equals("replace")) {
                    element.removeAll();
                }
                element.setAll((ObjectNode) given);
            }
        }
        clearOtherPrimaries(container.get(name) instanceof ArrayNode after ? after : null);
    }

    /** The element an equality filter (eq, joined by and) describes; null for any other filter. */
    private static ObjectNode described(Filter filter) {
        ObjectNode element = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        return describe(filter, element) ? element : null;
    }

    private static boolean describe(Filter filter, ObjectNode element) {
        if (filter instanceof Filter.And and) {
            return describe(and.left(), element) && describe(and.right(), element);
        }
        if (filter instanceof Filter.Compare compare && compare.operator() == Filter.Operator.EQ && !compare.value().isNull()) {
            element.set(compare.path().attribute().name(), compare.value());
            return true;
        }
        return false;
    }

    /** At most one element is primary (RFC 7643 2.4): the last one set so wins. */
    private static void clearOtherPrimaries(ArrayNode list) {
        if (list == null) {
            return;
        }
        int last = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path("primary").asBoolean(false)) {
                last = i;
            }
        }
        for (int i = 0; i < list.size(); i++) {
            if (i != last && list.get(i) instanceof ObjectNode element && element.has("primary")) {
                element.put("primary", false);
            }
        }
    }

    private static void removeEqual(ArrayNode list, JsonNode gone) {
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode element = list.get(i);
            for (JsonNode candidate : gone) {
                if (same(element, candidate)) {
                    list.remove(i);
                    break;
                }
            }
        }
    }

    private static boolean containsEqual(ArrayNode list, JsonNode element) {
        for (JsonNode existing : list) {
            if (same(existing, element)) {
                return true;
            }
        }
        return false;
    }

    /** Two elements are the same when their {@code value}s are (complex), or they are equal. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject() && a.has("value") && b.has("value")) {
            return a.get("value").equals(b.get("value"));
        }
        return a.equals(b);
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (element.isTextual() && element.textValue().equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    /** A member of a JSON object in any letter case (Okta and Entra spell {@code Operations} differently at times). */
    static JsonNode field(JsonNode object, String name) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
