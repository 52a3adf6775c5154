package dev.mentoring.plumbing.testing;

import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to a topic the way another service would, for consumer tests: records as given, or structured
 * CloudEvents made here. One producer per test JVM; each send waits for the broker's acknowledgement.
 */
public final class TopicWriter {

    private static KafkaProducer<String, String> producer;

    private TopicWriter() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    /**
     * A record with headers (e.g. a dead letter as the consumers' dead-letter strategy writes it); answers where it went,
     * "partition-offset" (the key chooses the partition: an offset alone names a record only with the partition).
     */
    public static String send(String topic, String key, String value, java.util.Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            org.apache.kafka.clients.producer.RecordMetadata sent = producer().send(record).get();
            return sent.partition() + "-" + sent.offset();
        } catch (Exception e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    /** A structured CloudEvent 1.0 with a new id, as the platform's services publish them. */
    public static String cloudEvent(String type, String tenant, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/mentoring/test","type":"%s","subject":"x","time":"%s",
                 "datacontenttype":"application/json","tenant":"%s","data":%s}"""
                .formatted(UUID.randomUUID(), type, OffsetDateTime.now(), tenant, data);
    }
}
