package dev.mentoring.plumbing.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.sqlclient.impl.tracing.QueryRequest;

/** A query reaches the extension's tracer only with a recorded parent; every other request as before. */
class QuerySpansTest {

    /** What the extension's tracer was asked, and a payload for each request it was handed. */
    static final class Asked implements VertxTracer<Object, Object> {
        final List<String> calls = new ArrayList<>();

        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
            calls.add("send " + operation);
            return "span of " + operation;
        }

        @Override
        public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tagExtractor) {
            calls.add("receive " + payload);
        }
    }

    private final Asked asked = new Asked();
    private final QuerySpans.InRecordedTraces tracer = new QuerySpans.InRecordedTraces(asked);
    private final QueryRequest query = new QueryRequest(null, "select 1", List.of());

    private static Scope parent(TraceFlags flags) {
        return Span.wrap(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", flags, TraceState.getDefault()))
                .makeCurrent();
    }

    private Object queried() {
        Object payload = tracer.sendRequest(null, SpanKind.RPC, TracingPolicy.PROPAGATE, query, "Query", (k, v) -> { },
                TagExtractor.empty());
        tracer.receiveResponse(null, null, payload, null, TagExtractor.empty());
        return payload;
    }

    @Test
    void aQueryInARecordedTraceIsTraced() {
        try (Scope recorded = parent(TraceFlags.getSampled())) {
            assertEquals("span of Query", queried());
        }
        assertEquals(List.of("send Query", "receive span of Query"), asked.calls);
    }

    @Test
    void aQueryInAnUnrecordedTraceOrNoneIsNot() {
        try (Scope unrecorded = parent(TraceFlags.getDefault())) {
            assertNull(queried());
        }
        assertNull(queried());
        assertEquals(List.of(), asked.calls);
    }

    @Test
    void otherRequestsGoToTheTracerAsBefore() {
        Object payload = tracer.sendRequest(null, SpanKind.RPC, TracingPolicy.PROPAGATE, Map.of("http", "request"), "GET",
                (k, v) -> { }, TagExtractor.empty());
        tracer.receiveResponse(null, null, payload, null, TagExtractor.empty());
        assertEquals(List.of("send GET", "receive span of GET"), asked.calls);
    }
}
