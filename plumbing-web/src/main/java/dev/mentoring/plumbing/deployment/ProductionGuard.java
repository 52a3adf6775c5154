package dev.mentoring.plumbing.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start a production run (any profile but {@code local}, {@code dev} and {@code test}) that uses a secret
 * committed in the source tree: the local note key, the local database passwords, the demo realm's client secrets.
 * Every deployment sets its own from Secrets (docs/deploy.md).
 */
@ApplicationScoped
public class ProductionGuard {

    /** Profiles in which the committed demo secrets are what the run is meant to use. */
    static final Set<String> DEMO_PROFILES = Set.of("local", "dev", "test");

    private static final List<String> PACKAGED_FILES = List.of("application.properties",
            "META-INF/microprofile-config.properties");

    private final Config config;

    ProductionGuard(Config config) {
        this.config = config;
    }

    /** Whether this run is a local, dev or test one (else it is a production run). */
    public static boolean demoRun() {
        return ConfigUtils.getProfiles().stream().anyMatch(DEMO_PROFILES::contains);
    }

    void refuseDemoSecrets(@Observes @Priority(1) StartupEvent started) {
        if (demoRun()) {
            return;
        }
        Map<String, String> effective = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (DemoSecrets.isSecret(name)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> effective.put(name, value));
            }
        }
        List<String> demo = DemoSecrets.demoSecretsIn(effective, DemoSecrets.committedValues(packagedFiles()));
        if (!demo.isEmpty()) {
            throw new IllegalStateException("refusing to start in production with the local demo secrets of " + demo
                    + ": set them from Secrets (docs/deploy.md), or run with QUARKUS_PROFILE=local on a developer machine");
        }
    }

    private static List<Properties> packagedFiles() {
        List<Properties> files = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (String name : PACKAGED_FILES) {
                for (URL url : Collections.list(loader.getResources(name))) {
                    Properties file = new Properties();
                    try (InputStream in = url.openStream()) {
                        file.load(in);
                    }
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the packaged configuration cannot be read", e);
        }
        return files;
    }
}
