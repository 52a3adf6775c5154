package dev.mentoring.plumbing.tracing;

import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Which spans are recorded (the OpenTelemetry extension takes this bean as its sampler): parent-based, always on, so
 * a request, an event and a publish are traced whole, and a caller's unsampled {@code traceparent} is followed; except
 * a call made outside any trace. A client span without a parent (a database query of the outbox relay, which polls
 * every second, or of a job claiming rows; the realm's keys fetched) is not recorded, so that the traces show requests
 * and events rather than polling. The relay's publish of an event without a trace still starts one (a producer span).
 * <p>
 * A trace started here (no caller's {@code traceparent}) is recorded with the probability
 * {@code mentoring.tracing.ratio} (1: every one; production keeps a tenth, see docs/operations.md), decided on the trace
 * id, so every service of one trace decides alike; the services follow the gateway's decision in the
 * {@code traceparent}. Log lines carry the trace id either way.
 */
@Singleton
public class TraceSampling implements Sampler {

    private final Sampler parentBased;
    private final double ratio;

    TraceSampling(@ConfigProperty(name = "mentoring.tracing.ratio", defaultValue = "1") double ratio) {
        this.ratio = Math.max(0, Math.min(1, ratio));
        this.parentBased = Sampler.parentBased(this.ratio >= 1 ? Sampler.alwaysOn() : Sampler.traceIdRatioBased(this.ratio));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return parentBased.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return (ratio >= 1 ? "ParentBased{AlwaysOn}" : "ParentBased{TraceIdRatioBased{" + ratio + "}}")
                + ", client calls outside a trace dropped";
    }
}
