package dev.mentoring.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Services, HPAs, PDBs, NetworkPolicies, monitors and probes select and target what the overlay has. */
class SelectorsAndPortsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void selectorsAndPortsMatch(String overlay) {
        Overlays.assertNone("selectors and ports of " + overlay, Overlays.CHECKS.selectorsAndPorts(Overlays.rendered(overlay)));
    }
}
