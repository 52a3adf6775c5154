package dev.mentoring.plumbing.tracing;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.quarkus.opentelemetry.runtime.tracing.instrumentation.InstrumentationRecorder;
import io.quarkus.opentelemetry.runtime.tracing.instrumentation.vertx.OpenTelemetryVertxTracingFactory.VertxDelegator;
import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;

/**
 * A tracer put in front of the OpenTelemetry extension's Vert.x tracer, which hands everything on unchanged except what
 * it overrides: plumbing-web's {@link ServerSpans} (a request's span decided first) and plumbing-data's
 * {@code QuerySpans} (a query's span only inside a recorded trace). Each is installed once the application has started;
 * they chain, in whichever order they come.
 */
@SuppressWarnings({ "unchecked", "rawtypes" })
public abstract class TracerInFront implements VertxTracer<Object, Object> {

    /** The tracer behind this one. */
    protected final VertxTracer traced;

    protected TracerInFront(VertxTracer<?, ?> traced) {
        this.traced = traced;
    }

    /** Puts the tracer {@code wrap} makes in front of the running one, unless one of {@code type} is there (no tracer: nothing). */
    public static void install(Class<? extends TracerInFront> type, Function<VertxTracer<?, ?>, TracerInFront> wrap) {
        VertxDelegator delegator = InstrumentationRecorder.FACTORY.getVertxTracerDelegator();
        VertxTracer<?, ?> running = delegator.getDelegate();
        if (running != null && !in(running, type)) {
            delegator.setDelegate(wrap.apply(running));
        }
    }

    /** Whether a tracer of {@code type} is in front of the extension's now (the services' contract tests check it). */
    public static boolean installed(Class<? extends TracerInFront> type) {
        return in(InstrumentationRecorder.FACTORY.getVertxTracerDelegator().getDelegate(), type);
    }

    private static boolean in(VertxTracer<?, ?> tracer, Class<? extends TracerInFront> type) {
        for (VertxTracer<?, ?> at = tracer; at instanceof TracerInFront inFront; at = inFront.traced) {
            if (type.isInstance(at)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
            Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
        return traced.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
    }

    @Override
    public <R> void sendResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tagExtractor) {
        traced.sendResponse(context, response, payload, failure, tagExtractor);
    }

    @Override
    public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
            BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
        return traced.sendRequest(context, kind, policy, request, operation, headers, tagExtractor);
    }

    @Override
    public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure, TagExtractor<R> tagExtractor) {
        traced.receiveResponse(context, response, payload, failure, tagExtractor);
    }

    @Override
    public void close() {
        traced.close();
    }
}
