package dev.mentoring.plumbing.outbox;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.mentoring.plumbing.tracing.TraceContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends one structured CloudEvent to Kafka through the relay's channel (idempotent producer,
 * {@code acks=all}); the answer completes when the broker acknowledged it. A bean of its own so that the
 * relay starts even before the messaging channel is wired: the first pass then just finds it not ready.
 */
@ApplicationScoped
public class OutboxSender {

    /** The channel the relay sends through; configured in the plumbing's microprofile-config.properties. */
    public static final String CHANNEL = "outbox-relay";

    private final MutinyEmitter<String> emitter;

    OutboxSender(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends the CloudEvent; {@code trace} (the publish span's context, or null) also goes as W3C headers. */
    public Uni<Void> send(String topic, String key, String cloudEvent, TraceContext trace) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (trace != null) {
            trace.write((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        return emitter.sendMessage(Message.of(cloudEvent).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(key)
                        .withHeaders(headers)
                        .build()));
    }
}
