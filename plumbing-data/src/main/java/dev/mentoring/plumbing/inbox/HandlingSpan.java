package dev.mentoring.plumbing.inbox;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mentoring.plumbing.tracing.TraceContext;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

/**
 * A consumer's handling of one event as a CONSUMER span whose parent is the context the CloudEvent carries (the
 * distributed-tracing extension's {@code traceparent}, written by the publishing relay): the request that caused the
 * event, its publish and this handling are one trace. While the handling runs on the message's Vert.x context, the
 * span is current there, so its queries are its children and its log lines carry its ids; it ends with the handling.
 * An event without a (valid) {@code traceparent} starts a trace of its own.
 */
final class HandlingSpan {

    private HandlingSpan() {
    }

    static Uni<Void> around(JsonNode envelope, ReceivedEvent event, Supplier<Uni<Void>> handling) {
        return Uni.createFrom().deferred(() -> {
            Context parent = TraceContext.in(envelope).map(TraceContext::asParent).orElseGet(Context::current);
            Span span = GlobalOpenTelemetry.getTracer(TraceContext.INSTRUMENTATION)
                    .spanBuilder("process " + event.type())
                    .setSpanKind(SpanKind.CONSUMER)
                    .setParent(parent)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.operation.name", "process")
                    .setAttribute("messaging.message.id", event.id().toString())
                    .setAttribute("cloudevents.event_id", event.id().toString())
                    .setAttribute("cloudevents.event_type", event.type())
                    .setAttribute("cloudevents.event_source", envelope.path("source").asText())
                    .setAttribute("cloudevents.event_subject", envelope.path("subject").asText())
                    .startSpan();
            // only on the message's own (duplicated) Vert.x context: there the scope may end on whichever thread
            // the handling ends; a thread-local scope could not
            Scope scope = VertxContext.isOnDuplicatedContext() ? parent.with(span).makeCurrent() : Scope.noop();
            return Uni.createFrom().<Void>deferred(handling::get)
                    .onTermination().invoke((ignored, failure, cancelled) -> {
                        if (failure != null) {
                            span.recordException(failure);
                            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                        }
                        scope.close();
                        span.end();
                    });
        });
    }
}
