package dev.mentoring.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders with kubectl kustomize; there are at least the local and production overlays. */
class RenderOverlaysTest {

    @Test
    void theLocalAndProductionOverlaysExist() {
        assertThat(Overlays.names()).contains("local", "production");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void rendersToDocumentsWithKindAndName(String overlay) {
        ManifestSet set = Overlays.rendered(overlay);
        assertThat(set.documents()).as(overlay + " renders to something").isNotEmpty();
        assertThat(set.documents()).allSatisfy(d -> assertThat(ManifestSet.name(d)).as(ManifestSet.id(d)).isNotBlank());
    }

    @Test
    void aMissingKubectlFailsClearly() {
        String before = System.getProperty("kubectl");
        System.setProperty("kubectl", "/nonexistent/kubectl");
        try {
            assertThatThrownBy(() -> Kustomize.render(Path.of(".")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("kubectl is needed");
        } finally {
            if (before == null) {
                System.clearProperty("kubectl");
            } else {
                System.setProperty("kubectl", before);
            }
        }
    }
}
