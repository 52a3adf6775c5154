package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every ServiceAccount a workload runs as is in the overlay. Every Secret and ConfigMap a resource refers to exists in the overlay, is made by an operator resource of the overlay,
 * or (Secrets only) is listed in the overlay's required-secrets.txt; keys referred to exist where the keys are known.
 * Every name in required-secrets.txt is explained in docs/deploy.md and used by something.
 */
final class ReferenceCheck {

    static final String CHECK = "references";
    static final String DOC_CHECK = "required-secrets";

    /** A reference to a Secret or ConfigMap (key null: the whole object). */
    record Ref(String kind, String name, String key, boolean optional, String owner, String path) {
    }

    private ReferenceCheck() {
    }

    static List<Finding> check(ManifestSet set) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Set<String>> secrets = definedKeys(set, "Secret");
        Map<String, Set<String>> configMaps = definedKeys(set, "ConfigMap");
        Map<String, Produced> produced = producedSecrets(set);
        Map<String, String> required = set.requiredSecrets();
        for (Ref ref : references(set)) {
            boolean secret = "Secret".equals(ref.kind());
            Map<String, Set<String>> defined = secret ? secrets : configMaps;
            Set<String> keys;
            String source;
            if (defined.containsKey(ref.name())) {
                keys = defined.get(ref.name());
                source = "the overlay's " + ref.kind();
            } else if (secret && produced.containsKey(ref.name())) {
                keys = produced.get(ref.name()).keys();
                source = "the Secret " + produced.get(ref.name()).by() + " makes";
            } else if (secret && required.containsKey(ref.name())) {
                continue;
            } else {
                if (!ref.optional()) {
                    findings.add(new Finding(CHECK, set.overlay(), ref.owner(), ref.path(), ref.kind() + " '" + ref.name()
                            + "' is referred to but neither in the overlay"
                            + (secret ? ", made by an operator resource of it, nor listed in its " + ManifestSet.REQUIRED_SECRETS : "")));
                }
                continue;
            }
            if (ref.key() != null && keys != null && !keys.contains(ref.key()) && !ref.optional()) {
                findings.add(new Finding(CHECK, set.overlay(), ref.owner(), ref.path(), "key '" + ref.key() + "' is not in "
                        + source + " '" + ref.name() + "' (keys: " + keys + ")"));
            }
        }
        Set<String> accounts = new LinkedHashSet<>();
        set.ofKind("ServiceAccount").forEach(a -> accounts.add(ManifestSet.name(a)));
        for (Workloads.Workload w : Workloads.of(set)) {
            String account = Json.text(w.podSpec(), "serviceAccountName");
            if (account != null && !"default".equals(account) && !accounts.contains(account)) {
                findings.add(new Finding(CHECK, set.overlay(), w.id(), w.podSpecPath() + "/serviceAccountName",
                        "ServiceAccount '" + account + "' is not in the overlay: the pods would not be created"));
            }
        }
        Set<String> referred = new LinkedHashSet<>();
        references(set).stream().filter(r -> "Secret".equals(r.kind())).forEach(r -> referred.add(r.name()));
        for (String name : required.keySet()) {
            String where = "required-secrets.txt";
            if (secrets.containsKey(name)) {
                findings.add(new Finding(CHECK, set.overlay(), where, name, "listed as made by hand, but the overlay defines Secret '" + name + "' itself"));
            } else if (produced.containsKey(name)) {
                findings.add(new Finding(CHECK, set.overlay(), where, name, "listed as made by hand, but " + produced.get(name).by() + " makes Secret '" + name + "'"));
            } else if (!referred.contains(name)) {
                findings.add(new Finding(CHECK, set.overlay(), where, name, "listed, but nothing in the overlay refers to Secret '" + name + "'"));
            }
        }
        return findings;
    }

    /** Every name of required-secrets.txt must be mentioned in docs/deploy.md (null: the document does not exist). */
    static List<Finding> documented(ManifestSet set, String deployDoc) {
        List<Finding> findings = new ArrayList<>();
        for (String name : set.requiredSecrets().keySet()) {
            boolean mentioned = deployDoc != null
                    && Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])").matcher(deployDoc).find();
            if (!mentioned) {
                findings.add(new Finding(DOC_CHECK, set.overlay(), ManifestSet.REQUIRED_SECRETS, name,
                        "Secret '" + name + "' is made by hand but docs/deploy.md " + (deployDoc == null ? "does not exist" : "does not mention it")));
            }
        }
        return findings;
    }

    /** The production overlay commits no Secret values: its Secrets come from operators or the platform operator. */
    static List<Finding> noCommittedSecrets(ManifestSet set) {
        List<Finding> findings = new ArrayList<>();
        for (ObjectNode secret : set.ofKind("Secret")) {
            if (!secret.path("data").isEmpty() || !secret.path("stringData").isEmpty()) {
                findings.add(new Finding(CHECK, set.overlay(), ManifestSet.id(secret), "",
                        "the production overlay commits Secret values; list the Secret in " + ManifestSet.REQUIRED_SECRETS
                                + " and explain it in docs/deploy.md instead"));
            }
        }
        return findings;
    }

    static Map<String, Set<String>> definedKeys(ManifestSet set, String kind) {
        Map<String, Set<String>> defined = new LinkedHashMap<>();
        for (ObjectNode doc : set.ofKind(kind)) {
            Set<String> keys = new LinkedHashSet<>();
            for (String field : List.of("data", "stringData", "binaryData")) {
                keys.addAll(Json.names(doc.path(field)));
            }
            defined.put(ManifestSet.name(doc), keys);
        }
        return defined;
    }

    /** A Secret an operator makes: by which resource, with which keys (null: not known). */
    record Produced(String by, Set<String> keys) {
    }

    static Map<String, Produced> producedSecrets(ManifestSet set) {
        Map<String, Produced> produced = new LinkedHashMap<>();
        Set<String> ca = Set.of("ca.crt", "ca.p12", "ca.password");
        for (ObjectNode kafka : set.ofKind("Kafka")) {
            String c = ManifestSet.name(kafka);
            produced.put(c + "-cluster-ca-cert", new Produced("Kafka/" + c, ca));
            produced.put(c + "-clients-ca-cert", new Produced("Kafka/" + c, ca));
        }
        for (ObjectNode user : set.ofKind("KafkaUser")) {
            String type = Json.text(user, "spec", "authentication", "type");
            Set<String> keys = switch (type == null ? "" : type) {
                case "scram-sha-512" -> Set.of("password", "sasl.jaas.config");
                case "tls", "tls-external" -> Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
                default -> null;
            };
            produced.put(ManifestSet.name(user), new Produced(ManifestSet.id(user), keys));
        }
        Set<String> pg = Set.of("username", "password", "host", "port", "dbname", "user", "uri", "jdbc-uri", "pgpass",
                "fqdn-uri", "fqdn-jdbc-uri");
        for (ObjectNode cluster : set.ofKind("Cluster")) {
            String c = ManifestSet.name(cluster);
            produced.put(c + "-app", new Produced("Cluster/" + c, pg));
            produced.put(c + "-superuser", new Produced("Cluster/" + c, pg));
            produced.put(c + "-ca", new Produced("Cluster/" + c, Set.of("ca.crt", "ca.key")));
            produced.put(c + "-server", new Produced("Cluster/" + c, Set.of("tls.crt", "tls.key")));
        }
        for (ObjectNode keycloak : set.ofKind("Keycloak")) {
            String k = ManifestSet.name(keycloak);
            produced.put(k + "-initial-admin", new Produced("Keycloak/" + k, Set.of("username", "password")));
        }
        return produced;
    }

    /** Every Secret and ConfigMap reference of the overlay: workloads, Ingresses and operator resources. */
    static List<Ref> references(ManifestSet set) {
        List<Ref> refs = new ArrayList<>();
        for (Workloads.Workload w : Workloads.of(set)) {
            String id = w.id();
            for (Workloads.Container c : w.allContainers()) {
                List<JsonNode> env = Json.items(c.node().path("env"));
                for (int i = 0; i < env.size(); i++) {
                    JsonNode from = env.get(i).path("valueFrom");
                    String p = c.path() + "/env/" + i + "/valueFrom";
                    keyRef(refs, "Secret", from.path("secretKeyRef"), id, p + "/secretKeyRef");
                    keyRef(refs, "ConfigMap", from.path("configMapKeyRef"), id, p + "/configMapKeyRef");
                }
                List<JsonNode> envFrom = Json.items(c.node().path("envFrom"));
                for (int i = 0; i < envFrom.size(); i++) {
                    String p = c.path() + "/envFrom/" + i;
                    keyRef(refs, "Secret", envFrom.get(i).path("secretRef"), id, p + "/secretRef");
                    keyRef(refs, "ConfigMap", envFrom.get(i).path("configMapRef"), id, p + "/configMapRef");
                }
            }
            List<JsonNode> volumes = Json.items(w.podSpec().path("volumes"));
            for (int i = 0; i < volumes.size(); i++) {
                JsonNode v = volumes.get(i);
                String p = w.podSpecPath() + "/volumes/" + i;
                if (v.has("secret")) {
                    volumeRef(refs, "Secret", Json.text(v, "secret", "secretName"), v.path("secret"), id, p + "/secret");
                }
                if (v.has("configMap")) {
                    volumeRef(refs, "ConfigMap", Json.text(v, "configMap", "name"), v.path("configMap"), id, p + "/configMap");
                }
                List<JsonNode> sources = Json.items(v.path("projected").path("sources"));
                for (int j = 0; j < sources.size(); j++) {
                    JsonNode s = sources.get(j);
                    String sp = p + "/projected/sources/" + j;
                    if (s.has("secret")) {
                        volumeRef(refs, "Secret", Json.text(s, "secret", "name"), s.path("secret"), id, sp + "/secret");
                    }
                    if (s.has("configMap")) {
                        volumeRef(refs, "ConfigMap", Json.text(s, "configMap", "name"), s.path("configMap"), id, sp + "/configMap");
                    }
                }
            }
            List<JsonNode> pullSecrets = Json.items(w.podSpec().path("imagePullSecrets"));
            for (int i = 0; i < pullSecrets.size(); i++) {
                String name = Json.text(pullSecrets.get(i), "name");
                if (name != null) {
                    refs.add(new Ref("Secret", name, null, false, id, w.podSpecPath() + "/imagePullSecrets/" + i));
                }
            }
        }
        for (ObjectNode ingress : set.ofKind("Ingress")) {
            List<JsonNode> tls = Json.items(ingress.path("spec").path("tls"));
            for (int i = 0; i < tls.size(); i++) {
                String name = Json.text(tls.get(i), "secretName");
                if (name != null) {
                    refs.add(new Ref("Secret", name, null, false, ManifestSet.id(ingress), "/spec/tls/" + i + "/secretName"));
                }
            }
        }
        for (ObjectNode doc : set.documents()) {
            String apiVersion = ManifestSet.apiVersion(doc);
            boolean operator = apiVersion != null && apiVersion.contains("/") && apiVersion.substring(0, apiVersion.indexOf('/')).contains(".")
                    && !apiVersion.substring(0, apiVersion.indexOf('/')).endsWith(".k8s.io");
            if (operator) {
                operatorRefs(refs, doc.path("spec"), "/spec", ManifestSet.id(doc), "KeycloakRealmImport".equals(ManifestSet.kind(doc)));
            }
        }
        return refs;
    }

    private static void keyRef(List<Ref> refs, String kind, JsonNode ref, String owner, String path) {
        String name = Json.text(ref, "name");
        if (ref.isObject() && name != null) {
            refs.add(new Ref(kind, name, Json.text(ref, "key"), ref.path("optional").asBoolean(false), owner, path));
        }
    }

    private static void volumeRef(List<Ref> refs, String kind, String name, JsonNode source, String owner, String path) {
        if (name == null) {
            return;
        }
        boolean optional = source.path("optional").asBoolean(false);
        List<JsonNode> items = Json.items(source.path("items"));
        if (items.isEmpty()) {
            refs.add(new Ref(kind, name, null, optional, owner, path));
        }
        for (int i = 0; i < items.size(); i++) {
            refs.add(new Ref(kind, name, Json.text(items.get(i), "key"), optional, owner, path + "/items/" + i));
        }
    }

    /**
     * References inside an operator resource, found by shape: an object under a key naming a secret ({@code *Secret},
     * {@code secret}, {@code secretKeyRef}, {@code *Secret}s of credentials) with a {@code name} (and maybe a
     * {@code key}), a string {@code secretName} or {@code *Secret}, and the same for config maps. The realm of a
     * KeycloakRealmImport is left out: its {@code secret} fields are client secrets, not Secret names.
     */
    private static void operatorRefs(List<Ref> refs, JsonNode node, String path, String owner, boolean realmImport) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                operatorRefs(refs, node.get(i), path + "/" + i, owner, realmImport);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String p = path + "/" + Json.pointer(key);
            if (realmImport && "/spec/realm".equals(p)) {
                continue;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            boolean secretKey = lower.equals("secret") || lower.endsWith("secret") || lower.equals("secretkeyref")
                    || lower.equals("secretref");
            boolean configMapKey = lower.equals("configmap") || lower.endsWith("configmap") || lower.equals("configmapkeyref")
                    || lower.equals("configmapref");
            if (value.isObject() && (secretKey || configMapKey) && Json.text(value, "name") != null) {
                refs.add(new Ref(secretKey ? "Secret" : "ConfigMap", Json.text(value, "name"), Json.text(value, "key"),
                        value.path("optional").asBoolean(false), owner, p));
                continue;
            }
            if (value.isString() && (lower.equals("secretname") || lower.endsWith("secret"))) {
                refs.add(new Ref("Secret", value.stringValue(), null, false, owner, p));
                continue;
            }
            if (value.isObject() && lower.endsWith("credentials")) {
                for (Map.Entry<String, JsonNode> c : value.properties()) {
                    JsonNode selector = c.getValue();
                    if (selector.isObject() && Json.text(selector, "name") != null && selector.has("key")) {
                        refs.add(new Ref("Secret", Json.text(selector, "name"), Json.text(selector, "key"), false, owner,
                                p + "/" + Json.pointer(c.getKey())));
                    }
                }
            }
            operatorRefs(refs, value, p, owner, realmImport);
        }
    }
}
