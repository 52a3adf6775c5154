package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Pod templates, containers, label selectors and the pods the operators make: what the cross-checks look at. */
final class Workloads {

    static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob");

    private Workloads() {
    }

    /** A workload's pod template: where it is (JSON pointer), its labels and its pod spec. */
    record Workload(ObjectNode doc, String kind, String name, String templatePath, Map<String, String> podLabels,
            JsonNode podSpec) {

        String id() {
            return kind + "/" + name;
        }

        String podSpecPath() {
            return templatePath + "/spec";
        }

        /** The app containers (not init containers), with their JSON pointers. */
        List<Container> containers() {
            return Workloads.containers(podSpec, podSpecPath(), false);
        }

        /** App and init containers. */
        List<Container> allContainers() {
            return Workloads.containers(podSpec, podSpecPath(), true);
        }
    }

    record Container(JsonNode node, String path, boolean init) {

        String name() {
            return Json.text(node, "name");
        }

        /** Declared container ports: name -> number (unnamed ones under "#<number>"). */
        Map<String, Integer> ports() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (JsonNode port : Json.items(node.path("ports"))) {
                Integer number = Json.integer(port.path("containerPort"));
                String name = Json.text(port, "name");
                ports.put(name != null ? name : "#" + number, number);
            }
            return ports;
        }
    }

    /**
     * Pods made by something that is not a workload of the overlay (an operator), with the labels they carry and the
     * container ports they name.
     */
    record OperatorPods(String owner, Map<String, String> labels, Set<String> ports) {
    }

    static List<Workload> of(ManifestSet set) {
        List<Workload> workloads = new ArrayList<>();
        for (ObjectNode doc : set.documents()) {
            String kind = ManifestSet.kind(doc);
            if (!KINDS.contains(kind)) {
                continue;
            }
            String path = "CronJob".equals(kind) ? "/spec/jobTemplate/spec/template" : "/spec/template";
            JsonNode template = doc.at(path);
            workloads.add(new Workload(doc, kind, ManifestSet.name(doc), path,
                    Json.strings(template.path("metadata").path("labels")), template.path("spec")));
        }
        return workloads;
    }

    static List<Container> containers(JsonNode podSpec, String podSpecPath, boolean withInit) {
        List<Container> containers = new ArrayList<>();
        List<String> lists = withInit ? List.of("initContainers", "containers") : List.of("containers");
        for (String list : lists) {
            List<JsonNode> items = Json.items(podSpec.path(list));
            for (int i = 0; i < items.size(); i++) {
                containers.add(new Container(items.get(i), podSpecPath + "/" + list + "/" + i, "initContainers".equals(list)));
            }
        }
        return containers;
    }

    /**
     * The pods the operators of the overlay's resources run, with the labels they are documented to carry: Strimzi
     * ({@code strimzi.io/*}), CloudNativePG ({@code cnpg.io/*}) and the Keycloak operator ({@code app: keycloak}).
     */
    static List<OperatorPods> operatorPods(ManifestSet set) {
        List<OperatorPods> pods = new ArrayList<>();
        for (ObjectNode kafka : set.ofKind("Kafka")) {
            String c = ManifestSet.name(kafka);
            List<ObjectNode> pools = set.ofKind("KafkaNodePool").stream()
                    .filter(p -> c.equals(Json.text(p, "metadata", "labels", "strimzi.io/cluster"))).toList();
            for (ObjectNode pool : pools) {
                List<String> roles = Json.items(pool.path("spec").path("roles")).stream().map(Json::text).toList();
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("strimzi.io/cluster", c);
                labels.put("strimzi.io/kind", "Kafka");
                labels.put("strimzi.io/name", c + "-kafka");
                labels.put("strimzi.io/component-type", "kafka");
                labels.put("strimzi.io/pool-name", ManifestSet.name(pool));
                labels.put("strimzi.io/broker-role", String.valueOf(roles.contains("broker")));
                labels.put("strimzi.io/controller-role", String.valueOf(roles.contains("controller")));
                labels.put("app.kubernetes.io/name", "kafka");
                labels.put("app.kubernetes.io/instance", c);
                labels.put("app.kubernetes.io/part-of", "strimzi-" + c);
                labels.put("app.kubernetes.io/managed-by", "strimzi-cluster-operator");
                pods.add(new OperatorPods("Kafka/" + c, labels, Set.of("tcp-ctrlplane", "tcp-replication", "tcp-clients", "tcp-clientstls", "tcp-prometheus")));
            }
            Map<String, String> eo = new LinkedHashMap<>();
            eo.put("strimzi.io/cluster", c);
            eo.put("strimzi.io/kind", "Kafka");
            eo.put("strimzi.io/name", c + "-entity-operator");
            eo.put("strimzi.io/component-type", "entity-operator");
            eo.put("app.kubernetes.io/name", "entity-operator");
            eo.put("app.kubernetes.io/instance", c);
            eo.put("app.kubernetes.io/part-of", "strimzi-" + c);
            eo.put("app.kubernetes.io/managed-by", "strimzi-cluster-operator");
            pods.add(new OperatorPods("Kafka/" + c, eo, Set.of("healthcheck", "tcp-prometheus")));
        }
        for (ObjectNode cluster : set.ofKind("Cluster")) {
            String c = ManifestSet.name(cluster);
            for (String role : List.of("primary", "replica")) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("cnpg.io/cluster", c);
                labels.put("cnpg.io/podRole", "instance");
                labels.put("cnpg.io/instanceRole", role);
                labels.put("role", role);
                labels.put("postgresql", c);
                pods.add(new OperatorPods("Cluster/" + c, labels, Set.of("postgresql", "metrics", "status")));
            }
        }
        for (ObjectNode pooler : set.ofKind("Pooler")) {
            String p = ManifestSet.name(pooler);
            pods.add(new OperatorPods("Pooler/" + p, Map.of("cnpg.io/poolerName", p, "cnpg.io/podRole", "pooler"), Set.of("pgbouncer", "metrics")));
        }
        for (ObjectNode keycloak : set.ofKind("Keycloak")) {
            String k = ManifestSet.name(keycloak);
            pods.add(new OperatorPods("Keycloak/" + k, Map.of("app", "keycloak", "app.kubernetes.io/instance", k,
                    "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/component", "server"),
                    Set.of("http", "https", "management")));
        }
        return pods;
    }

    /** Whether a LabelSelector ({@code matchLabels}, {@code matchExpressions}) selects these labels; {} selects all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (Map.Entry<String, String> e : Json.strings(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : Json.items(selector.path("matchExpressions"))) {
            String key = Json.text(expression, "key");
            String operator = Json.text(expression, "operator");
            List<String> values = Json.items(expression.path("values")).stream().map(Json::text).toList();
            String value = labels.get(key);
            boolean ok = switch (operator == null ? "" : operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a plain map selector (a Service's {@code spec.selector}) selects these labels. */
    static boolean selectsMap(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** Whether a selector is empty ({} selects every pod of the namespace). */
    static boolean isEmptySelector(JsonNode selector) {
        return selector.isObject() && Json.strings(selector.path("matchLabels")).isEmpty()
                && Json.items(selector.path("matchExpressions")).isEmpty();
    }
}
