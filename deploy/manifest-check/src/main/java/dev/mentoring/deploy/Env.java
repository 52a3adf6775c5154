package dev.mentoring.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The environment a container gets, as far as the overlay tells: literal values, ConfigMaps, Secrets. */
final class Env {

    /** A variable: its value when the overlay knows it, and the Secret it comes from, if any. */
    record Value(String value, String secret, String secretKey) {
    }

    private Env() {
    }

    static Map<String, Value> of(Workloads.Container container, ManifestSet set) {
        Map<String, Value> env = new LinkedHashMap<>();
        for (JsonNode from : Json.items(container.node().path("envFrom"))) {
            String prefix = Json.text(from, "prefix") == null ? "" : Json.text(from, "prefix");
            String configMap = Json.text(from, "configMapRef", "name");
            if (configMap != null) {
                data(set, "ConfigMap", configMap).forEach((k, v) -> env.put(prefix + k, new Value(v, null, null)));
            }
            String secret = Json.text(from, "secretRef", "name");
            if (secret != null) {
                data(set, "Secret", secret).forEach((k, v) -> env.put(prefix + k, new Value(v, secret, k)));
            }
        }
        for (JsonNode var : Json.items(container.node().path("env"))) {
            String name = Json.text(var, "name");
            if (name == null) {
                continue;
            }
            if (var.has("value")) {
                env.put(name, new Value(Json.text(var, "value"), null, null));
                continue;
            }
            JsonNode cm = var.path("valueFrom").path("configMapKeyRef");
            if (cm.isObject()) {
                env.put(name, new Value(data(set, "ConfigMap", Json.text(cm, "name")).get(Json.text(cm, "key")), null, null));
            }
            JsonNode secret = var.path("valueFrom").path("secretKeyRef");
            if (secret.isObject()) {
                String s = Json.text(secret, "name");
                String key = Json.text(secret, "key");
                env.put(name, new Value(data(set, "Secret", s).get(key), s, key));
            }
        }
        return env;
    }

    /** The string values of a ConfigMap's or Secret's data (Secret data decoded) when it is in the overlay. */
    static Map<String, String> data(ManifestSet set, String kind, String name) {
        Map<String, String> data = new LinkedHashMap<>();
        if (name == null) {
            return data;
        }
        ObjectNode doc = set.find(kind, name).orElse(null);
        if (doc == null) {
            return data;
        }
        if ("Secret".equals(kind)) {
            Json.strings(doc.path("data")).forEach((k, v) -> {
                try {
                    data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    data.put(k, null);
                }
            });
            data.putAll(Json.strings(doc.path("stringData")));
        } else {
            data.putAll(Json.strings(doc.path("data")));
        }
        return data;
    }

    static List<String> names(Map<String, Value> env) {
        return List.copyOf(env.keySet());
    }
}
