package dev.mentoring.plumbing.inbox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.contracts.CheckedPayload;
import dev.mentoring.contracts.EventType;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The one way a consumer handles what it reads: event type to handler. For each received CloudEvent it reads the
 * envelope, picks the handler by the contract's type, reads the data as the contract's payload record (a payload that
 * says it is {@link CheckedPayload#unusable() unusable} is refused), and runs the handler under {@link Redelivery}.
 * An unreadable or unusable event fails at once, so the channel's dead-letter strategy takes it with the reason; a
 * type without a handler is skipped (consumers ignore what they do not need, new types included). A handled event is a
 * CONSUMER span in the trace its CloudEvent carries ({@code traceparent}), see {@link HandlingSpan}.
 */
public final class EventDispatch {

    /** A handler of one payload type: runs the consumer's use case for the event, in its own transaction. */
    @FunctionalInterface
    public interface Handler<T> extends BiFunction<ReceivedEvent, T, Uni<Void>> {
    }

    private record Route<T>(EventType<T> type, Handler<T> handler) {

        Uni<Void> handle(ObjectMapper json, JsonNode envelope, ReceivedEvent event) {
            return ReceivedEvent.data(json, envelope, event, type.payload()).chain(data -> {
                if (data instanceof CheckedPayload checked && checked.unusable().isPresent()) {
                    return Uni.createFrom().failure(new IllegalArgumentException(event.type() + ": " + checked.unusable().get()));
                }
                return Redelivery.handle(event, () -> handler.apply(event, data));
            });
        }
    }

    /** An event as it was read, for a consumer that forwards every type as it is ({@link Builder#onEveryType}). */
    public record RawEvent(JsonNode envelope, String text) {

        /** A CloudEvents attribute (or extension attribute) as text, or null. */
        public String attribute(String name) {
            JsonNode value = envelope.get(name);
            return value == null || !value.isTextual() ? null : value.asText();
        }
    }

    private final ObjectMapper json;
    private final Map<String, Route<?>> routes;
    private final Handler<RawEvent> everyType;

    private EventDispatch(ObjectMapper json, Map<String, Route<?>> routes, Handler<RawEvent> everyType) {
        this.json = json;
        this.routes = Map.copyOf(routes);
        this.everyType = everyType;
    }

    public static Builder with(ObjectMapper json) {
        return new Builder(json);
    }

    /** Handles one CloudEvent as read from the topic. */
    public Uni<Void> dispatch(String cloudEvent) {
        return ReceivedEvent.envelope(json, cloudEvent).chain(envelope -> {
            ReceivedEvent event = ReceivedEvent.of(envelope);
            Route<?> route = routes.get(event.type());
            if (route == null && everyType != null) {
                return HandlingSpan.around(envelope, event,
                        () -> Redelivery.handle(event, () -> everyType.apply(event, new RawEvent(envelope, cloudEvent))));
            }
            if (route == null) {
                Log.debugf("No handler for event type %s, skipped", event.type());
                return Uni.createFrom().voidItem();
            }
            return HandlingSpan.around(envelope, event, () -> route.handle(json, envelope, event));
        });
    }

    /** The event types this dispatch handles. */
    public Collection<String> handledTypes() {
        return routes.keySet();
    }

    /** Collects the routes of one consumer. */
    public static final class Builder {

        private final ObjectMapper json;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();
        private Handler<RawEvent> everyType;

        private Builder(ObjectMapper json) {
            this.json = json;
        }

        public <T> Builder on(EventType<T> type, Handler<T> handler) {
            if (routes.putIfAbsent(type.name(), new Route<>(type, handler)) != null) {
                throw new IllegalStateException("two handlers for " + type.name());
            }
            return this;
        }

        /** One handler for several types that carry the same payload. */
        public <T> Builder on(List<EventType<T>> types, Handler<T> handler) {
            types.forEach(type -> on(type, handler));
            return this;
        }

        /**
         * One handler for every type without a route of its own, known to the contract or not, given the event as it
         * was read (its data is not read: a forwarder passes it on as it is).
         */
        public Builder onEveryType(Handler<RawEvent> handler) {
            this.everyType = handler;
            return this;
        }

        public EventDispatch build() {
            return new EventDispatch(json, routes, everyType);
        }
    }
}
