package dev.mentoring.plumbing.tracing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.quarkus.opentelemetry.runtime.QuarkusContextStorage;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

/**
 * A request's server span is built only when its trace is recorded. The OpenTelemetry extension's Vert.x tracer builds
 * every request's span (the {@code traceparent} extracted, the URL parsed twice, a dozen attributes, the sampler asked)
 * and only then learns that the sampler drops it: nine requests in ten where a tenth of the traces are kept, a tenth of a
 * read's CPU (docs/operations.md, Traces). This decides first, as the sampler ({@link TraceSampling}) would:
 * <ul>
 * <li>a caller's valid {@code traceparent} that is not sampled: the request runs in that trace, unrecorded, under a new
 * span id, as the sampler would have left it, and nothing else is built;</li>
 * <li>no valid {@code traceparent}: a new trace id is drawn and the sampler asked about it (the ratio is decided on the
 * trace id); dropped, the request runs in that new trace unrecorded; kept, the extension builds the span as before, with
 * this very trace id ({@link PresetTraceIds}), so the decision it makes is the same one;</li>
 * <li>a sampled {@code traceparent}: the extension, as before.</li>
 * </ul>
 * Either way the request's Vert.x context holds its trace, so log lines carry its trace id and the calls it makes (the
 * gateway's to a service) carry its {@code traceparent} and decision on. Nothing but HTTP server requests is touched.
 */
@Singleton
public class ServerSpans {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Function<String, String>> HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private final TraceSampling sampling;

    ServerSpans(TraceSampling sampling) {
        this.sampling = sampling;
    }

    /** Puts the decision in front of the extension's tracer, once the application has started (no tracer: nothing). */
    void install(@Observes StartupEvent started) {
        TracerInFront.install(RecordedOnly.class, traced -> new RecordedOnly(traced, sampling));
    }

    /** Whether the running tracer decides first (the services' contract test checks it). */
    public static boolean installed() {
        return TracerInFront.installed(RecordedOnly.class);
    }

    /**
     * The unrecorded span a request with this {@code traceparent} header runs under, or null when its span is recorded
     * (the caller samples the trace, or a new trace the sampler keeps: {@code presetTraceId} then holds its id).
     */
    static SpanContext unrecorded(Function<String, String> header, TraceSampling sampling, String[] presetTraceId) {
        IdGenerator ids = IdGenerator.random();
        SpanContext parent = Span.fromContext(W3C.extract(io.opentelemetry.context.Context.root(), header, HEADER)).getSpanContext();
        if (parent.isValid()) {
            return parent.isSampled() ? null
                    : SpanContext.create(parent.getTraceId(), ids.generateSpanId(), TraceFlags.getDefault(), parent.getTraceState());
        }
        String traceId = ids.generateTraceId();
        SamplingDecision decision = sampling.shouldSample(io.opentelemetry.context.Context.root(), traceId, "",
                io.opentelemetry.api.trace.SpanKind.SERVER, Attributes.empty(), List.of()).getDecision();
        if (decision == SamplingDecision.DROP) {
            return SpanContext.create(traceId, ids.generateSpanId(), TraceFlags.getDefault(), TraceState.getDefault());
        }
        presetTraceId[0] = traceId;
        return null;
    }

    /** What an unrecorded request's response ends: its context's scope. */
    private record Unrecorded(Scope scope) {
    }

    /** The extension's tracer, asked about an HTTP server request only when its span is recorded. */
    @SuppressWarnings("unchecked")
    static final class RecordedOnly extends TracerInFront {

        private final TraceSampling sampling;

        RecordedOnly(VertxTracer<?, ?> traced, TraceSampling sampling) {
            super(traced);
            this.sampling = sampling;
        }

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
            if (policy == TracingPolicy.IGNORE || !(request instanceof HttpServerRequest http)) {
                return traced.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
            }
            String[] preset = new String[1];
            SpanContext unrecorded = unrecorded(http::getHeader, sampling, preset);
            if (unrecorded != null) {
                return new Unrecorded(QuarkusContextStorage.INSTANCE.attach(context,
                        io.opentelemetry.context.Context.root().with(Span.wrap(unrecorded))));
            }
            if (preset[0] == null) {
                return traced.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
            }
            return PresetTraceIds.withNextTraceId(preset[0],
                    () -> traced.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor));
        }

        @Override
        public <R> void sendResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tagExtractor) {
            if (payload instanceof Unrecorded unrecorded) {
                unrecorded.scope().close();
            } else {
                traced.sendResponse(context, response, payload, failure, tagExtractor);
            }
        }
    }
}
