package dev.mentoring.deploy;

import org.junit.jupiter.api.Test;

/** The production realm has no users, no password-grant or test client and no demo secret. */
class ProductionRealmTest {

    @Test
    void theProductionRealmIsClean() {
        Overlays.assertNone("production realm", Overlays.CHECKS.productionRealm(Overlays.rendered(CrossChecks.PRODUCTION)));
    }
}
