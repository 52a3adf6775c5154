package dev.mentoring.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Secret and ConfigMap referred to exists in the overlay, is made by an operator resource of it, or is listed in
 * its required-secrets.txt; every name listed there is explained in docs/deploy.md.
 */
class ReferencedSecretsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void everyReferenceResolves(String overlay) {
        Overlays.assertNone("references of " + overlay, Overlays.CHECKS.references(Overlays.rendered(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void everyHandMadeSecretIsDocumented(String overlay) {
        Overlays.assertNone("required secrets of " + overlay,
                Overlays.CHECKS.requiredSecretsDocumented(Overlays.rendered(overlay), Overlays.deployDoc()));
    }
}
