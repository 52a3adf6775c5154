package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every Deployment and StatefulSet needs: the health probes on {@code /q/health} (another program's image, such as
 * the rate-limit store's, a readiness and a liveness probe of its own), resource requests and a memory limit, a
 * restrictive securityContext (with an emptyDir at /tmp when the root filesystem is read-only), a pinned image; every service of the code has its Deployment; one namespace for all.
 * In the production overlay each also has a PDB and a NetworkPolicy that selects it, uses no host network and runs the
 * prod profile (QUARKUS_PROFILE unset), and each Deployment an HPA.
 */
final class HardeningCheck {

    static final String CHECK = "hardening";
    static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    private HardeningCheck() {
    }

    private static boolean writableTmp(JsonNode container, JsonNode pod) {
        for (JsonNode mount : Json.items(container.path("volumeMounts"))) {
            if ("/tmp".equals(Json.text(mount, "mountPath")) && !mount.path("readOnly").asBoolean(false)) {
                String volume = Json.text(mount, "name");
                return Json.items(pod.path("volumes")).stream().anyMatch(v -> volume.equals(Json.text(v, "name")) && v.has("emptyDir"));
            }
        }
        return false;
    }

    static List<Finding> check(ManifestSet set, CodeTopology code, boolean production) {
        List<Finding> findings = new ArrayList<>();
        String o = set.overlay();
        for (CodeTopology.Service service : code.services()) {
            if (set.find("Deployment", service.name()).isEmpty()) {
                findings.add(new Finding(CHECK, o, "Deployment/" + service.name(), "", "service " + service.name()
                        + " (module " + service.module().getFileName() + ") has no Deployment"));
            }
        }
        String namespace = null;
        for (ObjectNode doc : set.documents()) {
            if ("Namespace".equals(ManifestSet.kind(doc))) {
                continue;
            }
            String ns = Json.text(doc, "metadata", "namespace");
            if (ns == null) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(doc), "/metadata/namespace", "no namespace (the overlay's namespace: is missing?)"));
            } else if (namespace == null) {
                namespace = ns;
            } else if (!namespace.equals(ns)) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(doc), "/metadata/namespace", "namespace " + ns + ", the others are in " + namespace));
            }
        }

        for (Workloads.Workload w : Workloads.of(set)) {
            // the platform's own workloads and the stores it runs itself (the rate-limit store's StatefulSet)
            if (!"Deployment".equals(w.kind()) && !"StatefulSet".equals(w.kind())) {
                continue;
            }
            JsonNode pod = w.podSpec();
            String podPath = w.podSpecPath();
            JsonNode podSecurity = pod.path("securityContext");
            for (Workloads.Container c : w.allContainers()) {
                JsonNode n = c.node();
                String p = c.path();
                String ownImage = Json.text(n, "image");
                if (!c.init() && (ownImage == null || !ownImage.contains("mentoring/"))) {
                    // another program (e.g. Valkey) has no Quarkus health: any readiness and liveness probe of its own
                    for (String probe : List.of("readinessProbe", "livenessProbe")) {
                        if (!n.has(probe)) {
                            findings.add(new Finding(CHECK, o, w.id(), p + "/" + probe, "no " + probe));
                        }
                    }
                } else if (!c.init()) {
                    for (Map.Entry<String, String> probe : PROBES.entrySet()) {
                        String path = Json.text(n, probe.getKey(), "httpGet", "path");
                        if (!probe.getValue().equals(path)) {
                            findings.add(new Finding(CHECK, o, w.id(), p + "/" + probe.getKey(), (path == null ? "no HTTP " + probe.getKey()
                                    : probe.getKey() + " on " + path) + " (expected httpGet " + probe.getValue() + ")"));
                        }
                    }
                }
                for (String[] r : new String[][] {{"requests", "cpu"}, {"requests", "memory"}, {"limits", "memory"}}) {
                    if (Json.text(n, "resources", r[0], r[1]) == null) {
                        findings.add(new Finding(CHECK, o, w.id(), p + "/resources/" + r[0], "no " + r[1] + " " + r[0]));
                    }
                }
                JsonNode sc = n.path("securityContext");
                if (!sc.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/runAsNonRoot", "runAsNonRoot is not true"));
                }
                Integer uid = Json.integer(sc.has("runAsUser") ? sc.path("runAsUser") : podSecurity.path("runAsUser"));
                if (uid != null && uid == 0) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/runAsUser", "runs as root (uid 0)"));
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/readOnlyRootFilesystem", "readOnlyRootFilesystem is not true"));
                } else if (!c.init() && !writableTmp(n, pod)) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/volumeMounts", "the root filesystem is read-only but no emptyDir is mounted at /tmp "
                            + "(the JVM's and Quarkus's temporary files)"));
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/allowPrivilegeEscalation", "allowPrivilegeEscalation is not false"));
                }
                if (sc.path("privileged").asBoolean(false)) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/privileged", "privileged"));
                }
                boolean dropsAll = Json.items(sc.path("capabilities").path("drop")).stream().anyMatch(d -> "ALL".equals(Json.text(d)));
                if (!dropsAll) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/capabilities/drop", "does not drop ALL capabilities"));
                }
                if (!Json.items(sc.path("capabilities").path("add")).isEmpty()) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/capabilities/add", "adds capabilities"));
                }
                String seccomp = Json.text(sc.path("seccompProfile").path("type"));
                if (seccomp == null) {
                    seccomp = Json.text(podSecurity.path("seccompProfile").path("type"));
                }
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/securityContext/seccompProfile", "seccompProfile is " + seccomp + ", not RuntimeDefault"));
                }
                if (production && !c.init()) {
                    Env.Value profile = Env.of(c, set).get("QUARKUS_PROFILE");
                    if (profile != null && !"prod".equals(profile.value())) {
                        findings.add(new Finding(CHECK, o, w.id(), p + " env QUARKUS_PROFILE", "the profile is " + profile.value()
                                + " in production, where it must be unset (prod: the profile that refuses the demo secrets)"));
                    }
                }
                String image = Json.text(n, "image");
                String tag = image == null ? null : image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : null;
                if (tag == null || "latest".equals(tag)) {
                    findings.add(new Finding(CHECK, o, w.id(), p + "/image", "image " + image + " is not pinned to a tag other than latest"));
                }
            }
            if (pod.path("hostNetwork").asBoolean(false) && production) {
                findings.add(new Finding(CHECK, o, w.id(), podPath + "/hostNetwork", "uses the host's network in production"));
            }
            if (production && "Deployment".equals(w.kind())) {
                boolean hpa = set.ofKind("HorizontalPodAutoscaler").stream().anyMatch(h -> "Deployment".equals(Json.text(h, "spec", "scaleTargetRef", "kind"))
                        && w.name().equals(Json.text(h, "spec", "scaleTargetRef", "name")));
                if (!hpa) {
                    findings.add(new Finding(CHECK, o, w.id(), "", "no HorizontalPodAutoscaler scales it"));
                }
            }
            if (production) {
                boolean pdb = set.ofKind("PodDisruptionBudget").stream().anyMatch(b -> Workloads.selects(b.path("spec").path("selector"), w.podLabels()));
                if (!pdb) {
                    findings.add(new Finding(CHECK, o, w.id(), "", "no PodDisruptionBudget selects its pods"));
                }
                boolean policy = set.ofKind("NetworkPolicy").stream().anyMatch(np -> Workloads.selects(np.path("spec").path("podSelector"), w.podLabels())
                        && (np.path("spec").has("ingress") || Json.items(np.path("spec").path("policyTypes")).stream().anyMatch(t -> "Ingress".equals(Json.text(t)))));
                if (!policy) {
                    findings.add(new Finding(CHECK, o, w.id(), "", "no NetworkPolicy restricts ingress to its pods"));
                }
            }
        }
        return findings;
    }
}
