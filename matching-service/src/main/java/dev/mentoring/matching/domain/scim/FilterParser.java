package dev.mentoring.matching.domain.scim;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.mentoring.matching.domain.scim.ScimSchema.Attribute;

/**
 * Parses SCIM filters and PATCH paths (RFC 7644 3.4.2.2 and 3.5.2) against a resource type: {@code not} binds
 * tighter than {@code and}, which binds tighter than {@code or}; parentheses group; operators and the literals
 * {@code true false null} in any letter case; strings are JSON strings. Any text that is not a filter is an
 * {@code invalidFilter} (a PATCH path: {@code invalidPath}) naming the position, never another failure.
 */
public final class FilterParser {

    /** The longest filter or path taken. */
    public static final int MAX_LENGTH = 4096;
    /** How deeply filters may nest (parentheses, not, value filters). */
    static final int MAX_DEPTH = 32;

    private final String text;
    private final ResourceType type;
    private final Function<String, ScimException> failure;
    /** What is parsed, for the messages: filter or path. */
    private final String kind;
    private int at;
    private int depth;

    /** A PATCH path: an attribute path, optionally with a value filter and a sub-attribute after it. */
    public record PatchPath(AttributePath target, Filter filter, Attribute subAfterFilter) {

        /** The attribute whose value the operation sets: the sub-attribute after the filter, or the path's leaf. */
        public String text() {
            return target.text() + (filter == null ? "" : "[...]") + (subAfterFilter == null ? "" : "." + subAfterFilter.name());
        }
    }

    private FilterParser(String text, ResourceType type, Function<String, ScimException> failure, String kind) {
        this.text = text;
        this.type = type;
        this.failure = failure;
        this.kind = kind;
    }

