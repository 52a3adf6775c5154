package dev.mentoring.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Topics and KafkaUsers match what the code produces and consumes (overlays that run a Kafka). */
class KafkaTopologyTest {

    @Test
    void productionRunsKafka() {
        assertThat(Overlays.rendered(CrossChecks.PRODUCTION).has("Kafka")).as("the production overlay has a Strimzi Kafka").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mentoring.deploy.Overlays#names")
    void topicsAndAclsMatchTheCode(String overlay) {
        Overlays.assertNone("Kafka of " + overlay, Overlays.CHECKS.kafka(Overlays.rendered(overlay)));
    }
}
