package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The addresses the configuration names exist: every in-cluster host an environment variable names (URLs, Kafka
 * bootstrap servers) is a Service of the overlay or one an operator of the overlay makes, with that port; a setting of
 * the code that points at another service (its default is that service's port on the loopback, e.g. the gateway's
 * routes) reaches that service's workload; each service listens on a port its container declares; files the
 * configuration names (trust stores, CA certificates) are in a volume mounted into the container.
 */
final class AddressCheck {

    static final String CHECK = "addresses";
    static final String LOCAL = "local";
    private static final Pattern URL = Pattern.compile("^(?:jdbc:)?([a-z][a-z0-9+.-]*)://(\\[[^\\]]+\\]|[^/:?#@]+)(?::(\\d+))?");
    private static final Pattern FILE_VARIABLE = Pattern.compile(".*_(LOCATION|CERTS|CERT|FILE|PATH)");
    private static final Pattern FILE_PARAMETER = Pattern.compile("[?&](?:sslrootcert|sslcert|sslkey)=([^&]+)");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "postgresql", 5432,
            "postgres", 5432, "vertx-reactive:postgresql", 5432);

    /** A Service the workloads can reach: its ports and, when the overlay selects one, the workload behind it. */
    record Endpoint(String name, Set<Integer> ports, String owner, Workloads.Workload target) {
    }

    private AddressCheck() {
    }

    static List<Finding> check(ManifestSet set, CodeTopology code) {
        List<Finding> findings = new ArrayList<>();
        String o = set.overlay();
        List<Workloads.Workload> workloads = Workloads.of(set);
        Map<String, Endpoint> endpoints = endpoints(set, workloads);
        boolean hostNetwork = LOCAL.equals(o);

        for (Workloads.Workload w : workloads) {
            for (Workloads.Container c : w.containers()) {
                Map<String, Env.Value> env = Env.of(c, set);
                for (Map.Entry<String, Env.Value> e : env.entrySet()) {
                    String value = e.getValue().value();
                    if (value == null) {
                        continue;
                    }
                    String where = c.path() + " env " + e.getKey();
                    for (String[] hostPort : addresses(e.getKey(), value)) {
                        String problem = reach(hostPort[0], hostPort[1], endpoints, namespace(w.doc()), hostNetwork);
                        if (problem != null) {
                            findings.add(new Finding(CHECK, o, w.id(), where, value + ": " + problem));
                        }
                    }
                    for (String file : files(e.getKey(), value)) {
                        String problem = mounted(file, c, w, set);
                        if (problem != null) {
                            findings.add(new Finding(CHECK, o, w.id(), where, "file " + file + " " + problem));
                        }
                    }
                }
                Optional<CodeTopology.Service> service = code.service(w.name());
                String port = env.containsKey("QUARKUS_HTTP_PORT") ? env.get("QUARKUS_HTTP_PORT").value()
                        : service.map(s -> s.settings().get("quarkus.http.port")).orElse(null);
                if (port != null && port.matches("\\d+") && !c.ports().containsValue(Integer.valueOf(port))) {
                    findings.add(new Finding(CHECK, o, w.id(), c.path() + "/ports", "the service listens on " + port
                            + (env.containsKey("QUARKUS_HTTP_PORT") ? " (QUARKUS_HTTP_PORT)" : " (quarkus.http.port of its application.properties)")
                            + " but the container declares " + c.ports().values()));
                }
            }
        }
        findings.addAll(serviceToService(set, code, workloads, endpoints, hostNetwork));
        for (ObjectNode keycloak : set.ofKind("Keycloak")) {
            String host = Json.text(keycloak, "spec", "db", "host");
            if (host != null) {
                String port = Json.text(keycloak, "spec", "db", "port");
                String problem = reach(host, port == null ? "5432" : port, endpoints, namespace(keycloak), false);
                if (problem != null) {
                    findings.add(new Finding(CHECK, o, ManifestSet.id(keycloak), "/spec/db/host", host + ": " + problem));
                }
            }
        }
        return findings;
    }

    /**
     * A setting of service S whose default is the loopback with the port another service T listens on
     * ({@code quarkus.http.port}) is S's address of T: the overlay must make it reach T's workload.
     */
    private static List<Finding> serviceToService(ManifestSet set, CodeTopology code, List<Workloads.Workload> workloads,
            Map<String, Endpoint> endpoints, boolean hostNetwork) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> byPort = new LinkedHashMap<>();
        code.services().forEach(s -> {
            String port = s.settings().get("quarkus.http.port");
            if (port != null) {
                byPort.put(port, s.name());
            }
        });
        for (CodeTopology.Service s : code.services()) {
            Workloads.Workload w = workloads.stream().filter(x -> "Deployment".equals(x.kind()) && x.name().equals(s.name())).findFirst().orElse(null);
            if (w == null || w.containers().isEmpty()) {
                continue;
            }
            Map<String, Env.Value> env = Env.of(w.containers().get(0), set);
            for (Map.Entry<String, String> setting : s.settings().entrySet()) {
                Matcher m = URL.matcher(setting.getValue());
                if (!m.find() || !loopback(m.group(2)) || m.group(3) == null) {
                    continue;
                }
                String target = byPort.get(m.group(3));
                if (target == null || target.equals(s.name())) {
                    continue;
                }
                String variable = setting.getKey().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                Env.Value given = env.get(variable);
                if (given != null && given.value() == null) {
                    continue;
                }
                String value = given != null ? given.value() : setting.getValue();
                String where = w.containers().get(0).path() + " env " + variable;
                if (unselected(value, endpoints, set)) {
                    continue; // a Service that selects no single workload: the selector check reports it
                }
                String reached = reachedWorkload(set, value, endpoints, workloads, hostNetwork);
                if (!target.equals(reached)) {
                    findings.add(new Finding(CHECK, set.overlay(), w.id(), where, s.name() + "'s " + setting.getKey() + " ("
                            + (given == null ? "not set by the overlay, default " : "") + value + ") should reach " + target
                            + " but reaches " + (reached == null ? "nothing of the overlay" : reached)));
                }
            }
        }
        return findings;
    }

    /** Whether the URL names a Service of the overlay that does not select exactly one workload. */
    private static boolean unselected(String url, Map<String, Endpoint> endpoints, ManifestSet set) {
        Matcher m = URL.matcher(url);
        if (!m.find()) {
            return false;
        }
        Endpoint endpoint = endpoints.get(m.group(2).split("\\.")[0]);
        return endpoint != null && endpoint.owner() == null && endpoint.target() == null;
    }

    /** The name of the workload a URL reaches, or null. */
    private static String reachedWorkload(ManifestSet set, String url, Map<String, Endpoint> endpoints, List<Workloads.Workload> workloads, boolean hostNetwork) {
        Matcher m = URL.matcher(url);
        if (!m.find()) {
            return null;
        }
        String host = m.group(2);
        int port = m.group(3) != null ? Integer.parseInt(m.group(3)) : DEFAULT_PORTS.getOrDefault(m.group(1), -1);
        if (loopback(host)) {
            if (!hostNetwork) {
                return null;
            }
            return workloads.stream().filter(w -> w.containers().stream().anyMatch(c -> c.ports().containsValue(port)))
                    .map(Workloads.Workload::name).findFirst().orElse(null);
        }
        String[] labels = host.split("\\.");
        if (labels.length > 2 && !host.endsWith(".svc") && !host.endsWith(".svc.cluster.local")) {
            return throughIngress(set, host, url.substring(m.end()), endpoints);
        }
        Endpoint endpoint = endpoints.get(labels[0]);
        return endpoint != null && endpoint.target() != null && endpoint.ports().contains(port) ? endpoint.target().name() : null;
    }

    /** A public URL reaches the workload behind the Ingress rule for its host and path. */
    private static String throughIngress(ManifestSet set, String host, String path, Map<String, Endpoint> endpoints) {
        String p = path.isEmpty() ? "/" : path;
        for (ObjectNode ingress : set.ofKind("Ingress")) {
            for (JsonNode rule : Json.items(ingress.path("spec").path("rules"))) {
                if (!host.equals(Json.text(rule, "host"))) {
                    continue;
                }
                for (JsonNode rulePath : Json.items(rule.path("http").path("paths"))) {
                    String prefix = Json.text(rulePath, "path") == null ? "/" : Json.text(rulePath, "path");
                    if (p.startsWith(prefix)) {
                        Endpoint endpoint = endpoints.get(Json.text(rulePath, "backend", "service", "name"));
                        return endpoint == null || endpoint.target() == null ? null : endpoint.target().name();
                    }
                }
            }
        }
        return null;
    }

    /** Host and port pairs of a variable's value: a URL, or a Kafka bootstrap list. */
    static List<String[]> addresses(String variable, String value) {
        List<String[]> addresses = new ArrayList<>();
        if (variable.endsWith("BOOTSTRAP_SERVERS")) {
            for (String server : value.split("\\s*,\\s*")) {
                int colon = server.lastIndexOf(':');
                if (colon > 0) {
                    addresses.add(new String[] {server.substring(0, colon), server.substring(colon + 1)});
                }
            }
            return addresses;
        }
        Matcher m = URL.matcher(value);
        if (m.find()) {
            String port = m.group(3) != null ? m.group(3) : String.valueOf(DEFAULT_PORTS.getOrDefault(m.group(1), -1));
            addresses.add(new String[] {m.group(2), port});
        }
        return addresses;
    }

    /** Absolute file paths a variable names: trust stores, certificates, and ssl*= parameters of URLs. */
    static List<String> files(String variable, String value) {
        List<String> files = new ArrayList<>();
        if (FILE_VARIABLE.matcher(variable).matches()) {
            for (String part : value.split("\\s*,\\s*")) {
                if (part.startsWith("/")) {
                    files.add(part);
                }
            }
        }
        Matcher m = FILE_PARAMETER.matcher(value);
        while (m.find()) {
            if (m.group(1).startsWith("/")) {
                files.add(m.group(1));
            }
        }
        return files;
    }

    /** Null when the host and port are reachable; else what is wrong. */
    private static String reach(String host, String port, Map<String, Endpoint> endpoints, String namespace, boolean hostNetwork) {
        if (loopback(host)) {
            return hostNetwork ? null : "the loopback, which in a pod is the pod itself";
        }
        String[] labels = host.split("\\.");
        boolean inCluster = labels.length == 1 || host.endsWith(".svc") || host.endsWith(".svc.cluster.local")
                || (labels.length == 2 && labels[1].equals(namespace));
        if (!inCluster) {
            return null;
        }
        if (labels.length > 2 && namespace != null && !labels[1].equals(namespace)) {
            return null; // a Service of another namespace (e.g. the monitoring stack's collector): not this overlay's
        }
        Endpoint endpoint = endpoints.get(labels[0]);
        if (endpoint == null) {
            return "no Service " + labels[0] + " in the overlay, nor one its operators make";
        }
        if (!port.matches("\\d+") || !endpoint.ports().contains(Integer.valueOf(port))) {
            return "port " + port + " is not a port of Service " + labels[0] + " " + endpoint.ports()
                    + (endpoint.owner() == null ? "" : " (made by " + endpoint.owner() + ")");
        }
        return null;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** Null when the file is in a volume mounted into the container (and the volume has it); else what is wrong. */
    private static String mounted(String file, Workloads.Container c, Workloads.Workload w, ManifestSet set) {
        JsonNode mount = null;
        String rest = null;
        for (JsonNode m : Json.items(c.node().path("volumeMounts"))) {
            String path = Json.text(m, "mountPath");
            if (path != null && file.startsWith(path.endsWith("/") ? path : path + "/")
                    && (mount == null || path.length() > Json.text(mount, "mountPath").length())) {
                mount = m;
                rest = file.substring(path.length()).replaceFirst("^/", "");
            }
        }
        if (mount == null) {
            return "is in no volume mounted into container " + c.name();
        }
        String volumeName = Json.text(mount, "name");
        JsonNode volume = Json.items(w.podSpec().path("volumes")).stream().filter(v -> volumeName.equals(Json.text(v, "name")))
                .findFirst().orElse(null);
        if (volume == null) {
            return "is mounted from volume " + volumeName + ", which the pod does not have";
        }
        if (Json.text(mount, "subPath") != null) {
            return null;
        }
        for (String kind : List.of("secret", "configMap")) {
            JsonNode source = volume.path(kind);
            if (!source.isObject()) {
                continue;
            }
            List<JsonNode> items = Json.items(source.path("items"));
            if (!items.isEmpty()) {
                Set<String> paths = new TreeSet<>();
                items.forEach(i -> paths.add(Json.text(i, "path")));
                return paths.contains(rest) ? null : "is not among the files " + paths + " of volume " + volumeName;
            }
            String name = "secret".equals(kind) ? Json.text(source, "secretName") : Json.text(source, "name");
            Map<String, Set<String>> defined = ReferenceCheck.definedKeys(set, "secret".equals(kind) ? "Secret" : "ConfigMap");
            Set<String> keys = defined.containsKey(name) ? defined.get(name)
                    : "secret".equals(kind) && ReferenceCheck.producedSecrets(set).containsKey(name) ? ReferenceCheck.producedSecrets(set).get(name).keys() : null;
            if (keys != null && !keys.contains(rest)) {
                return "is not a key of " + kind + " " + name + " " + keys;
            }
        }
        return null;
    }

    /** The Services of the overlay and those its operators make, by name. */
    static Map<String, Endpoint> endpoints(ManifestSet set, List<Workloads.Workload> workloads) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (ObjectNode service : set.ofKind("Service")) {
            Set<Integer> ports = new TreeSet<>();
            Json.items(service.path("spec").path("ports")).forEach(p -> {
                Integer port = Json.integer(p.path("port"));
                if (port != null) {
                    ports.add(port);
                }
            });
            Map<String, String> selector = Json.strings(service.path("spec").path("selector"));
            List<Workloads.Workload> selected = workloads.stream().filter(w -> Workloads.selectsMap(selector, w.podLabels())).toList();
            endpoints.put(ManifestSet.name(service), new Endpoint(ManifestSet.name(service), ports, null,
                    selected.size() == 1 ? selected.get(0) : null));
        }
        for (ObjectNode kafka : set.ofKind("Kafka")) {
            String c = ManifestSet.name(kafka);
            Set<Integer> ports = new TreeSet<>(Set.of(9091));
            Json.items(kafka.path("spec").path("kafka").path("listeners")).forEach(l -> {
                Integer port = Json.integer(l.path("port"));
                if (port != null) {
                    ports.add(port);
                }
            });
            endpoints.put(c + "-kafka-bootstrap", new Endpoint(c + "-kafka-bootstrap", ports, "Kafka/" + c, null));
            endpoints.put(c + "-kafka-brokers", new Endpoint(c + "-kafka-brokers", ports, "Kafka/" + c, null));
        }
        for (ObjectNode cluster : set.ofKind("Cluster")) {
            String c = ManifestSet.name(cluster);
            for (String suffix : List.of("-rw", "-ro", "-r")) {
                endpoints.put(c + suffix, new Endpoint(c + suffix, Set.of(5432), "Cluster/" + c, null));
            }
        }
        for (ObjectNode pooler : set.ofKind("Pooler")) {
            String p = ManifestSet.name(pooler);
            endpoints.put(p, new Endpoint(p, Set.of(5432), "Pooler/" + p, null));
        }
        for (ObjectNode keycloak : set.ofKind("Keycloak")) {
            String k = ManifestSet.name(keycloak);
            Set<Integer> ports = new TreeSet<>(Set.of(9000));
            JsonNode http = keycloak.path("spec").path("http");
            if (http.path("httpEnabled").asBoolean(false)) {
                Integer port = Json.integer(http.path("httpPort"));
                ports.add(port == null ? 8080 : port);
            }
            if (Json.text(http, "tlsSecret") != null) {
                Integer port = Json.integer(http.path("httpsPort"));
                ports.add(port == null ? 8443 : port);
            }
            endpoints.put(k + "-service", new Endpoint(k + "-service", ports, "Keycloak/" + k, null));
        }
        return endpoints;
    }

    private static String namespace(JsonNode doc) {
        String ns = Json.text(doc, "metadata", "namespace");
        return ns == null ? "default" : ns;
    }
}
