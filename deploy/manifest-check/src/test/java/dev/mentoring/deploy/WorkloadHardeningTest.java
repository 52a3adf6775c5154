package dev.mentoring.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Deployment has its probes, resources and restrictive securityContext; in production each also has an HPA, a
 * PDB and a NetworkPolicy.
 */
class WorkloadHardeningTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void everyDeploymentIsHardened(String overlay) {
        Overlays.assertNone("hardening of " + overlay, Overlays.CHECKS.hardening(Overlays.rendered(overlay)));
    }
}
