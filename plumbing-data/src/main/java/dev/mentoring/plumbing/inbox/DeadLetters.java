package dev.mentoring.plumbing.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Counts the events a consumer gave up on, by the topic they were read from
 * ({@code mentoring_events_dead_lettered_total{topic}}). Every incoming channel of the services sends what it cannot
 * handle to its dead-letter topic ({@code failure-strategy=dead-letter-queue}), so a nack is a dead letter; it is
 * counted once the dead-letter topic took it (a nack that fails is the channel failing, not a dead letter). The
 * counters of the topics the service reads start at 0, so that the first dead letter shows as an increase.
 * Applies to every incoming channel (an interceptor without an identifier).
 */
@ApplicationScoped
@Startup
public class DeadLetters implements IncomingInterceptor {

    static final String NAME = "mentoring.events.dead.lettered";
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    DeadLetters(MeterRegistry registry, Config config) {
        this.registry = registry;
        for (String name : config.getPropertyNames()) {
            Matcher channel = INCOMING_TOPIC.matcher(name);
            if (channel.matches() && "dead-letter-queue".equals(config.getOptionalValue(
                    "mp.messaging.incoming." + channel.group(1) + ".failure-strategy", String.class).orElse(null))) {
                config.getOptionalValue(name, String.class).ifPresent(topics -> {
                    for (String topic : topics.split(",")) {
                        if (!topic.isBlank()) {
                            counter(topic.trim());
                        }
                    }
                });
            }
        }
    }

    @Override
    public void onMessageAck(Message<?> message) {
        // handled: nothing to count
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        counter(topic).increment();
        Log.debugf("Event from %s dead-lettered: %s", topic, failure.getMessage());
    }

    private Counter counter(String topic) {
        return counters.computeIfAbsent(topic, t -> Counter.builder(NAME).tag("topic", t)
                .description("Events sent to the dead-letter topic, by the topic they were read from").register(registry));
    }
}
