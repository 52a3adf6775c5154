package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Selectors and ports: each Service selects the pods of exactly one workload and targets a port its containers declare;
 * each workload's selector selects its own template; HPAs scale a workload of the overlay; PDBs, NetworkPolicies (and
 * their peers), PodMonitors and the pod selectors inside operator resources (Strimzi's networkPolicyPeers, the Keycloak
 * operator's networkPolicy) select pods of the overlay (workloads or the pods its operators run); Ingress backends are
 * Services with that port; ServiceMonitors select Services and scrape a port they name; probes use a port the
 * container declares.
 */
final class SelectorCheck {

    static final String CHECK = "selectors";

    private SelectorCheck() {
    }

    static List<Finding> check(ManifestSet set) {
        List<Finding> findings = new ArrayList<>();
        String o = set.overlay();
        List<Workloads.Workload> workloads = Workloads.of(set);
        List<Workloads.OperatorPods> operatorPods = Workloads.operatorPods(set);

        for (Workloads.Workload w : workloads) {
            JsonNode selector = w.doc().path("spec").path("selector");
            if (!"CronJob".equals(w.kind()) && !"Job".equals(w.kind()) && !Workloads.selects(selector, w.podLabels())) {
                findings.add(new Finding(CHECK, o, w.id(), "/spec/selector", "the selector does not select the workload's own pod template labels " + w.podLabels()));
            }
            for (Workloads.Container c : w.allContainers()) {
                Map<String, Integer> ports = c.ports();
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    JsonNode p = c.node().path(probe);
                    for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
                        JsonNode port = p.path(handler).path("port");
                        if (!port.isMissingNode() && !declared(port, ports)) {
                            findings.add(new Finding(CHECK, o, w.id(), c.path() + "/" + probe + "/" + handler + "/port",
                                    "probe port " + Json.text(port) + " is not a port the container declares " + ports.keySet()));
                        }
                    }
                }
            }
        }

        for (ObjectNode service : set.ofKind("Service")) {
            Map<String, String> selector = Json.strings(service.path("spec").path("selector"));
            if (selector.isEmpty() || "ExternalName".equals(Json.text(service, "spec", "type"))) {
                continue;
            }
            List<Workloads.Workload> selected = workloads.stream().filter(w -> !"Job".equals(w.kind()) && !"CronJob".equals(w.kind()))
                    .filter(w -> Workloads.selectsMap(selector, w.podLabels())).toList();
            if (selected.size() != 1) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(service), "/spec/selector", "selector " + selector + " selects the pods of "
                        + (selected.isEmpty() ? "no workload" : selected.size() + " workloads " + selected.stream().map(Workloads.Workload::id).toList())
                        + " (exactly one expected)"));
                continue;
            }
            Workloads.Workload target = selected.get(0);
            List<JsonNode> ports = Json.items(service.path("spec").path("ports"));
            for (int i = 0; i < ports.size(); i++) {
                JsonNode targetPort = ports.get(i).has("targetPort") ? ports.get(i).path("targetPort") : ports.get(i).path("port");
                boolean found = target.containers().stream().anyMatch(c -> declared(targetPort, c.ports()));
                if (!found) {
                    findings.add(new Finding(CHECK, o, ManifestSet.id(service), "/spec/ports/" + i + "/targetPort", "target port "
                            + Json.text(targetPort) + " is not a container port of " + target.id()));
                }
            }
        }

        for (ObjectNode hpa : set.ofKind("HorizontalPodAutoscaler")) {
            String kind = Json.text(hpa, "spec", "scaleTargetRef", "kind");
            String name = Json.text(hpa, "spec", "scaleTargetRef", "name");
            Workloads.Workload target = workloads.stream().filter(w -> w.kind().equals(kind) && w.name().equals(name)).findFirst().orElse(null);
            if (target == null) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(hpa), "/spec/scaleTargetRef", "scales " + kind + "/" + name + ", which is not in the overlay"));
                continue;
            }
            Integer min = Json.integer(hpa.path("spec").path("minReplicas"));
            Integer max = Json.integer(hpa.path("spec").path("maxReplicas"));
            if (min != null && max != null && min > max) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(hpa), "/spec/minReplicas", "minReplicas " + min + " > maxReplicas " + max));
            }
            List<JsonNode> metrics = Json.items(hpa.path("spec").path("metrics"));
            for (int i = 0; i < metrics.size(); i++) {
                JsonNode resource = metrics.get(i).path("resource");
                String resourceName = Json.text(resource, "name");
                if ("Resource".equals(Json.text(metrics.get(i), "type")) && "Utilization".equals(Json.text(resource, "target", "type"))) {
                    for (Workloads.Container c : target.containers()) {
                        if (Json.text(c.node(), "resources", "requests", resourceName) == null) {
                            findings.add(new Finding(CHECK, o, ManifestSet.id(hpa), "/spec/metrics/" + i, "scales on " + resourceName
                                    + " utilisation, but container " + c.name() + " of " + target.id() + " requests no " + resourceName));
                        }
                    }
                }
            }
        }

        for (ObjectNode pdb : set.ofKind("PodDisruptionBudget")) {
            JsonNode selector = pdb.path("spec").path("selector");
            if (!selectsAny(selector, workloads, operatorPods)) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(pdb), "/spec/selector", "selects no pod of the overlay"));
            }
        }

        for (ObjectNode policy : set.ofKind("NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            if (!selectsAny(spec.path("podSelector"), workloads, operatorPods)) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(policy), "/spec/podSelector", "selects no pod of the overlay"));
            }
            for (String direction : List.of("ingress", "egress")) {
                String peers = "ingress".equals(direction) ? "from" : "to";
                List<JsonNode> rules = Json.items(spec.path(direction));
                for (int i = 0; i < rules.size(); i++) {
                    List<JsonNode> peerList = Json.items(rules.get(i).path(peers));
                    for (int j = 0; j < peerList.size(); j++) {
                        JsonNode peer = peerList.get(j);
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")
                                && !selectsAny(peer.path("podSelector"), workloads, operatorPods)) {
                            findings.add(new Finding(CHECK, o, ManifestSet.id(policy), "/spec/" + direction + "/" + i + "/" + peers + "/" + j + "/podSelector",
                                    "selects no pod of the overlay"));
                        }
                    }
                    if ("ingress".equals(direction)) {
                        List<JsonNode> ports = Json.items(rules.get(i).path("ports"));
                        List<Workloads.Workload> protectedPods = workloads.stream()
                                .filter(w -> Workloads.selects(spec.path("podSelector"), w.podLabels())).toList();
                        for (int j = 0; j < ports.size(); j++) {
                            JsonNode port = ports.get(j).path("port");
                            if (port.isString() && !protectedPods.isEmpty() && protectedPods.stream()
                                    .noneMatch(w -> w.containers().stream().anyMatch(c -> c.ports().containsKey(port.stringValue())))) {
                                findings.add(new Finding(CHECK, o, ManifestSet.id(policy), "/spec/ingress/" + i + "/ports/" + j + "/port",
                                        "named port '" + port.stringValue() + "' is declared by no container of the pods it protects"));
                            }
                        }
                    }
                }
            }
        }

        for (ObjectNode ingress : set.ofKind("Ingress")) {
            List<JsonNode> rules = Json.items(ingress.path("spec").path("rules"));
            List<String> backends = new ArrayList<>();
            if (ingress.path("spec").has("defaultBackend")) {
                backends.add("/spec/defaultBackend/service");
            }
            for (int i = 0; i < rules.size(); i++) {
                List<JsonNode> paths = Json.items(rules.get(i).path("http").path("paths"));
                for (int j = 0; j < paths.size(); j++) {
                    backends.add("/spec/rules/" + i + "/http/paths/" + j + "/backend/service");
                }
            }
            for (String at : backends) {
                JsonNode backend = ingress.at(at);
                if (backend.isMissingNode()) {
                    continue;
                }
                String name = Json.text(backend, "name");
                ObjectNode service = set.find("Service", name == null ? "" : name).orElse(null);
                if (service == null) {
                    findings.add(new Finding(CHECK, o, ManifestSet.id(ingress), at + "/name", "Service " + name + " is not in the overlay"));
                    continue;
                }
                String portName = Json.text(backend, "port", "name");
                Integer portNumber = Json.integer(backend.path("port").path("number"));
                boolean found = Json.items(service.path("spec").path("ports")).stream().anyMatch(p -> portName != null
                        ? portName.equals(Json.text(p, "name")) : portNumber != null && portNumber.equals(Json.integer(p.path("port"))));
                if (!found) {
                    findings.add(new Finding(CHECK, o, ManifestSet.id(ingress), at + "/port", "port "
                            + (portName != null ? portName : portNumber) + " is not a port of " + ManifestSet.id(service)));
                }
            }
        }

        // pod selectors inside operator resources (Strimzi's networkPolicyPeers, the Keycloak operator's networkPolicy)
        for (ObjectNode doc : set.documents()) {
            String apiVersion = ManifestSet.apiVersion(doc);
            if (apiVersion != null && apiVersion.contains(".") && !apiVersion.contains("k8s.io/") && !"NetworkPolicy".equals(ManifestSet.kind(doc))
                    && !Set.of("ServiceMonitor", "PodMonitor").contains(ManifestSet.kind(doc))) {
                operatorPodSelectors(doc.path("spec"), "/spec", ManifestSet.id(doc), o, workloads, operatorPods, findings);
            }
        }

        List<ObjectNode> services = set.ofKind("Service");
        for (ObjectNode monitor : set.ofKind("ServiceMonitor")) {
            JsonNode selector = monitor.path("spec").path("selector");
            List<ObjectNode> selected = services.stream()
                    .filter(s -> Workloads.selects(selector, Json.strings(s.path("metadata").path("labels")))).toList();
            if (selected.isEmpty()) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(monitor), "/spec/selector", "selects no Service of the overlay (by the Services' labels)"));
                continue;
            }
            List<JsonNode> endpoints = Json.items(monitor.path("spec").path("endpoints"));
            for (int i = 0; i < endpoints.size(); i++) {
                String port = Json.text(endpoints.get(i), "port");
                if (port == null) {
                    continue;
                }
                for (ObjectNode s : selected) {
                    boolean named = Json.items(s.path("spec").path("ports")).stream().anyMatch(p -> port.equals(Json.text(p, "name")));
                    if (!named) {
                        findings.add(new Finding(CHECK, o, ManifestSet.id(monitor), "/spec/endpoints/" + i + "/port", "port '" + port
                                + "' is not a named port of " + ManifestSet.id(s)));
                    }
                }
            }
        }
        for (ObjectNode monitor : set.ofKind("PodMonitor")) {
            JsonNode selector = monitor.path("spec").path("selector");
            List<Workloads.Workload> selected = workloads.stream().filter(w -> Workloads.selects(selector, w.podLabels())).toList();
            List<Workloads.OperatorPods> selectedOperatorPods = operatorPods.stream().filter(p -> Workloads.selects(selector, p.labels())).toList();
            if (selected.isEmpty() && selectedOperatorPods.isEmpty()) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(monitor), "/spec/selector", "selects no pod of the overlay"));
                continue;
            }
            List<JsonNode> endpoints = Json.items(monitor.path("spec").path("podMetricsEndpoints"));
            for (int i = 0; i < endpoints.size(); i++) {
                String port = Json.text(endpoints.get(i), "port");
                if (port == null) {
                    continue;
                }
                for (Workloads.Workload w : selected) {
                    if (w.containers().stream().noneMatch(c -> c.ports().containsKey(port))) {
                        findings.add(new Finding(CHECK, o, ManifestSet.id(monitor), "/spec/podMetricsEndpoints/" + i + "/port",
                                "port '" + port + "' is not a named container port of " + w.id()));
                    }
                }
                if (selected.isEmpty() && selectedOperatorPods.stream().noneMatch(p -> p.ports().contains(port))) {
                    findings.add(new Finding(CHECK, o, ManifestSet.id(monitor), "/spec/podMetricsEndpoints/" + i + "/port",
                            "port '" + port + "' is not a port the operator's pods name " + selectedOperatorPods.stream()
                                    .flatMap(p -> p.ports().stream()).distinct().sorted().toList()));
                }
            }
        }
        return findings;
    }

    /** A port given by name or number is one of the declared container ports. */
    static boolean declared(JsonNode port, Map<String, Integer> ports) {
        if (port.isIntegralNumber()) {
            return ports.containsValue(port.intValue());
        }
        String text = Json.text(port);
        if (text == null) {
            return false;
        }
        if (text.matches("\\d+")) {
            return ports.containsValue(Integer.valueOf(text));
        }
        return ports.containsKey(text);
    }

    private static void operatorPodSelectors(JsonNode node, String path, String id, String o, List<Workloads.Workload> workloads,
            List<Workloads.OperatorPods> operatorPods, List<Finding> findings) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                operatorPodSelectors(node.get(i), path + "/" + i, id, o, workloads, operatorPods, findings);
            }
        } else if (node.isObject()) {
            if (node.has("podSelector") && !node.has("namespaceSelector") && node.path("podSelector").isObject()
                    && !selectsAny(node.path("podSelector"), workloads, operatorPods)) {
                findings.add(new Finding(CHECK, o, id, path + "/podSelector", "selects no pod of the overlay"));
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!"podSelector".equals(e.getKey())) {
                    operatorPodSelectors(e.getValue(), path + "/" + Json.pointer(e.getKey()), id, o, workloads, operatorPods, findings);
                }
            }
        }
    }

    private static boolean selectsAny(JsonNode selector, List<Workloads.Workload> workloads, List<Workloads.OperatorPods> operatorPods) {
        return workloads.stream().anyMatch(w -> Workloads.selects(selector, w.podLabels()))
                || operatorPods.stream().anyMatch(p -> Workloads.selects(selector, p.labels()));
    }
}
