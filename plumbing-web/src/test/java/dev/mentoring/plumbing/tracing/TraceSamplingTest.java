package dev.mentoring.plumbing.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

class TraceSamplingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private final TraceSampling sampling = new TraceSampling();

    private SamplingDecision decide(Context parent, SpanKind kind) {
        return sampling.shouldSample(parent, TRACE, "span", kind, Attributes.empty(), List.of()).getDecision();
    }

    private static Context parent(TraceFlags flags) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7", flags, TraceState.getDefault())));
    }

    @Test
    void aCallOutsideAnyTraceIsNotRecorded() {
        assertThat(decide(Context.root(), SpanKind.CLIENT)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void everythingElseStartsOrFollowsATrace() {
        for (SpanKind kind : List.of(SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER, SpanKind.INTERNAL)) {
            assertThat(decide(Context.root(), kind)).as("a new %s span", kind).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        }
        for (SpanKind kind : SpanKind.values()) {
            assertThat(decide(parent(TraceFlags.getSampled()), kind)).as("%s in a sampled trace", kind)
                    .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
            assertThat(decide(parent(TraceFlags.getDefault()), kind)).as("%s in a trace the caller does not sample", kind)
                    .isEqualTo(SamplingDecision.DROP);
        }
    }
}
