package dev.mentoring.plumbing.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Links, before the JVM writes a class-data archive at its exit, the application classes this run loaded, so that the
 * archive holds them. JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) links at its exit only the classes of the
 * JDK's own class loaders and leaves out every class of another loader that is not linked by then: 3,092 of
 * matching-service's, loaded at start but never linked. Quarkus loads the application from its own class loader, so
 * those were read from their jars and verified again on every start. {@code Class.getDeclaredConstructors()} links a
 * class without running its static initialiser.
 *
 * <p>
 * Runs only when the system property {@value #LOADED_CLASSES} names the file into which the JVM logs the classes it
 * loads ({@code -Xlog:class+load=info:file=<file>}), as the local platform's recording start does
 * (deploy/local/platform, {@code class_archive}); every other run does nothing.
 */
@ApplicationScoped
public class ClassArchiveLinking {

    /** The system property naming the JVM's class-load log of this run. */
    public static final String LOADED_CLASSES = "mentoring.class-archive.loaded-classes";

    private static final Logger LOG = Logger.getLogger(ClassArchiveLinking.class);

    void linkLoadedClasses(@Observes ShutdownEvent stopping) {
        Optional.ofNullable(System.getProperty(LOADED_CLASSES)).map(Path::of).filter(Files::isReadable)
                .ifPresent(log -> {
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    Set<String> names = loadedOutsideTheArchive(log);
                    int linked = link(names, loader);
                    LOG.infof("linked %d of the %d classes loaded outside the class-data archive, for the archive",
                            linked, names.size());
                });
    }

    /** The classes of a class-load log read from a jar or a directory (not from the archive, the JDK or a lookup). */
    static Set<String> loadedOutsideTheArchive(Path log) {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(log)) {
            lines.forEach(line -> className(line).ifPresent(names::add));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not read the class-load log %s: %s", log, e.toString());
        }
        return names;
    }

    /** {@code [0.2s][info][class,load] a.B source: file:/x.jar} gives {@code a.B}; any other source gives nothing. */
    static Optional<String> className(String line) {
        int tags = line.indexOf("[class,load] ");
        int source = line.indexOf(" source: ");
        if (tags < 0 || source < tags || !line.startsWith("file:", source + " source: ".length())) {
            return Optional.empty();
        }
        return Optional.of(line.substring(tags + "[class,load] ".length(), source));
    }

    /** Links each class the loader already holds or can load; returns how many it linked. */
    static int link(Iterable<String> names, ClassLoader loader) {
        int linked = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader).getDeclaredConstructors();
                linked++;
            } catch (Throwable notLinkable) { // NOSONAR whatever stops a class linking leaves it out, as the JVM would
                // nothing to do: the archive goes without it
            }
        }
        return linked;
    }
}
