package dev.mentoring.plumbing.queries;

import java.util.function.BiConsumer;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.mentoring.plumbing.tracing.TracerInFront;
import io.opentelemetry.api.trace.Span;
import io.quarkus.opentelemetry.runtime.QuarkusContextStorage;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.sqlclient.impl.tracing.QueryRequest;

/**
 * A query's span is started only inside a recorded trace. The OpenTelemetry extension's Vert.x tracer builds every
 * query's span (its attributes, the statement sanitised, the sampler asked) before the sampler drops it with its
 * unrecorded parent: a fifth of a read's CPU when a tenth of the traces are kept (docs/operations.md). The sampler
 * ({@code TraceSampling}) follows the parent, so a query whose parent is not recorded would never be recorded either:
 * this asks the parent first and hands only the others on, unchanged. Everything else (server spans, HTTP clients)
 * goes to the extension's tracer as before.
 */
@Singleton
public class QuerySpans {

    /** Puts the query check in front of the extension's tracer, once the application has started (no tracer: nothing). */
    void install(@Observes StartupEvent started) {
        TracerInFront.install(InRecordedTraces.class, InRecordedTraces::new);
    }

    /** Whether a span started on this Vert.x context now would have a recorded parent. */
    static boolean recorded(Context context) {
        io.opentelemetry.context.Context parent = context == null ? null : QuarkusContextStorage.getOtelContext(context);
        if (parent == null) {
            parent = io.opentelemetry.context.Context.current();
        }
        return Span.fromContext(parent).getSpanContext().isSampled();
    }

    /** The extension's tracer, asked about a query only when its span would be recorded. */
    @SuppressWarnings("unchecked")
    static final class InRecordedTraces extends TracerInFront {

        InRecordedTraces(VertxTracer<?, ?> traced) {
            super(traced);
        }

        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
            if (request instanceof QueryRequest && !recorded(context)) {
                return null; // no span: the answer's receiveResponse gets null and ends nothing
            }
            return traced.sendRequest(context, kind, policy, request, operation, headers, tagExtractor);
        }

        @Override
        public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tagExtractor) {
            if (payload != null) {
                traced.receiveResponse(context, response, payload, failure, tagExtractor);
            }
        }
    }
}