    /** A {@code filter} query parameter. */
    public static Filter filter(String text, ResourceType type) {
        if (text == null || text.isBlank()) {
            throw ScimException.invalidFilter("filter is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidFilter("filter is longer than " + MAX_LENGTH + " characters");
        }
        FilterParser parser = new FilterParser(text, type, ScimException::invalidFilter, "filter");
        Filter filter = parser.or(null);
        parser.spaces();
        if (parser.at < text.length()) {
            throw parser.fail("unexpected '" + parser.rest() + "'");
        }
        return filter;
    }

    /** A PATCH operation's {@code path}. */
    public static PatchPath patchPath(String text, ResourceType type) {
        if (text == null || text.isBlank()) {
            throw ScimException.invalidPath("path is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidPath("path is longer than " + MAX_LENGTH + " characters");
        }
        FilterParser parser = new FilterParser(text.strip(), type, ScimException::invalidPath, "path");
        String token = parser.pathToken();
        AttributePath target = AttributePath.resolve(type, token, ScimException::invalidPath);
        Filter filter = null;
        Attribute subAfter = null;
        if (parser.peek('[')) {
            if (target.wholeExtension() || target.sub() != null || !target.attribute().multiValued() || !target.attribute().complex()) {
                throw ScimException.invalidPath("'" + token + "' is not a multi-valued complex attribute: it takes no value filter");
            }
            parser.at++;
            parser.depth++;
            filter = parser.or(target.attribute());
            parser.spaces();
            parser.expect(']');
            if (parser.peek('.')) {
                parser.at++;
                String subName = parser.pathToken();
                Attribute attribute = target.attribute();
                subAfter = attribute.sub(subName).orElseThrow(() -> ScimException.invalidPath("'" + text + "': "
                        + attribute.name() + " has no sub-attribute " + subName));
            }
        }
        if (parser.at < parser.text.length()) {
            throw parser.fail("unexpected '" + parser.rest() + "'");
        }
        return new PatchPath(target, filter, subAfter);
    }

    /** {@code or} of {@code and}s; {@code scope} is the attribute whose sub-attributes a value filter names, else null. */
    private Filter or(Attribute scope) {
        Filter left = and(scope);
        while (keyword("or")) {
            left = new Filter.Or(left, and(scope));
        }
        return left;
    }

    private Filter and(Attribute scope) {
        Filter left = factor(scope);
        while (keyword("and")) {
            left = new Filter.And(left, factor(scope));
        }
        return left;
    }

    private Filter factor(Attribute scope) {
        if (++depth > MAX_DEPTH) {
            throw fail("nests deeper than " + MAX_DEPTH);
        }
        try {
            spaces();
            if (at >= text.length()) {
                throw fail("ends where an expression was expected");
            }
            int start = at;
            if (word().equalsIgnoreCase("not")) {
                spaces();
                if (peek('(')) {
                    at++;
                    Filter inner = or(scope);
                    spaces();
                    expect(')');
                    return new Filter.Not(inner);
                }
            }
            at = start;
            if (peek('(')) {
                at++;
                Filter inner = or(scope);
                spaces();
                expect(')');
                return inner;
            }
            return expression(scope);
        } finally {
            depth--;
        }
    }

    /** {@code attrPath pr}, {@code attrPath op value} or {@code attrPath[valFilter]}. */
    private Filter expression(Attribute scope) {
        int start = at;
        String token = pathToken();
        AttributePath path = scope == null ? AttributePath.resolve(type, token, failure) : relative(scope, token);
        if (peek('[')) {
            if (scope != null) {
                throw fail("a value filter inside a value filter at " + (start + 1));
            }
            if (path.wholeExtension() || path.sub() != null || !path.attribute().complex()) {
                throw fail("'" + token + "' is not a complex attribute: it takes no value filter");
            }
            at++;
            depth++;
            Filter inner = or(path.attribute());
            depth--;
            spaces();
            expect(']');
            return new Filter.ValuePath(path, inner);
        }
        if (path.wholeExtension()) {
            throw fail("'" + token + "' names a schema, not an attribute");
        }
        if (!spaces()) {
            throw fail("expected an operator after '" + token + "'");
        }
        String op = word().toLowerCase(Locale.ROOT);
        if (op.equals("pr")) {
            return new Filter.Present(path);
        }
        Filter.Operator operator;
        try {
            operator = Filter.Operator.valueOf(op.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw fail("'" + op + "' is not an operator (eq ne co sw ew gt ge lt le pr)");
        }
        Attribute leaf = Filter.leafOf(path);
        if (path.sub() == null && path.attribute().complex() && path.attribute().sub("value").isEmpty()) {
            throw fail("'" + token + "' is complex: compare one of its sub-attributes");
        }
        if (!operator.appliesTo(leaf.type())) {
            throw fail("'" + op + "' does not apply to " + token + " (" + leaf.type().scimName + ")");
        }
        if (!spaces()) {
            throw fail("expected a value after '" + op + "'");
        }
        JsonNode value = literal();
        if (value.isNull() && operator != Filter.Operator.EQ && operator != Filter.Operator.NE) {
            throw fail("null compares only with eq or ne");
        }
        if (!Filter.fits(leaf, value)) {
            throw fail("the value for " + token + " must be " + article(leaf.type()));
        }
        return new Filter.Compare(path, operator, value);
    }

    private AttributePath relative(Attribute scope, String token) {
        return AttributePath.relative(scope.sub(token).orElseThrow(() -> fail("'" + token + "': " + scope.name()
                + " has no sub-attribute " + token)));
    }

    private static String article(ScimSchema.Type type) {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case INTEGER, DECIMAL -> "a number";
            case DATE_TIME -> "a date-time string such as \"2026-01-31T12:00:00Z\"";
            default -> "a string";
        };
    }

    /** A JSON literal: a string, a number, true, false or null. */
    private JsonNode literal() {
        if (peek('"')) {
            return JsonNodeFactory.instance.textNode(string());
        }
        int start = at;
        String word = word();
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true" -> {
                return JsonNodeFactory.instance.booleanNode(true);
            }
            case "false" -> {
                return JsonNodeFactory.instance.booleanNode(false);
            }
            case "null" -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> {
                if (word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,4})?") && word.length() <= 40) {
                    try {
                        return JsonNodeFactory.instance.numberNode(new BigDecimal(word));
                    } catch (NumberFormatException outOfRange) {
                        throw fail("the number " + word + " is out of range");
                    }
                }
                at = start;
                throw fail("expected a value (a \"string\", a number, true, false or null) at " + (start + 1));
            }
        }
    }

    /** A JSON string at the cursor, unescaped. */
    private String string() {
        int start = at;
        at++;
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    break;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw fail("a \\u escape needs four hex digits at " + at);
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException bad) {
                            throw fail("a \\u escape needs four hex digits at " + at);
                        }
                        at += 4;
                    }
                    default -> throw fail("'\\" + e + "' is not a JSON escape at " + (at - 1));
                }
            } else {
                out.append(c);
            }
        }
        throw fail("the string starting at " + (start + 1) + " has no closing quote");
    }

    /** An attribute path token: a {@link #word()} that is not empty. */
    private String pathToken() {
        int start = at;
        String token = word();
        if (token.isEmpty()) {
            throw fail("expected an attribute at " + (start + 1));
        }
        return token;
    }

    /** A bare word (an attribute path, an operator or a literal): up to a space, bracket, parenthesis or quote. */
    private String word() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c) || c == '[' || c == ']' || c == '(' || c == ')' || c == '"') {
                break;
            }
            at++;
        }
        return text.substring(start, at);
    }

    /** Whether the next word (after spaces) is the keyword; consumes it (and requires a space or parenthesis after). */
    private boolean keyword(String keyword) {
        int start = at;
        if (!spaces()) {
            at = start;
            return false;
        }
        if (text.regionMatches(true, at, keyword, 0, keyword.length())) {
            int after = at + keyword.length();
            if (after < text.length() && (Character.isWhitespace(text.charAt(after)) || text.charAt(after) == '(')) {
                at = after;
                return true;
            }
        }
        at = start;
        return false;
    }

    /** Skips spaces; whether there were any. */
    private boolean spaces() {
        int start = at;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at > start;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw fail(at >= text.length() ? "ends where '" + c + "' was expected" : "expected '" + c + "' at " + (at + 1)
                    + ", found '" + rest() + "'");
        }
        at++;
    }

    private String rest() {
        String rest = text.substring(Math.min(at, text.length()));
        return rest.length() > 40 ? rest.substring(0, 40) + "..." : rest;
    }

    private ScimException fail(String what) {
        return failure.apply(kind + ": " + what);
    }
}
