package dev.mentoring.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The documents one overlay renders to, plus the overlay's {@code required-secrets.txt}: the Secrets the platform
 * operator creates by hand (one name a line, {@code name  # comment}; a plain file Kustomize ignores).
 */
public final class ManifestSet {

    public static final String REQUIRED_SECRETS = "required-secrets.txt";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final String overlay;
    private final List<ObjectNode> documents;
    private final Map<String, String> requiredSecrets;

    public ManifestSet(String overlay, List<ObjectNode> documents, Map<String, String> requiredSecrets) {
        this.overlay = overlay;
        this.documents = documents;
        this.requiredSecrets = requiredSecrets;
    }

    /** Renders the overlay folder with kubectl kustomize and reads its required-secrets.txt, if any. */
    public static ManifestSet render(Path overlayDir) {
        String name = overlayDir.getFileName().toString();
        return parse(name, Kustomize.render(overlayDir), readRequiredSecrets(overlayDir.resolve(REQUIRED_SECRETS)));
    }

    /** Reads a multi-document YAML stream; empty documents are skipped, non-objects refused. */
    public static ManifestSet parse(String overlay, String yaml, Map<String, String> requiredSecrets) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node == null || node.isNull() || node.isMissingNode() || (node.isObject() && node.isEmpty())) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException(overlay + ": a rendered document is not a mapping: " + node);
                }
                documents.add((ObjectNode) node);
            }
        }
        return new ManifestSet(overlay, documents, requiredSecrets);
    }

    /** name -> comment of each line of a required-secrets.txt; empty when there is no such file. */
    public static Map<String, String> readRequiredSecrets(Path file) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int hash = line.indexOf('#');
                String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
                String comment = hash >= 0 ? line.substring(hash + 1).trim() : "";
                if (!body.isEmpty()) {
                    names.put(body.split("\\s+")[0], comment);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** A deep copy, to plant defects in without touching this one. */
    public ManifestSet copy() {
        List<ObjectNode> copies = new ArrayList<>();
        documents.forEach(d -> copies.add(d.deepCopy()));
        return new ManifestSet(overlay, copies, new LinkedHashMap<>(requiredSecrets));
    }

    public String overlay() {
        return overlay;
    }

    /** Every document, in rendering order (modifiable: planted-defect tests add and remove documents). */
    public List<ObjectNode> documents() {
        return documents;
    }

    /** Secret names from required-secrets.txt, with their comments (modifiable). */
    public Map<String, String> requiredSecrets() {
        return requiredSecrets;
    }

    public List<ObjectNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(kind(d))).toList();
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return documents.stream().filter(d -> kind.equals(kind(d)) && name.equals(name(d))).findFirst();
    }

    public boolean has(String kind) {
        return documents.stream().anyMatch(d -> kind.equals(kind(d)));
    }

    public static String kind(JsonNode doc) {
        return Json.text(doc.path("kind"));
    }

    public static String apiVersion(JsonNode doc) {
        return Json.text(doc.path("apiVersion"));
    }

    public static String name(JsonNode doc) {
        return Json.text(doc.path("metadata").path("name"));
    }

    /** {@code Kind/name}, how findings name a resource. */
    public static String id(JsonNode doc) {
        return kind(doc) + "/" + name(doc);
    }

    @Override
    public String toString() {
        return overlay + " (" + documents.size() + " documents)";
    }
}
