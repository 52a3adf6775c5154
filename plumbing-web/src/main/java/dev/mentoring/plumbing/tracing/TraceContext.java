package dev.mentoring.plumbing.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C Trace Context (a {@code traceparent}, and a {@code tracestate} when there is one) where the platform carries
 * it by hand: from the gateway to the service, in the outbox row (the context of the transaction that wrote it), and
 * in a CloudEvent (the CloudEvents distributed-tracing extension). Never fails on what it reads: a missing or invalid
 * {@code traceparent} just starts a new trace.
 *
 * @param traceparent W3C {@code traceparent}, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}
 * @param tracestate  W3C {@code tracestate}, or null
 */
public record TraceContext(String traceparent, String tracestate) {

    /** The W3C header, CloudEvents extension attribute and outbox column holding the trace and parent span ids. */
    public static final String TRACEPARENT = "traceparent";
    /** The W3C header, CloudEvents extension attribute and outbox column holding vendors' trace state. */
    public static final String TRACESTATE = "tracestate";
    /** The instrumentation scope of the platform's own spans: the relay's publish, a consumer's handling. */
    public static final String INSTRUMENTATION = "dev.mentoring.plumbing";
    /** The longest {@code tracestate} kept (W3C: 32 members; propagators may cut beyond 512 characters). */
    public static final int TRACESTATE_MAX = 512;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of the current span, when there is a valid one (sampled or not). */
    public static Optional<TraceContext> current() {
        return of(Context.current());
    }

    /** The context of the span in {@code context}, when there is a valid one. */
    public static Optional<TraceContext> of(Context context) {
        if (context == null || !Span.fromContext(context).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        String tracestate = carrier.get(TRACESTATE);
        return traceparent == null ? Optional.empty()
                : Optional.of(new TraceContext(traceparent, tracestate == null || tracestate.isEmpty()
                        || tracestate.length() > TRACESTATE_MAX ? null : tracestate));
    }

    /** What a structured CloudEvent carries in its distributed-tracing extension attributes, if anything. */
    public static Optional<TraceContext> in(JsonNode cloudEvent) {
        JsonNode traceparent = cloudEvent == null ? null : cloudEvent.get(TRACEPARENT);
        if (traceparent == null || !traceparent.isTextual()) {
            return Optional.empty();
        }
        JsonNode tracestate = cloudEvent.get(TRACESTATE);
        return Optional.of(new TraceContext(traceparent.asText(), tracestate != null && tracestate.isTextual() ? tracestate.asText() : null));
    }

    /** This context as the parent of a new span; the root context (a new trace) when the traceparent is not valid. */
    public Context asParent() {
        Map<String, String> carrier = new HashMap<>();
        write(carrier::put);
        return W3C.extract(Context.root(), carrier, MAP);
    }

    /** Sets the distributed-tracing extension attributes of a structured CloudEvent (replacing any there). */
    public void writeTo(ObjectNode cloudEvent) {
        cloudEvent.remove(TRACESTATE);
        write(cloudEvent::put);
    }

    /** Writes {@code traceparent}, and {@code tracestate} when there is one, e.g. as headers. */
    public void write(BiConsumer<String, String> to) {
        to.accept(TRACEPARENT, traceparent);
        if (tracestate != null && !tracestate.isEmpty()) {
            to.accept(TRACESTATE, tracestate);
        }
    }
}
