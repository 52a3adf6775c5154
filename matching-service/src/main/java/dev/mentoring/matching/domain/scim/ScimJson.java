package dev.mentoring.matching.domain.scim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.matching.domain.scim.ScimSchema.Attribute;
import dev.mentoring.matching.domain.scim.ScimSchema.Returned;

/**
 * A resource's JSON as clients send it, made canonical against its resource type: attribute names (any letter case,
 * dotted or URN-qualified keys) in their schema's spelling, values of the attribute's type (the string booleans and
 * numbers some identity providers send are taken as booleans and numbers; a single value for a multi-valued attribute
 * as a list of one), attributes the schemas do not define dropped. And the {@code attributes} / {@code excludedAttributes}
 * projection of a resource on its way out.
 */
public final class ScimJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimJson() {
    }

    /** A whole resource as sent (POST, PUT): canonical, with each value of its attribute's type. */
    public static ObjectNode resource(JsonNode body, ResourceType type) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("the body must be a JSON object (a " + type.name() + ")");
        }
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                out.set("schemas", field.getValue());
                continue;
            }
            Optional<ScimSchema> extension = type.extension(key);
            if (extension.isPresent()) {
                if (field.getValue().isNull()) {
                    continue;
                }
                if (!field.getValue().isObject()) {
                    throw ScimException.invalidValue(extension.get().id() + " must be an object of its attributes");
                }
                ObjectNode into = object(out, extension.get().id());
                field.getValue().fields().forEachRemaining(inner -> extension.get().attribute(inner.getKey()).ifPresent(attribute ->
                        into.set(attribute.name(), value(attribute, inner.getValue(), extension.get().id() + ":" + attribute.name()))));
                continue;
            }
            AttributePath path;
            try {
                path = AttributePath.resolve(type, key, ScimException::invalidPath);
            } catch (ScimException unknown) {
                continue; // an attribute this service provider does not define is ignored (RFC 7644 3.3)
            }
            if (path.wholeExtension()) {
                continue;
            }
            set(out, path, value(path.leaf(), field.getValue(), path.text()));
        }
        return out;
    }

    /** Sets a path's value in a canonical resource (creating the extension or complex object on the way). */
    static void set(ObjectNode resource, AttributePath path, JsonNode value) {
        if (path.sub() != null && path.attribute().multiValued()) {
            throw ScimException.invalidValue(path.text() + ": " + path.attribute().name() + " is a list; send it whole");
        }
        ObjectNode container = path.urn() == null ? resource : object(resource, path.urn());
        if (path.sub() == null) {
            container.set(path.attribute().name(), value);
        } else {
            JsonNode parent = container.get(path.attribute().name());
            ObjectNode object = parent instanceof ObjectNode o ? o : container.putObject(path.attribute().name());
            object.set(path.sub().name(), value);
        }
    }

    /** The object under a key, put there when it is absent or not an object. */
    static ObjectNode object(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode existing ? existing : parent.putObject(key);
    }

    /**
     * A value of the attribute's type: null stays null (cleared); a multi-valued attribute's single value becomes a list
     * of one; a complex value's sub-attribute names are made canonical (unknown ones dropped), and a plain string given
     * for a complex attribute with a {@code value} sub-attribute (e.g. manager) becomes its value.
     */
    public static JsonNode value(Attribute attribute, JsonNode given, String where) {
        if (given == null || given.isNull()) {
            return NullNode.getInstance();
        }
        if (attribute.multiValued()) {
            ArrayNode list = NODES.arrayNode();
            if (given.isArray()) {
                int i = 0;
                for (JsonNode element : given) {
                    if (!element.isNull()) {
                        list.add(single(attribute, element, where + "[" + i + "]"));
                    }
                    i++;
                }
            } else {
                list.add(single(attribute, given, where));
            }
            return list;
        }
        if (given.isArray()) {
            throw ScimException.invalidValue(where + " takes one value, not a list");
        }
        return single(attribute, given, where);
    }

    /** One value of the attribute's type (an element, for a multi-valued one). */
    static JsonNode single(Attribute attribute, JsonNode given, String where) {
        switch (attribute.type()) {
            case COMPLEX -> {
                if (given.isTextual() && attribute.sub("value").isPresent()) {
                    return NODES.objectNode().put("value", given.textValue());
                }
                if (!given.isObject()) {
                    throw ScimException.invalidValue(where + " must be an object");
                }
                ObjectNode out = NODES.objectNode();
                given.fields().forEachRemaining(field -> attribute.sub(field.getKey()).ifPresent(sub -> {
                    // what the service provider sets (manager.displayName, a member's display) is never taken from a client
                    if (!field.getValue().isNull() && sub.mutability() != ScimSchema.Mutability.READ_ONLY) {
                        out.set(sub.name(), single(sub, field.getValue(), where + "." + sub.name()));
                    }
                }));
                return out;
            }
            case BOOLEAN -> {
                if (given.isBoolean()) {
                    return given;
                }
                if (given.isTextual() && (given.textValue().equalsIgnoreCase("true") || given.textValue().equalsIgnoreCase("false"))) {
                    return NODES.booleanNode(given.textValue().equalsIgnoreCase("true"));
                }
                throw ScimException.invalidValue(where + " must be true or false");
            }
            case INTEGER -> {
                if (given.isIntegralNumber() && given.canConvertToInt()) {
                    return NODES.numberNode(given.intValue());
                }
                if (given.isTextual() && given.textValue().strip().matches("-?[0-9]{1,9}")) {
                    return NODES.numberNode(Integer.parseInt(given.textValue().strip()));
                }
                throw ScimException.invalidValue(where + " must be a whole number");
            }
            case DECIMAL -> {
                if (given.isNumber()) {
                    return NODES.numberNode(given.decimalValue());
                }
                try {
                    return NODES.numberNode(new BigDecimal(given.asText().strip()));
                } catch (NumberFormatException notANumber) {
                    throw ScimException.invalidValue(where + " must be a number");
                }
            }
            default -> {
                if (given.isTextual()) {
                    return given;
                }
                if (given.isNumber()) {
                    return NODES.textNode(given.asText());
                }
                throw ScimException.invalidValue(where + " must be a string");
            }
        }
    }

    /**
     * The resource as asked with {@code attributes} (only these, besides what is always returned) or
     * {@code excludedAttributes} (all but these) (RFC 7644 3.4.2.5); paths as in filters, e.g. {@code name.givenName},
     * {@code urn:...:enterprise:2.0:User:department}. {@code schemas} and {@code id} are always returned.
     */
    public static ObjectNode project(ObjectNode resource, ResourceType type, String attributes, String excludedAttributes) {
        List<AttributePath> included = paths(attributes, type, "attributes");
        List<AttributePath> excluded = paths(excludedAttributes, type, "excludedAttributes");
        if (included.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        if (!included.isEmpty()) {
            ObjectNode out = NODES.objectNode();
            copyAlways(resource, type, out);
            for (AttributePath path : included) {
                copy(resource, out, path);
            }
            return out;
        }
        ObjectNode out = resource.deepCopy();
        for (AttributePath path : excluded) {
            Attribute attribute = path.attribute();
            if (attribute == null) {
                out.remove(path.urn());
                continue;
            }
            if ((path.sub() == null ? attribute : path.sub()).returned() == Returned.ALWAYS) {
                continue;
            }
            JsonNode container = path.urn() == null ? out : out.get(path.urn());
            if (!(container instanceof ObjectNode object)) {
                continue;
            }
            if (path.sub() == null) {
                object.remove(attribute.name());
            } else if (object.get(attribute.name()) instanceof ObjectNode complex) {
                complex.remove(path.sub().name());
            } else if (object.get(attribute.name()) instanceof ArrayNode list) {
                list.forEach(element -> {
                    if (element instanceof ObjectNode e) {
                        e.remove(path.sub().name());
                    }
                });
            }
        }
        return out;
    }

    private static void copyAlways(ObjectNode resource, ResourceType type, ObjectNode out) {
        out.set("schemas", resource.get("schemas"));
        out.set("id", resource.get("id"));
    }

    private static void copy(ObjectNode from, ObjectNode to, AttributePath path) {
        if (path.attribute() == null) {
            if (from.has(path.urn())) {
                to.set(path.urn(), from.get(path.urn()).deepCopy());
            }
            return;
        }
        JsonNode source = path.urn() == null ? from : from.get(path.urn());
        if (source == null || !source.has(path.attribute().name())) {
            return;
        }
        ObjectNode target = path.urn() == null ? to : object(to, path.urn());
        JsonNode value = source.get(path.attribute().name());
        if (path.sub() == null) {
            target.set(path.attribute().name(), value.deepCopy());
        } else if (value.isObject()) {
            if (value.has(path.sub().name())) {
                JsonNode existing = target.get(path.attribute().name());
                ObjectNode into = existing instanceof ObjectNode o ? o : target.putObject(path.attribute().name());
                into.set(path.sub().name(), value.get(path.sub().name()).deepCopy());
            }
        } else if (value.isArray()) {
            JsonNode existing = target.get(path.attribute().name());
            ArrayNode into = existing instanceof ArrayNode a ? a : target.putArray(path.attribute().name());
            for (int i = 0; i < value.size(); i++) {
                while (into.size() <= i) {
                    into.addObject();
                }
                JsonNode sub = value.get(i).get(path.sub().name());
                if (sub != null && into.get(i) instanceof ObjectNode element) {
                    element.set(path.sub().name(), sub.deepCopy());
                }
            }
        }
    }

    /** A comma-separated list of attribute paths (invalidValue for one that names nothing). */
    static List<AttributePath> paths(String list, ResourceType type, String parameter) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        if (list.length() > FilterParser.MAX_LENGTH) {
            throw ScimException.invalidValue(parameter + " is longer than " + FilterParser.MAX_LENGTH + " characters");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<AttributePath> paths = new ArrayList<>();
        for (String part : list.split(",")) {
            String text = part.strip();
            if (text.isEmpty() || !seen.add(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            paths.add(AttributePath.resolve(type, text, what -> ScimException.invalidValue(parameter + ": " + what)));
        }
        return paths;
    }
}
