package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kafka against the code (overlays with a Strimzi {@code Kafka}): every topic the code uses is a KafkaTopic with enough
 * partitions and a retention; every KafkaUser grants exactly what its service does (Write on what it produces, Read on
 * what it consumes, on its dead-letter topics (read back to list and replay) and on its groups; Describe allowed beside them), every producer and consumer has one, and its
 * workload uses its own credentials; the {@code analytics} user reads mentoring.*.v1 topics with groups
 * {@code analytics-*} and nothing else.
 */
final class KafkaCheck {

    static final String CHECK = "kafka";
    static final String ANALYTICS = "analytics";
    private static final Pattern ANALYTICS_TOPICS = Pattern.compile("mentoring\\.[^.]+\\.v1");
    private static final String ANALYTICS_GROUPS = "analytics-";

    /** One allowed operation on one resource. */
    record Grant(String type, String name, String pattern, String operation) implements Comparable<Grant> {

        @Override
        public int compareTo(Grant o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return operation + " on " + type + " " + name + ("literal".equals(pattern) ? "" : " (" + pattern + ")");
        }
    }

    private KafkaCheck() {
    }

    static List<Finding> check(ManifestSet set, CodeTopology code) {
        List<Finding> findings = new ArrayList<>();
        if (!set.has("Kafka")) {
            return findings;
        }
        String o = set.overlay();
        Set<String> clusters = set.ofKind("Kafka").stream().map(ManifestSet::name).collect(Collectors.toSet());

        for (ObjectNode kafka : set.ofKind("Kafka")) {
            if (!"simple".equals(Json.text(kafka, "spec", "kafka", "authorization", "type"))) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(kafka), "/spec/kafka/authorization",
                        "authorization type is not 'simple': the KafkaUsers' ACLs would not be enforced"));
            }
        }
        for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
            for (ObjectNode doc : set.ofKind(kind)) {
                String cluster = Json.text(doc, "metadata", "labels", "strimzi.io/cluster");
                if (!clusters.contains(cluster)) {
                    findings.add(new Finding(CHECK, o, ManifestSet.id(doc), "/metadata/labels/strimzi.io~1cluster",
                            "label strimzi.io/cluster is " + cluster + ", not a Kafka of the overlay " + clusters));
                }
            }
        }

        // topics
        int replicas = highestReplicas(set);
        int brokers = set.ofKind("KafkaNodePool").stream()
                .filter(p -> Json.items(p.path("spec").path("roles")).stream().anyMatch(r -> "broker".equals(Json.text(r))))
                .mapToInt(p -> Json.integer(p.path("spec").path("replicas")) == null ? 0 : Json.integer(p.path("spec").path("replicas")))
                .sum();
        Map<String, ObjectNode> topics = new LinkedHashMap<>();
        for (ObjectNode topic : set.ofKind("KafkaTopic")) {
            String name = Json.text(topic, "spec", "topicName");
            topics.put(name != null ? name : ManifestSet.name(topic), topic);
        }
        Set<String> used = code.topics();
        Map<String, Set<String>> writers = code.writers();
        for (String topic : used) {
            if (!topics.containsKey(topic)) {
                Set<String> readers = code.services().stream().filter(s -> s.consumes().contains(topic))
                        .map(CodeTopology.Service::name).collect(Collectors.toCollection(TreeSet::new));
                findings.add(new Finding(CHECK, o, "KafkaTopic/" + topic, "", "the code uses topic " + topic + " (written by "
                        + writers.getOrDefault(topic, Set.of()) + ", read by " + readers + ") but the overlay has no KafkaTopic for it"));
            }
        }
        for (Map.Entry<String, ObjectNode> e : topics.entrySet()) {
            ObjectNode topic = e.getValue();
            String id = ManifestSet.id(topic);
            if (!used.contains(e.getKey())) {
                findings.add(new Finding(CHECK, o, id, "", "topic " + e.getKey() + " is used by no code (topics used: " + used + ")"));
            }
            Integer partitions = Json.integer(topic.path("spec").path("partitions"));
            if (partitions == null || partitions < replicas) {
                findings.add(new Finding(CHECK, o, id, "/spec/partitions", "partitions " + partitions
                        + " < the highest replica count of the overlay's workloads (" + replicas + "): consumers beyond it would idle"));
            }
            if (Json.text(topic.path("spec").path("config").path("retention.ms")) == null) {
                findings.add(new Finding(CHECK, o, id, "/spec/config", "no retention.ms stated"));
            }
            Integer topicReplicas = Json.integer(topic.path("spec").path("replicas"));
            if (topicReplicas != null && brokers > 0 && topicReplicas > brokers) {
                findings.add(new Finding(CHECK, o, id, "/spec/replicas", "replicas " + topicReplicas + " > the " + brokers + " brokers of the node pools"));
            }
        }

        // users
        Map<String, ObjectNode> users = new LinkedHashMap<>();
        set.ofKind("KafkaUser").forEach(u -> users.put(ManifestSet.name(u), u));
        for (CodeTopology.Service service : code.services()) {
            if (service.usesKafka() && !users.containsKey(service.name())) {
                findings.add(new Finding(CHECK, o, "KafkaUser/" + service.name(), "", service.name() + " produces " + service.writes()
                        + " and consumes " + service.consumes() + " but has no KafkaUser"));
            }
        }
        for (ObjectNode user : users.values()) {
            String name = ManifestSet.name(user);
            String id = ManifestSet.id(user);
            String auth = Json.text(user, "spec", "authentication", "type");
            if (!"scram-sha-512".equals(auth) && !"tls".equals(auth)) {
                findings.add(new Finding(CHECK, o, id, "/spec/authentication", "authentication is " + auth + ", not scram-sha-512 or tls"));
            } else if (!offered(set, Json.text(user, "metadata", "labels", "strimzi.io/cluster"), auth)) {
                findings.add(new Finding(CHECK, o, id, "/spec/authentication", "no listener of its Kafka authenticates with " + auth));
            }
            if (!"simple".equals(Json.text(user, "spec", "authorization", "type"))) {
                findings.add(new Finding(CHECK, o, id, "/spec/authorization", "no simple authorization: the user has no ACLs"));
                continue;
            }
            Set<Grant> granted = grants(user);
            CodeTopology.Service service = code.service(name).orElse(null);
            if (service != null) {
                Set<Grant> required = new TreeSet<>();
                Set<Grant> allowed = new TreeSet<>();
                for (String t : service.writes()) {
                    required.add(new Grant("topic", t, "literal", "Write"));
                    allowed.add(new Grant("topic", t, "literal", "Describe"));
                }
                for (String t : service.consumes()) {
                    required.add(new Grant("topic", t, "literal", "Read"));
                    allowed.add(new Grant("topic", t, "literal", "Describe"));
                }
                for (String t : service.deadLetterTopics()) {
                    // read back without a group to list and replay its dead letters (plumbing-data's DeadLetterDesk)
                    required.add(new Grant("topic", t, "literal", "Read"));
                }
                for (String prefix : service.writesPrefixes()) {
                    // each record names its topic under the prefix; Describe lists which of them exist
                    required.add(new Grant("topic", prefix, "prefix", "Write"));
                    required.add(new Grant("topic", prefix, "prefix", "Describe"));
                }
                for (String g : service.groups()) {
                    required.add(new Grant("group", g, "literal", "Read"));
                    allowed.add(new Grant("group", g, "literal", "Describe"));
                }
                allowed.addAll(required);
                for (Grant g : required) {
                    if (!granted.contains(g)) {
                        findings.add(new Finding(CHECK, o, id, "/spec/authorization/acls", "misses " + g + ", which " + name
                                + (g.operation().equals("Write") ? " produces" : g.type().equals("group") ? " consumes in" : " consumes")));
                    }
                }
                for (Grant g : granted) {
                    if (!allowed.contains(g)) {
                        findings.add(new Finding(CHECK, o, id, "/spec/authorization/acls", "grants " + g + ", which " + name
                                + " does not need (it writes " + service.writes() + ", reads " + service.consumes() + " in groups " + service.groups() + ")"));
                    }
                }
            } else if (ANALYTICS.equals(name)) {
                Set<String> readable = used.stream().filter(t -> ANALYTICS_TOPICS.matcher(t).matches()).collect(Collectors.toCollection(TreeSet::new));
                for (Grant g : granted) {
                    boolean ok = ("topic".equals(g.type()) && "literal".equals(g.pattern()) && ANALYTICS_TOPICS.matcher(g.name()).matches()
                            && Set.of("Read", "Describe").contains(g.operation()))
                            || ("group".equals(g.type()) && "prefix".equals(g.pattern()) && g.name().startsWith(ANALYTICS_GROUPS)
                                    && Set.of("Read", "Describe").contains(g.operation()));
                    if (!ok) {
                        findings.add(new Finding(CHECK, o, id, "/spec/authorization/acls", "grants " + g
                                + ": analytics may only read mentoring.*.v1 topics (literal) in groups prefixed " + ANALYTICS_GROUPS));
                    }
                }
                for (String t : readable) {
                    if (!granted.contains(new Grant("topic", t, "literal", "Read"))) {
                        findings.add(new Finding(CHECK, o, id, "/spec/authorization/acls", "misses Read on topic " + t + " (analytics reads every mentoring.*.v1 topic)"));
                    }
                }
                if (granted.stream().noneMatch(g -> "group".equals(g.type()) && "Read".equals(g.operation()))) {
                    findings.add(new Finding(CHECK, o, id, "/spec/authorization/acls", "misses Read on groups prefixed " + ANALYTICS_GROUPS));
                }
            } else {
                findings.add(new Finding(CHECK, o, id, "", "a KafkaUser of no service of the code (services: "
                        + code.services().stream().map(CodeTopology.Service::name).toList() + ") and not " + ANALYTICS));
            }
        }

        // each workload uses its own credentials, and every Kafka client's workload uses some
        Map<String, ReferenceCheck.Produced> produced = ReferenceCheck.producedSecrets(set);
        for (ReferenceCheck.Ref ref : ReferenceCheck.references(set)) {
            ReferenceCheck.Produced p = produced.get(ref.name());
            if ("Secret".equals(ref.kind()) && p != null && p.by().startsWith("KafkaUser/") && Workloads.KINDS.contains(ref.owner().split("/")[0])) {
                String workload = ref.owner().substring(ref.owner().indexOf('/') + 1);
                if (!p.by().equals("KafkaUser/" + workload)) {
                    findings.add(new Finding(CHECK, o, ref.owner(), ref.path(), "uses the credentials of " + p.by() + ", not its own KafkaUser/" + workload));
                }
            }
        }
        for (CodeTopology.Service service : code.services()) {
            if (!service.usesKafka() || !users.containsKey(service.name())) {
                continue;
            }
            set.find("Deployment", service.name()).ifPresent(d -> {
                boolean uses = ReferenceCheck.references(set).stream().anyMatch(r -> r.owner().equals(ManifestSet.id(d)) && r.name().equals(service.name()));
                if (!uses) {
                    findings.add(new Finding(CHECK, o, ManifestSet.id(d), "", "talks to Kafka but refers to no credentials of its KafkaUser (Secret '" + service.name() + "')"));
                }
            });
        }
        findings.addAll(clientSettings(set, code));
        return findings;
    }

    /**
     * Each Kafka client's settings fit the listener it connects to: bootstrap servers of a Kafka of the overlay on a
     * listener's port, the security protocol and SASL mechanism that listener wants, its credentials, and for a TLS
     * listener a trust store from the cluster CA's Secret.
     */
    private static List<Finding> clientSettings(ManifestSet set, CodeTopology code) {
        List<Finding> findings = new ArrayList<>();
        String o = set.overlay();
        for (CodeTopology.Service service : code.services()) {
            if (!service.usesKafka()) {
                continue;
            }
            Workloads.Workload w = Workloads.of(set).stream().filter(x -> "Deployment".equals(x.kind()) && x.name().equals(service.name()))
                    .findFirst().orElse(null);
            if (w == null || w.containers().isEmpty()) {
                continue;
            }
            Workloads.Container c = w.containers().get(0);
            Map<String, Env.Value> env = Env.of(c, set);
            String where = c.path() + " env ";
            Env.Value bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null || bootstrap.value() == null) {
                findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_BOOTSTRAP_SERVERS", "not set: the client would use the default 127.0.0.1:9092"));
                continue;
            }
            for (String[] server : AddressCheck.addresses("KAFKA_BOOTSTRAP_SERVERS", bootstrap.value())) {
                String host = server[0].split("\\.")[0];
                ObjectNode kafka = set.ofKind("Kafka").stream().filter(k -> host.equals(ManifestSet.name(k) + "-kafka-bootstrap")
                        || host.equals(ManifestSet.name(k) + "-kafka-brokers")).findFirst().orElse(null);
                if (kafka == null) {
                    findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_BOOTSTRAP_SERVERS", server[0] + " is not the bootstrap Service of a Kafka of the overlay"));
                    continue;
                }
                JsonNode listener = Json.items(kafka.path("spec").path("kafka").path("listeners")).stream()
                        .filter(l -> server[1].equals(Json.text(l, "port"))).findFirst().orElse(null);
                if (listener == null) {
                    findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_BOOTSTRAP_SERVERS", "port " + server[1] + " is no listener of " + ManifestSet.id(kafka)));
                    continue;
                }
                boolean tls = listener.path("tls").asBoolean(false);
                String auth = Json.text(listener, "authentication", "type");
                boolean sasl = "scram-sha-512".equals(auth);
                String expected = sasl ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : tls ? "SSL" : "PLAINTEXT";
                Env.Value protocol = env.get("KAFKA_SECURITY_PROTOCOL");
                String actual = protocol == null || protocol.value() == null ? "PLAINTEXT" : protocol.value();
                if (!expected.equals(actual)) {
                    findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_SECURITY_PROTOCOL", actual + ", but listener "
                            + Json.text(listener, "name") + " wants " + expected));
                }
                if (sasl) {
                    Env.Value mechanism = env.get("KAFKA_SASL_MECHANISM");
                    if (mechanism == null || !"SCRAM-SHA-512".equals(mechanism.value())) {
                        findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_SASL_MECHANISM", (mechanism == null ? "not set" : mechanism.value())
                                + ", but listener " + Json.text(listener, "name") + " authenticates with SCRAM-SHA-512"));
                    }
                    if (!env.containsKey("KAFKA_SASL_JAAS_CONFIG")) {
                        findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_SASL_JAAS_CONFIG", "not set: no SCRAM credentials"));
                    }
                }
                if (tls) {
                    String caSecret = ManifestSet.name(kafka) + "-cluster-ca-cert";
                    Env.Value truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
                    if (truststore == null || truststore.value() == null) {
                        findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_SSL_TRUSTSTORE_LOCATION", "not set: the JVM's trust store does not trust the cluster CA (" + caSecret + ")"));
                    } else if (!caSecret.equals(secretOfFile(truststore.value(), c, w))) {
                        findings.add(new Finding(CHECK, o, w.id(), where + "KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.value() + " is not mounted from Secret " + caSecret));
                    }
                }
            }
        }
        return findings;
    }

    /** The Secret whose volume holds the file in this container, or null. */
    private static String secretOfFile(String file, Workloads.Container c, Workloads.Workload w) {
        for (JsonNode mount : Json.items(c.node().path("volumeMounts"))) {
            String path = Json.text(mount, "mountPath");
            if (path != null && file.startsWith(path.endsWith("/") ? path : path + "/")) {
                String volume = Json.text(mount, "name");
                return Json.items(w.podSpec().path("volumes")).stream().filter(v -> volume.equals(Json.text(v, "name")))
                        .map(v -> Json.text(v, "secret", "secretName")).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
        }
        return null;
    }

    /** The highest replica count any workload of the overlay may reach: HPA maxReplicas and Deployment replicas. */
    static int highestReplicas(ManifestSet set) {
        int highest = 1;
        for (ObjectNode hpa : set.ofKind("HorizontalPodAutoscaler")) {
            Integer max = Json.integer(hpa.path("spec").path("maxReplicas"));
            highest = Math.max(highest, max == null ? 0 : max);
        }
        for (String kind : List.of("Deployment", "StatefulSet")) {
            for (ObjectNode w : set.ofKind(kind)) {
                Integer r = Json.integer(w.path("spec").path("replicas"));
                highest = Math.max(highest, r == null ? 0 : r);
            }
        }
        return highest;
    }

    /** The allow ACLs of a KafkaUser, one grant per operation. */
    static Set<Grant> grants(JsonNode user) {
        Set<Grant> grants = new TreeSet<>();
        for (JsonNode acl : Json.items(user.path("spec").path("authorization").path("acls"))) {
            String type = Json.text(acl, "type");
            if (type != null && !"allow".equals(type.toLowerCase(Locale.ROOT))) {
                continue;
            }
            JsonNode resource = acl.path("resource");
            String pattern = Json.text(resource, "patternType");
            List<String> operations = new ArrayList<>();
            Json.items(acl.path("operations")).forEach(op -> operations.add(Json.text(op)));
            if (Json.text(acl, "operation") != null) {
                operations.add(Json.text(acl, "operation"));
            }
            for (String op : operations) {
                grants.add(new Grant(Json.text(resource, "type"), Json.text(resource, "name") == null ? "*" : Json.text(resource, "name"),
                        pattern == null ? "literal" : pattern, op));
            }
        }
        return grants;
    }

    private static boolean offered(ManifestSet set, String cluster, String auth) {
        return set.find("Kafka", cluster == null ? "" : cluster).map(k -> Json.items(k.path("spec").path("kafka").path("listeners"))
                .stream().anyMatch(l -> auth.equals(Json.text(l, "authentication", "type")))).orElse(false);
    }
}
