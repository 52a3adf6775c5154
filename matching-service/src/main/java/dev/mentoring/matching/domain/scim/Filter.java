package dev.mentoring.matching.domain.scim;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mentoring.matching.domain.scim.ScimSchema.Attribute;
import dev.mentoring.matching.domain.scim.ScimSchema.Type;

/**
 * A SCIM filter (RFC 7644 3.4.2.2) parsed against a resource type, and its test of one resource's JSON. Built by
 * {@link FilterParser}. String comparisons follow the attribute's {@code caseExact}; a multi-valued attribute matches
 * when any of its values does; a multi-valued complex attribute without a sub-attribute compares its {@code value}s.
 */
public sealed interface Filter {

    /** Whether the resource (or, inside a value filter, the element) matches. */
    boolean test(JsonNode container);

    /** {@code attrPath op value}. */
    record Compare(AttributePath path, Operator operator, JsonNode value) implements Filter {

        @Override
        public boolean test(JsonNode container) {
            List<JsonNode> values = values(container, path);
            if (value.isNull()) { // eq null: has no value; ne null: has one
                boolean present = values.stream().anyMatch(Filter::present);
                return operator == Operator.NE ? present : !present;
            }
            boolean any = values.stream().anyMatch(v -> compare(v));
            return operator == Operator.NE ? !values.stream().anyMatch(v -> compareAs(Operator.EQ, v)) : any;
        }

        private boolean compare(JsonNode actual) {
            return compareAs(operator, actual);
        }

        private boolean compareAs(Operator op, JsonNode actual) {
            if (actual == null || actual.isNull() || actual.isMissingNode()) {
                return false;
            }
            Attribute leaf = leafOf(path);
            switch (leaf.type()) {
                case BOOLEAN -> {
                    return actual.isBoolean() && actual.booleanValue() == value.booleanValue();
                }
                case INTEGER, DECIMAL -> {
                    if (!actual.isNumber()) {
                        return false;
                    }
                    int c = actual.decimalValue().compareTo(value.decimalValue());
                    return ordered(op, c);
                }
                case DATE_TIME -> {
                    try {
                        int c = OffsetDateTime.parse(actual.asText()).toInstant().compareTo(OffsetDateTime.parse(value.asText()).toInstant());
                        return ordered(op, c);
                    } catch (DateTimeParseException notADate) {
                        return false;
                    }
                }
                default -> {
                    if (!actual.isTextual()) {
                        return false;
                    }
                    String a = leaf.caseExact() ? actual.textValue() : actual.textValue().toLowerCase(Locale.ROOT);
                    String b = leaf.caseExact() ? value.textValue() : value.textValue().toLowerCase(Locale.ROOT);
                    return switch (op) {
                        case CO -> a.contains(b);
                        case SW -> a.startsWith(b);
                        case EW -> a.endsWith(b);
                        default -> ordered(op, a.compareTo(b));
                    };
                }
            }
        }

        private static boolean ordered(Operator op, int c) {
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                default -> false;
            };
        }
    }

    /** {@code attrPath pr}: has a value (not null, not empty). */
    record Present(AttributePath path) implements Filter {
        @Override
        public boolean test(JsonNode container) {
            return values(container, path).stream().anyMatch(Filter::present);
        }
    }

    record And(Filter left, Filter right) implements Filter {
        @Override
        public boolean test(JsonNode container) {
            return left.test(container) && right.test(container);
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        @Override
        public boolean test(JsonNode container) {
            return left.test(container) || right.test(container);
        }
    }

    record Not(Filter inner) implements Filter {
        @Override
        public boolean test(JsonNode container) {
            return !inner.test(container);
        }
    }

    /** {@code emails[type eq "work" and value co "@example.com"]}: some element of the attribute matches the inner filter. */
    record ValuePath(AttributePath path, Filter inner) implements Filter {
        @Override
        public boolean test(JsonNode container) {
            JsonNode node = attributeNode(container, path);
            if (node == null || !node.isArray()) {
                return node != null && node.isObject() && inner.test(node);
            }
            for (JsonNode element : node) {
                if (inner.test(element)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The comparison operators, with the types each applies to. */
    enum Operator {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE;

        /** Whether this operator applies to an attribute of the type (RFC 7644: booleans and binaries only eq and ne). */
        boolean appliesTo(Type type) {
            return switch (type) {
                case BOOLEAN -> this == EQ || this == NE;
                case INTEGER, DECIMAL, DATE_TIME -> this != CO && this != SW && this != EW;
                case COMPLEX -> false;
                default -> true;
            };
        }
    }

    /** The node of the path's attribute in a container (the resource, or an element inside a value filter). */
    static JsonNode attributeNode(JsonNode container, AttributePath path) {
        JsonNode scope = path.urn() == null ? container : container.get(path.urn());
        return scope == null || path.attribute() == null ? null : scope.get(path.attribute().name());
    }

    /** Every value the path reaches: of each element for a multi-valued attribute. */
    static List<JsonNode> values(JsonNode container, AttributePath path) {
        List<JsonNode> values = new ArrayList<>();
        JsonNode node = attributeNode(container, path);
        if (node == null || node.isNull()) {
            return values;
        }
        Attribute attribute = path.attribute();
        // a complex attribute without a sub-attribute named is compared by its value, or tested whole (pr) when it has none
        String sub = path.sub() != null ? path.sub().name() : attribute.complex() && attribute.sub("value").isPresent() ? "value" : null;
        if (node.isArray()) {
            for (JsonNode element : node) {
                values.add(sub == null ? element : element.get(sub));
            }
        } else {
            values.add(sub == null ? node : node.get(sub));
        }
        return values;
    }

    /** The attribute a comparison is about: the sub-attribute, or {@code value} of a multi-valued complex one. */
    static Attribute leafOf(AttributePath path) {
        if (path.sub() != null) {
            return path.sub();
        }
        Attribute attribute = path.attribute();
        return attribute.complex() ? attribute.sub("value").orElse(attribute) : attribute;
    }

    static boolean present(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return !(value.isContainerNode() && value.isEmpty());
    }

    /** Whether a literal fits the attribute's type for the operator (checked at parse time: invalidFilter). */
    static boolean fits(Attribute leaf, JsonNode literal) {
        if (literal.isNull()) {
            return true;
        }
        return switch (leaf.type()) {
            case BOOLEAN -> literal.isBoolean();
            case INTEGER, DECIMAL -> literal.isNumber();
            case DATE_TIME -> literal.isTextual() && parsesAsDate(literal.textValue());
            case COMPLEX -> false;
            default -> literal.isTextual();
        };
    }

    private static boolean parsesAsDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
