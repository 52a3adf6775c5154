package dev.mentoring.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mentoring.contracts.EventType;

/**
 * What the code says about Kafka and databases, read from the code itself, never from a copied list:
 * <ul>
 * <li>the services: the root pom's modules with a {@code src/main/resources/application.properties} naming
 * {@code quarkus.application.name};</li>
 * <li>the topics a service produces: the topics of the contract's event types ({@code dev.mentoring.contracts}, resolved
 * by reflection) its {@code src/main/java} refers to, except where it hands them to an event dispatch as
 * {@code .on(Type, handler)} (that is consuming), plus its outgoing Kafka channels and its dead-letter topics;</li>
 * <li>the topics it consumes, its consumer groups and its dead-letter topics: the {@code mp.messaging.incoming.*}
 * settings of its application.properties (profile lines such as {@code %test.} ignored);</li>
 * <li>its database and role: its {@code quarkus.datasource.*} settings.</li>
 * </ul>
 */
public final class CodeTopology {

    private static final String CONTRACTS = "dev.mentoring.contracts.";
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(?:dev\\.mentoring\\.contracts\\.)?([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern STATIC_IMPORT = Pattern.compile("import\\s+static\\s+dev\\.mentoring\\.contracts\\.(\\w+)\\.([A-Z][A-Z0-9_]*)\\s*;");
    private static final Pattern DISPATCH = Pattern.compile("\\.\\s*on\\s*\\(\\s*$");
    private static final Pattern EVERY_TYPE = Pattern.compile("\\.\\s*onEveryType\\s*\\(");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(.+)");
    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.(.+)");

    /**
     * One service as its code and settings describe it.
     *
     * @param produces topics it writes events to (from the contract's event types its code uses, and outgoing channels)
     * @param deadLetterTopics topics its failing incoming messages go to (it writes them too)
     * @param consumes topics its incoming channels read
     * @param consumedInCode topics of the event types its code dispatches on ({@code .on(...)})
     * @param groups its consumer groups
     * @param database its own database (from the datasource URL), or null without a datasource
     * @param databaseUser the role it connects as, or null
     */
    public record Service(String name, Path module, Map<String, String> settings, Set<String> produces,
            Set<String> deadLetterTopics, Set<String> consumes, Set<String> consumedInCode, Set<String> groups,
            String database, String databaseUser) {

        public boolean hasDatasource() {
            return settings.keySet().stream().anyMatch(k -> k.startsWith("quarkus.datasource."));
        }

        /** Every topic it writes: its events and its dead-letter topics. */
        public Set<String> writes() {
            Set<String> all = new TreeSet<>(produces);
            all.addAll(deadLetterTopics);
            return all;
        }

        /**
         * The topic prefixes it writes under: an outgoing channel whose topic ends with '.' is a prefix, each record
         * naming its own topic under it (notification-service's tenant streams, {@code tenant.<tenant>.<topic>}).
         */
        public Set<String> writesPrefixes() {
            Set<String> prefixes = new TreeSet<>();
            for (Map<String, String> c : channels(settings, OUTGOING).values()) {
                String topic = c.get("topic");
                if ("smallrye-kafka".equals(c.get("connector")) && topic != null && topic.endsWith(".")) {
                    prefixes.add(topic);
                }
            }
            return prefixes;
        }

        public boolean usesKafka() {
            return !produces.isEmpty() || !consumes.isEmpty() || !deadLetterTopics.isEmpty();
        }
    }

    private final Map<String, Service> services;

    public CodeTopology(Map<String, Service> services) {
        this.services = services;
    }

    public static CodeTopology read(Path repoRoot) {
        Map<String, Service> services = new TreeMap<>();
        for (String module : modules(repoRoot)) {
            Path dir = repoRoot.resolve(module);
            Path properties = dir.resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(properties)) {
                continue;
            }
            Map<String, String> settings = settings(properties);
            String name = settings.get("quarkus.application.name");
            if (name == null) {
                continue;
            }
            services.put(name, service(name, dir, settings));
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("No service found in " + repoRoot + " (modules with application.properties)");
        }
        return new CodeTopology(services);
    }

    public Collection<Service> services() {
        return services.values();
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Every topic the code uses: produced, consumed and dead-letter. */
    public Set<String> topics() {
        Set<String> all = new TreeSet<>();
        for (Service s : services.values()) {
            all.addAll(s.writes());
            all.addAll(s.consumes());
        }
        return all;
    }

    /** topic -> the services that write it. */
    public Map<String, Set<String>> writers() {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Service s : services.values()) {
            s.writes().forEach(t -> writers.computeIfAbsent(t, x -> new TreeSet<>()).add(s.name()));
        }
        return writers;
    }

    private static List<String> modules(Path repoRoot) {
        try {
            String pom = Files.readString(repoRoot.resolve("pom.xml"));
            List<String> modules = new ArrayList<>();
            Matcher m = MODULE.matcher(pom);
            while (m.find()) {
                modules.add(m.group(1));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings without profile lines ({@code %test.}, {@code %dev.}, ...): what a deployed service starts from. */
    static Map<String, String> settings(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                .forEach(k -> settings.put(k, properties.getProperty(k).trim()));
        return settings;
    }

    private static Service service(String name, Path dir, Map<String, String> settings) {
        Set<String> produces = new TreeSet<>();
        Set<String> consumedInCode = new TreeSet<>();
        scanCode(dir.resolve("src/main/java"), produces, consumedInCode);

        Set<String> consumes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        Map<String, Map<String, String>> incoming = channels(settings, INCOMING);
        for (Map.Entry<String, Map<String, String>> channel : incoming.entrySet()) {
            Map<String, String> c = channel.getValue();
            if (!"smallrye-kafka".equals(c.get("connector"))) {
                continue;
            }
            List<String> topics = c.containsKey("topics") ? List.of(c.get("topics").split("\\s*,\\s*"))
                    : List.of(c.getOrDefault("topic", channel.getKey()));
            consumes.addAll(topics);
            groups.add(c.getOrDefault("group.id", name));
            if ("dead-letter-queue".equals(c.get("failure-strategy"))) {
                if (c.containsKey("dead-letter-queue.topic")) {
                    deadLetters.add(c.get("dead-letter-queue.topic"));
                } else {
                    topics.forEach(t -> deadLetters.add("dead-letter-topic-" + t));
                }
            }
        }
        for (Map.Entry<String, Map<String, String>> channel : channels(settings, OUTGOING).entrySet()) {
            Map<String, String> c = channel.getValue();
            String topic = c.getOrDefault("topic", channel.getKey());
            if ("smallrye-kafka".equals(c.get("connector")) && !topic.endsWith(".")) {
                produces.add(topic);
            }
        }
        String url = settings.getOrDefault("quarkus.datasource.jdbc.url", settings.get("quarkus.datasource.reactive.url"));
        String database = url == null ? null : databaseOf(url);
        return new Service(name, dir, settings, produces, deadLetters, consumes, consumedInCode, groups, database,
                settings.get("quarkus.datasource.username"));
    }

    /** The database of a JDBC or reactive PostgreSQL URL: its path, without parameters. */
    public static String databaseOf(String url) {
        String rest = url.replaceFirst("^jdbc:", "").replaceFirst("^[a-z]+://", "");
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String db = rest.substring(slash + 1);
        int q = db.indexOf('?');
        return q >= 0 ? db.substring(0, q) : db;
    }

    /** The host of such a URL. */
    public static String hostOf(String url) {
        String rest = url.replaceFirst("^jdbc:", "").replaceFirst("^[a-z]+://", "");
        int end = rest.length();
        for (char c : new char[] {'/', ':', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }

    private static Map<String, Map<String, String>> channels(Map<String, String> settings, Pattern pattern) {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            Matcher m = pattern.matcher(key);
            if (m.matches()) {
                channels.computeIfAbsent(m.group(1), x -> new LinkedHashMap<>()).put(m.group(2), value);
            }
        });
        return channels;
    }

    private static void scanCode(Path sources, Set<String> produces, Set<String> consumes) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                scanFile(Files.readString(file), produces, consumes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void scanFile(String source, Set<String> produces, Set<String> consumes) {
        String code = withoutCommentsAndStrings(source);
        Set<String> imported = new TreeSet<>();
        Matcher imports = Pattern.compile("import\\s+dev\\.mentoring\\.contracts\\.(\\w+|\\*)\\s*;").matcher(code);
        while (imports.find()) {
            imported.add(imports.group(1));
        }
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            boolean qualified = m.group(0).startsWith(CONTRACTS);
            if (!qualified && !imported.contains(m.group(1)) && !imported.contains("*")) {
                continue;
            }
            classify(topicsOf(m.group(1), m.group(2)), code, m.start(), produces, consumes);
        }
        if (EVERY_TYPE.matcher(code).find()) {
            // a dispatch of every type (plumbing-data's EventDispatch.onEveryType, e.g. webhooks) consumes every public topic
            consumes.addAll(publicTopics());
        }
        Matcher statics = STATIC_IMPORT.matcher(code);
        while (statics.find()) {
            List<String> topics = topicsOf(statics.group(1), statics.group(2));
            Matcher use = Pattern.compile("(?<![\\w.])" + statics.group(2) + "\\b").matcher(code);
            while (use.find()) {
                if (use.start() < statics.start() || use.start() > statics.end()) {
                    classify(topics, code, use.start(), produces, consumes);
                }
            }
        }
    }

    private static void classify(List<String> topics, String code, int at, Set<String> produces, Set<String> consumes) {
        if (topics.isEmpty()) {
            return;
        }
        String before = code.substring(Math.max(0, at - 40), at);
        (DISPATCH.matcher(before).find() ? consumes : produces).addAll(topics);
    }

    /** The topics of the public contract: every one but those only internal event types travel on. */
    static List<String> publicTopics() {
        Set<String> internal = new TreeSet<>();
        dev.mentoring.contracts.EventCatalog.INTERNAL.forEach(type -> internal.add(type.topic()));
        dev.mentoring.contracts.EventCatalog.PUBLIC.forEach(type -> internal.remove(type.topic()));
        return contractTopics().stream().filter(topic -> !internal.contains(topic)).toList();
    }

    /** Every topic of the contract ({@code dev.mentoring.contracts.Topics}). */
    static List<String> contractTopics() {
        List<String> topics = new ArrayList<>();
        for (Field field : dev.mentoring.contracts.Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    /** The topics a contract constant stands for: an event type's, a list of event types', or a Topics name. */
    static List<String> topicsOf(String className, String member) {
        Object value;
        try {
            Field field = Class.forName(CONTRACTS + className).getField(member);
            if (!Modifier.isStatic(field.getModifiers())) {
                return List.of();
            }
            value = field.get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return List.of();
        }
        List<String> topics = new ArrayList<>();
        if (value instanceof EventType<?> type) {
            topics.add(type.topic());
        } else if (value instanceof Collection<?> list) {
            list.stream().filter(EventType.class::isInstance).map(t -> ((EventType<?>) t).topic()).forEach(topics::add);
        } else if (value instanceof String topic && "Topics".equals(className)) {
            topics.add(topic);
        }
        return topics;
    }

    /** The source with comments and the contents of string and char literals blanked (offsets kept). */
    static String withoutCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        out.append("  ");
                        i += 2;
                    } else {
                        out.append(' ');
                        i++;
                    }
                }
                if (i < n) {
                    out.append(s.charAt(i));
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
