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
    private final TraceSampling sampling = new TraceSampling(1);

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

    @Test
    void aRatioRecordsThatShareOfNewTracesDecidedOnTheTraceIdAndFollowsCallersWhole() {
        TraceSampling tenth = new TraceSampling(0.1);
        java.util.Random random = new java.util.Random(7);
        int recorded = 0;
        for (int i = 0; i < 20_000; i++) {
            String trace = String.format("%016x%016x", random.nextLong(), random.nextLong());
            SamplingDecision first = tenth.shouldSample(Context.root(), trace, "span", SpanKind.SERVER, Attributes.empty(), List.of())
                    .getDecision();
            SamplingDecision again = tenth.shouldSample(Context.root(), trace, "span", SpanKind.PRODUCER, Attributes.empty(), List.of())
                    .getDecision();
            assertThat(again).as("the same trace id, the same decision (every service of a trace decides alike)").isEqualTo(first);
            recorded += first == SamplingDecision.RECORD_AND_SAMPLE ? 1 : 0;
        }
        assertThat(recorded).as("about a tenth of 20,000 new traces").isBetween(1_700, 2_300);
        for (SpanKind kind : SpanKind.values()) {
            assertThat(tenth.shouldSample(parent(TraceFlags.getSampled()), TRACE, "span", kind, Attributes.empty(), List.of())
                    .getDecision()).as("%s in a trace the caller samples", kind).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        }
        assertThat(tenth.getDescription()).contains("TraceIdRatioBased{0.1}");
    }
}
