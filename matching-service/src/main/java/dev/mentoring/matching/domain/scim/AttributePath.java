package dev.mentoring.matching.domain.scim;

import java.util.Locale;
import java.util.Optional;

import dev.mentoring.matching.domain.scim.ScimSchema.Attribute;

/**
 * An attribute path resolved against a resource type (RFC 7644 3.10): the schema it lives in ({@code urn}, null for
 * the core schema and the common attributes), the attribute and, for {@code name.givenName}, the sub-attribute. Names
 * are matched in any letter case and kept in their canonical spelling. A path naming a whole extension
 * ({@code urn:...:enterprise:2.0:User}) has no attribute.
 */
public record AttributePath(String urn, Attribute attribute, Attribute sub) {

    /** The whole of an extension. */
    public boolean wholeExtension() {
        return attribute == null;
    }

    /** The attribute whose value the path ends at. */
    public Attribute leaf() {
        return sub != null ? sub : attribute;
    }

    /** The path as written canonically, for messages: {@code name.givenName}, {@code urn:...:User:manager.value}. */
    public String text() {
        String local = attribute == null ? "" : attribute.name() + (sub == null ? "" : "." + sub.name());
        return urn == null ? local : local.isEmpty() ? urn : urn + ":" + local;
    }

    /** A sub-attribute of this path's attribute as its own path (inside a value filter). */
    static AttributePath relative(Attribute sub) {
        return new AttributePath(null, sub, null);
    }

    /**
     * Resolves a path text without a value filter against a resource type: {@code userName}, {@code name.givenName},
     * {@code meta.lastModified}, {@code urn:...:enterprise:2.0:User:employeeNumber}, an extension's URN alone. An
     * attribute the core schema lacks is looked for in the extensions too (clients leave the URN out of e.g.
     * {@code employeeNumber}).
     *
     * @param failure what to throw for a path that names nothing (invalidPath in PATCH, invalidFilter in a filter)
     */
    public static AttributePath resolve(ResourceType type, String text, java.util.function.Function<String, ScimException> failure) {
        if (text == null || text.isEmpty()) {
            throw failure.apply("an attribute path is empty");
        }
        String urn = null;
        ScimSchema schema = null;
        String local = text;
        if (text.regionMatches(true, 0, "urn:", 0, 4)) {
            Optional<ScimSchema> prefix = type.schemaPrefixOf(text);
            if (prefix.isEmpty()) {
                throw failure.apply("'" + text + "' names no schema of " + type.name()
                        + " (schemas: " + type.core().id() + ", " + String.join(", ", type.extensions().stream().map(ScimSchema::id).toList()) + ")");
            }
            schema = prefix.get();
            urn = schema.id();
            local = text.length() == urn.length() ? "" : text.substring(urn.length() + 1);
            if (local.isEmpty()) {
                if (schema == type.core()) {
                    throw failure.apply("'" + text + "' names a schema, not an attribute");
                }
                return new AttributePath(urn, null, null);
            }
        }
        int dot = local.indexOf('.');
        String name = dot < 0 ? local : local.substring(0, dot);
        String subName = dot < 0 ? null : local.substring(dot + 1);
        if (!validName(name) || (subName != null && !validName(subName))) {
            throw failure.apply("'" + text + "' is not an attribute path");
        }
        Attribute attribute;
        if (schema != null) {
            attribute = schema.attribute(name).orElseThrow(() -> failure.apply("'" + text + "' names no attribute of " + urn_(text)));
            if (schema == type.core()) {
                urn = null;
            }
        } else {
            Optional<Attribute> found = type.core().attribute(name).or(() -> ResourceType.common(name));
            if (found.isPresent()) {
                attribute = found.get();
            } else {
                ScimSchema extension = type.extensions().stream().filter(e -> e.attribute(name).isPresent()).findFirst()
                        .orElseThrow(() -> failure.apply("'" + text + "' names no attribute of " + type.name()));
                urn = extension.id();
                attribute = extension.attribute(name).get();
            }
        }
        Attribute sub = null;
        if (subName != null) {
            if (!attribute.complex()) {
                throw failure.apply("'" + text + "': " + attribute.name() + " has no sub-attributes");
            }
            sub = attribute.sub(subName).orElseThrow(() -> failure.apply("'" + text + "': " + attribute.name()
                    + " has no sub-attribute " + subName));
        }
        return new AttributePath(urn, attribute, sub);
    }

    private static String urn_(String text) {
        return text.substring(0, Math.max(0, text.lastIndexOf(':')));
    }

    /** RFC 7643 ATTRNAME (a letter, then letters, digits, - and _), and $ref. */
    static boolean validName(String name) {
        if (name.equals("$ref")) {
            return true;
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || name.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 127 || !(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The text in lower case (keys are compared so). */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
