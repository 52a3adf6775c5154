package dev.mentoring.plumbing.kafka;

import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;

/**
 * The connection the service's channels use to reach Kafka (bootstrap servers, TLS, SASL), for a client the service
 * makes itself (an admin client, a consumer that lists dead letters): from the {@code default-kafka-broker} settings,
 * then every {@code kafka.*} setting (which {@code KAFKA_*} environment variables set too).
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    public static Properties of(Config config, Instance<Map<String, Object>> broker) {
        Properties kafka = new Properties();
        if (broker.isResolvable()) {
            broker.get().forEach((name, value) -> {
                if (value != null) {
                    kafka.put(name, String.valueOf(value));
                }
            });
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !kafka.containsKey(name.substring("kafka.".length()))) {
                config.getOptionalValue(name, String.class).ifPresent(value -> kafka.put(name.substring("kafka.".length()), value));
            }
        }
        return kafka;
    }
}
