package dev.mentoring.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hosts, ports and files the configuration names exist in the overlay, and each service's address of another
 * service (the gateway's routes) reaches that service.
 */
class AddressesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void everyAddressReachesWhatItMeans(String overlay) {
        Overlays.assertNone("addresses of " + overlay, Overlays.CHECKS.addresses(Overlays.rendered(overlay)));
    }
}
