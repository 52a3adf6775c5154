package dev.mentoring.plumbing.outbox;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.mentoring.contracts.EventCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.OutgoingInterceptor;

/**
 * Counts the events this service published, by CloudEvents type ({@code mentoring_events_published_total{type}}): the
 * business figures (requests made and accepted, partnerships started and ended, sessions held, feedback given) are
 * these counts. Counted when Kafka acknowledged the relay's send, not when the outbox row was appended: an appended
 * row counts only once its transaction committed, and the acknowledgement is what consumers and analytics see. A row
 * sent again after a crash between the acknowledgement and its mark counts again (delivery is at least once).
 * Types outside the contract's catalog count as {@code other}, so the tag stays bounded.
 */
@ApplicationScoped
@Identifier(OutboxSender.CHANNEL)
public class PublishedEvents implements OutgoingInterceptor {

    static final String NAME = "mentoring.events.published";
    static final String OTHER = "other";
    private static final JsonFactory JSON = new JsonFactory();

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    PublishedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onMessageAck(Message<?> message) {
        counter(message.getPayload() instanceof String cloudEvent ? type(cloudEvent) : OTHER).increment();
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        // the relay counts failed sends (mentoring_outbox_send_failures_total); the row is sent again
    }

    private Counter counter(String type) {
        return counters.computeIfAbsent(type, t -> Counter.builder(NAME).tag("type", t)
                .description("Events published to Kafka (acknowledged), by CloudEvents type").register(registry));
    }

    /** The CloudEvent's {@code type} when the contract knows it, else {@code other}; reads no further than needed. */
    static String type(String cloudEvent) {
        try (JsonParser parser = JSON.createParser(cloudEvent)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return OTHER;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    String type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    return type != null && EventCatalog.named(type).isPresent() ? type : OTHER;
                }
                parser.skipChildren();
            }
            return OTHER;
        } catch (IOException e) {
            return OTHER;
        }
    }
}
