package dev.mentoring.gateway.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route template of a request path, for metrics: {@code /api/v1/matching/participants/8f1c...} is
 * {@code /api/v1/matching/participants/{participantId}}, as the service's API document names it. A path below a
 * route's prefix that no template of the service matches is {@code <prefix>/**}; a path below no prefix has none. So
 * the values are bounded by the services' documents, whatever paths clients make up.
 */
public final class PathTemplates {

    /** What a path below a prefix is, when no template of its service matches it. */
    public static final String ANY_BELOW = "/**";

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]+}");

    private final List<Route> routes;

    private record Route(String prefix, List<Template> templates) {
    }

    /**
     * One segment of a template: a literal ({@code participants}), matched by equality; a whole parameter
     * ({@code {id}}), matching any segment; or text and parameters mixed ({@code v{n}.json}), matched by a pattern.
     */
    private record Segment(String literal, Pattern mixed) {

        boolean matches(String segment) {
            return literal != null ? literal.equals(segment) : mixed == null || mixed.matcher(segment).matches();
        }
    }

    /** One template: its text, its segments, and how literal it is (more literal wins, as in JAX-RS). */
    private record Template(String text, Segment[] segments, int literalChars, int parameters) {

        static Template of(String text) {
            List<Segment> segments = new ArrayList<>();
            int literal = 0;
            int parameters = 0;
            for (String segment : split(text)) {
                StringBuilder regex = new StringBuilder();
                Matcher parameter = PARAMETER.matcher(segment);
                int at = 0;
                int found = 0;
                while (parameter.find()) {
                    regex.append(Pattern.quote(segment.substring(at, parameter.start()))).append("[^/]+");
                    literal += parameter.start() - at;
                    parameters++;
                    found++;
                    at = parameter.end();
                }
                regex.append(Pattern.quote(segment.substring(at)));
                literal += segment.length() - at;
                if (found == 0) {
                    segments.add(new Segment(segment, null));
                } else if (found == 1 && PARAMETER.matcher(segment).matches()) {
                    segments.add(new Segment(null, null));
                } else {
                    segments.add(new Segment(null, Pattern.compile(regex.toString())));
                }
            }
            return new Template(text, segments.toArray(Segment[]::new), literal, parameters);
        }

        boolean matches(List<String> path) {
            if (path.size() != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].matches(path.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Comparator<Template> MOST_LITERAL_FIRST = Comparator.comparingInt(Template::literalChars).reversed()
            .thenComparingInt(Template::parameters);

    private PathTemplates(List<Route> routes) {
        this.routes = routes;
    }

    /** No service's templates known yet: every path below a prefix is {@code <prefix>/**}. */
    public static PathTemplates prefixesOnly(Collection<String> prefixes) {
        return of(prefixes.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> List.of(), (a, b) -> a)));
    }

    /** The templates of each prefix's service, as its API document lists them ({@code /participants/{id}}). */
    public static PathTemplates of(Map<String, ? extends Collection<String>> templatesByPrefix) {
        List<Route> routes = new ArrayList<>();
        templatesByPrefix.forEach((prefix, templates) -> routes.add(new Route(trimSlash(prefix),
                templates.stream().map(Template::of).sorted(MOST_LITERAL_FIRST).toList())));
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return new PathTemplates(List.copyOf(routes));
    }

    /** The template of a request path (normalised: no dot segments), or none when it is below no prefix. */
    public Optional<String> templateOf(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        for (Route route : routes) {
            if (p.equals(route.prefix()) || p.startsWith(route.prefix() + "/")) {
                List<String> below = split(p.substring(route.prefix().length()));
                for (Template template : route.templates()) {
                    if (template.matches(below)) {
                        return Optional.of("/".equals(template.text()) ? route.prefix() : route.prefix() + trimSlash(template.text()));
                    }
                }
                return Optional.of(route.prefix() + ANY_BELOW);
            }
        }
        return Optional.empty();
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    segments.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments;
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
