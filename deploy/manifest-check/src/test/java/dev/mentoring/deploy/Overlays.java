package dev.mentoring.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the tests share, made once per test JVM: the repository, the schema catalog, the code's topology and every
 * overlay rendered by kubectl kustomize.
 */
final class Overlays {

    static final Repo REPO = Repo.locate();
    static final SchemaCatalog SCHEMAS = new SchemaCatalog(REPO.schemas());
    static final CodeTopology CODE = CodeTopology.read(REPO.root());
    static final CrossChecks CHECKS = new CrossChecks(CODE);
    private static final Map<String, ManifestSet> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** The overlay names, for {@code @MethodSource("dev.mentoring.deploy.Overlays#names")}. */
    static Stream<String> names() {
        return REPO.overlays().stream().map(p -> p.getFileName().toString());
    }

    /** The rendered overlay (a shared instance: copy it before changing it). */
    static ManifestSet rendered(String name) {
        return RENDERED.computeIfAbsent(name, n -> {
            Path dir = REPO.overlaysDir().resolve(n);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("No overlay " + n + " at " + dir);
            }
            return ManifestSet.render(dir);
        });
    }

    /** docs/deploy.md, or null when it does not exist. */
    static String deployDoc() {
        Path doc = REPO.deployDoc();
        try {
            return Files.isRegularFile(doc) ? Files.readString(doc) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails listing every finding, one a line, when there is any. */
    static void assertNone(String what, List<Finding> findings) {
        if (!findings.isEmpty()) {
            fail(what + ": " + findings.size() + " finding(s):\n  "
                    + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The findings of {@code after} that {@code before} does not have (as a multiset). */
    static List<Finding> added(List<Finding> before, List<Finding> after) {
        List<Finding> remaining = new ArrayList<>(before);
        List<Finding> added = new ArrayList<>();
        for (Finding f : after) {
            if (!remaining.remove(f)) {
                added.add(f);
            }
        }
        return added;
    }
}
