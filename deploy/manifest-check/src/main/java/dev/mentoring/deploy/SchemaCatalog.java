package dev.mentoring.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of ../shared/k8s-schemas, chosen by apiVersion and kind, made strict ({@link StrictSchemas}) and
 * validated with networknt's json-schema-validator. A document whose kind has no schema fails: nothing is skipped.
 *
 * <ul>
 * <li>Kubernetes kinds: {@code kubernetes-1.34/<kind>[-<group>]-<version>.json}, lower case, the group's first part
 * ({@code apps}, {@code networking}, {@code rbac}); the core group has none ({@code service-v1.json}).</li>
 * <li>Operator resources: {@code operators/<group>/<kind>_<version>.json}, lower case.</li>
 * </ul>
 */
public final class SchemaCatalog {

    public static final String CHECK = "schema";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<Path, Schema> schemas = new ConcurrentHashMap<>();
    private volatile JsonNode objectMeta;

    public SchemaCatalog(Path root) {
        if (!Files.isDirectory(root.resolve("kubernetes-1.34")) || !Files.isDirectory(root.resolve("operators"))) {
            throw new IllegalStateException("No JSON Schemas at " + root + " (kubernetes-1.34/ and operators/ expected)");
        }
        this.root = root;
    }

    /** The schema file for this apiVersion and kind, if the catalog has one. */
    public Optional<Path> schemaFile(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        if (!group.isEmpty()) {
            Path operator = root.resolve("operators").resolve(group).resolve(lowerKind + "_" + version + ".json");
            if (Files.isRegularFile(operator)) {
                return Optional.of(operator);
            }
        }
        boolean builtIn = group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
        if (builtIn) {
            String groupPart = group.isEmpty() ? "" : "-" + group.split("\\.")[0];
            Path core = root.resolve("kubernetes-1.34").resolve(lowerKind + groupPart + "-" + version + ".json");
            if (Files.isRegularFile(core)) {
                return Optional.of(core);
            }
        }
        return Optional.empty();
    }

    /** Validates every document of the set; one finding per error, with the JSON path of the offending field. */
    public List<Finding> validate(ManifestSet set) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode doc : set.documents()) {
            findings.addAll(validate(set.overlay(), doc));
        }
        return findings;
    }

    public List<Finding> validate(String overlay, JsonNode doc) {
        String apiVersion = ManifestSet.apiVersion(doc);
        String kind = ManifestSet.kind(doc);
        String id = ManifestSet.id(doc);
        if (apiVersion == null || kind == null) {
            return List.of(new Finding(CHECK, overlay, id, "", "a document without apiVersion or kind"));
        }
        Optional<Path> file = schemaFile(apiVersion, kind);
        if (file.isEmpty()) {
            return List.of(new Finding(CHECK, overlay, id, "",
                    "no JSON Schema for apiVersion " + apiVersion + ", kind " + kind + " in " + root
                            + " (an unknown kind or apiVersion fails; a new kind needs its schema there)"));
        }
        Schema schema = schemas.computeIfAbsent(file.get(), this::load);
        List<Finding> findings = new ArrayList<>();
        for (Error error : schema.validate(doc)) {
            String path = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            path = path.isEmpty() ? "/" : path;
            String message = error.getMessage();
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                message = "unknown field '" + error.getProperty() + "' (" + message + ")";
            }
            findings.add(new Finding(CHECK, overlay, id, path, message + " [" + root.relativize(file.get()) + "]"));
        }
        return findings;
    }

    private Schema load(Path file) {
        JsonNode raw = read(file);
        // the files say "$schema": "http://json-schema.org/schema#" (no particular draft) or nothing: they are draft 7
        if (raw.isObject()) {
            ((tools.jackson.databind.node.ObjectNode) raw).remove("$schema");
        }
        JsonNode strict = file.startsWith(root.resolve("operators")) ? StrictSchemas.strict(raw, objectMeta())
                : StrictSchemas.strict(raw);
        return registry.getSchema(strict);
    }

    /** ObjectMeta as the Kubernetes schemas define it (taken from the ConfigMap schema). */
    private JsonNode objectMeta() {
        if (objectMeta == null) {
            objectMeta = read(root.resolve("kubernetes-1.34/configmap-v1.json")).path("properties").path("metadata");
        }
        return objectMeta.isObject() ? objectMeta : null;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
