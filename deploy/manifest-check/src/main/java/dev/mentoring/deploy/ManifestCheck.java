package dev.mentoring.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints every finding of every overlay (schema and cross-checks), for a person reading the whole picture at once; the
 * tests assert the same per check. Run with the module's classpath; system properties as for the tests.
 */
public final class ManifestCheck {

    private ManifestCheck() {
    }

    public static void main(String[] args) throws IOException {
        Repo repo = Repo.locate();
        SchemaCatalog schemas = new SchemaCatalog(repo.schemas());
        CrossChecks checks = new CrossChecks(CodeTopology.read(repo.root()));
        String doc = Files.isRegularFile(repo.deployDoc()) ? Files.readString(repo.deployDoc()) : null;
        int total = 0;
        for (Path overlay : repo.overlays()) {
            List<Finding> findings = new ArrayList<>();
            try {
                ManifestSet set = ManifestSet.render(overlay);
                findings.addAll(schemas.validate(set));
                findings.addAll(checks.all(set, doc));
                System.out.println("== " + set + ": " + findings.size() + " finding(s)");
            } catch (RuntimeException e) {
                System.out.println("== " + overlay.getFileName() + ": cannot render: " + e.getMessage());
                total++;
                continue;
            }
            findings.forEach(f -> System.out.println("  " + f));
            total += findings.size();
        }
        System.exit(total == 0 ? 0 : 1);
    }
}
