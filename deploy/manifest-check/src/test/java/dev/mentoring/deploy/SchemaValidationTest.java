package dev.mentoring.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document of every overlay is valid against its JSON Schema, strictly (an unknown field fails). */
class SchemaValidationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void everyDocumentIsValidStrictly(String overlay) {
        Overlays.assertNone("schema validation of " + overlay, Overlays.SCHEMAS.validate(Overlays.rendered(overlay)));
    }
}
