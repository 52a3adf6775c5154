package dev.mentoring.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are: the repository root (the first folder with contracts/, deploy/ and a pom.xml from system property
 * {@code mentoring.repo} up, which the module's surefire sets to {@code ${maven.multiModuleProjectDirectory}}, else from
 * the working directory up) and the JSON
 * Schemas (system property {@code k8s.schemas}, default {@code <repo>/../shared/k8s-schemas}, else
 * {@code /work/shared/k8s-schemas}).
 */
public record Repo(Path root, Path schemas) {

    /** Where this kind of machine keeps the shared folder, for a clone that is not beside it. */
    private static final Path WORKPLACE_SCHEMAS = Path.of("/work/shared/k8s-schemas");

    public static Repo locate() {
        Path given = fromProperty("mentoring.repo");
        Path root = walkUp(given != null ? given : Path.of(System.getProperty("user.dir")).toAbsolutePath());
        if (root == null) {
            throw new IllegalStateException("Cannot find the repository root: set -Dmentoring.repo=<path of the clone> "
                    + "(a folder with contracts/ and deploy/)");
        }
        Path schemas = fromProperty("k8s.schemas");
        if (schemas == null) {
            schemas = root.resolve("../shared/k8s-schemas").normalize();
            if (!Files.isDirectory(schemas) && Files.isDirectory(WORKPLACE_SCHEMAS)) {
                schemas = WORKPLACE_SCHEMAS; // a clone elsewhere on this machine (CI)
            }
        }
        if (!Files.isDirectory(schemas.resolve("kubernetes-1.34")) || !Files.isDirectory(schemas.resolve("operators"))) {
            throw new IllegalStateException("The Kubernetes JSON Schemas are not at " + schemas
                    + " (expected kubernetes-1.34/ and operators/ there; they are the shared/k8s-schemas folder beside the "
                    + "repository). Set -Dk8s.schemas=<folder> to point elsewhere.");
        }
        return new Repo(root, schemas);
    }

    private static Path fromProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.contains("${")) {
            return null;
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        return Files.isDirectory(path) ? path : null;
    }

    private static Path walkUp(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts")) && Files.isDirectory(dir.resolve("deploy"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return null;
    }

    /** deploy/k8s/overlays. */
    public Path overlaysDir() {
        return root.resolve("deploy/k8s/overlays");
    }

    /** Every overlay: each folder of deploy/k8s/overlays with a kustomization file, by name. */
    public List<Path> overlays() {
        Path dir = overlaysDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No overlays: " + dir + " does not exist");
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> overlays = children.filter(Files::isDirectory)
                    .filter(d -> Files.exists(d.resolve("kustomization.yaml")) || Files.exists(d.resolve("kustomization.yml"))
                            || Files.exists(d.resolve("Kustomization")))
                    .sorted().toList();
            if (overlays.isEmpty()) {
                throw new IllegalStateException("No overlay with a kustomization.yaml under " + dir);
            }
            return overlays;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/deploy.md, where every Secret the platform operator creates by hand must be explained. */
    public Path deployDoc() {
        return root.resolve("docs/deploy.md");
    }
}
