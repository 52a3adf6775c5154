package dev.mentoring.plumbing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveLinkingTest {

    static volatile boolean initialised;

    /** A class whose static initialiser says when it ran. */
    static class Watched {
        static {
            initialised = true;
        }
    }

    @Test
    void readsTheClassesLoadedFromJarsAndDirectoriesOnly(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("matching.classes");
        Files.write(log, List.of(
                "[0.135s][info][class,load] java.lang.invoke.LambdaForm$MH/0x00007f2b7c000400 source: __JVM_LookupDefineClass__",
                "[0.195s][info][class,load] io.quarkus.runtime.Quarkus$1 source: file:/app/lib/main/quarkus-core.jar",
                "[0.201s][info][class,load] java.lang.Object source: shared objects file",
                "[0.202s][info][class,load] java.util.HexFormat source: jrt:/java.base",
                "[0.214s][info][class,load] org.apache.kafka.common.protocol.ApiKeys$1 source: org.apache.kafka.common.protocol.Errors",
                "[0.300s][info][class,load] dev.mentoring.Some source: file:/app/classes/",
                "[0.301s][info][class,load] io.quarkus.runtime.Quarkus$1 source: file:/app/lib/main/quarkus-core.jar",
                "not a class-load line"));

        assertThat(ClassArchiveLinking.loadedOutsideTheArchive(log))
                .containsExactly("io.quarkus.runtime.Quarkus$1", "dev.mentoring.Some");
    }

    @Test
    void anUnreadableLogGivesNoClasses(@TempDir Path dir) {
        assertThat(ClassArchiveLinking.loadedOutsideTheArchive(dir.resolve("absent.classes"))).isEmpty();
    }

    @Test
    void linksWithoutInitialisingAndSkipsWhatCannotLoad() {
        int linked = ClassArchiveLinking.link(List.of(Watched.class.getName(), "dev.mentoring.NoSuchClass"),
                getClass().getClassLoader());

        assertThat(linked).isEqualTo(1);
        assertThat(initialised).as("a linked class's static initialiser has not run").isFalse();
    }
}
