package dev.mentoring.plumbing.tracing;

import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * The trace and span ids of new spans (the OpenTelemetry extension takes this bean as its id generator): random, as the
 * SDK's own, except the trace id {@link ServerSpans} drew for a request and had the sampler keep, which the request's
 * server span then gets, so that the span is recorded exactly when that decision said so.
 */
@Singleton
public class PresetTraceIds implements IdGenerator {

    /** The trace id the next new trace on this thread gets, while {@link #withNextTraceId} runs. */
    private static final ThreadLocal<String> NEXT = new ThreadLocal<>();

    private static final IdGenerator RANDOM = IdGenerator.random();

    /** Runs {@code work}, in which the first new trace started on this thread gets {@code traceId}. */
    public static <T> T withNextTraceId(String traceId, Supplier<T> work) {
        NEXT.set(traceId);
        try {
            return work.get();
        } finally {
            NEXT.remove();
        }
    }

    @Override
    public String generateSpanId() {
        return RANDOM.generateSpanId();
    }

    @Override
    public String generateTraceId() {
        String preset = NEXT.get();
        if (preset != null) {
            NEXT.remove();
            return preset;
        }
        return RANDOM.generateTraceId();
    }
}
