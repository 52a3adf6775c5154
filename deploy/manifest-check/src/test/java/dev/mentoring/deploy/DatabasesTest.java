package dev.mentoring.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every service with a datasource has its database, owned by its role, and connects to it. */
class DatabasesTest {

    @Test
    void productionRunsPostgres() {
        assertThat(Overlays.rendered(CrossChecks.PRODUCTION).has("Cluster")).as("the production overlay has a CloudNativePG Cluster").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void everyServiceHasItsDatabase(String overlay) {
        Overlays.assertNone("databases of " + overlay, Overlays.CHECKS.databases(Overlays.rendered(overlay)));
    }
}
