package dev.mentoring.plumbing.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;

class ServerSpansTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private static Function<String, String> headers(Map<String, String> headers) {
        return headers::get;
    }

    private static Function<String, String> traceparent(String flags) {
        return headers(Map.of("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-" + flags, "tracestate", "vendor=1"));
    }

    @Test
    void aTraceTheCallerSamplesIsLeftToTheTracer() {
        String[] preset = new String[1];
        assertThat(ServerSpans.unrecorded(traceparent("01"), new TraceSampling(0), preset)).isNull();
        assertThat(preset[0]).as("the caller's trace id comes from its traceparent, not from a preset").isNull();
    }

    @Test
    void aTraceTheCallerDoesNotSampleGoesOnUnrecordedUnderANewSpanId() {
        String[] preset = new String[1];
        SpanContext unrecorded = ServerSpans.unrecorded(traceparent("00"), new TraceSampling(1), preset);
        assertThat(unrecorded.getTraceId()).isEqualTo(TRACE);
        assertThat(unrecorded.getSpanId()).isNotEqualTo(CALLER_SPAN).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
        assertThat(unrecorded.isSampled()).isFalse();
        assertThat(unrecorded.getTraceState().get("vendor")).isEqualTo("1");
        assertThat(preset[0]).isNull();
    }

    @Test
    void aNewTraceIsDecidedOnItsTraceIdAndAKeptOneGetsThatId() {
        String[] preset = new String[1];
        SpanContext dropped = ServerSpans.unrecorded(headers(Map.of()), new TraceSampling(0), preset);
        assertThat(dropped.isValid()).isTrue();
        assertThat(dropped.isSampled()).isFalse();
        assertThat(preset[0]).isNull();

        assertThat(ServerSpans.unrecorded(headers(Map.of("traceparent", "garbage")), new TraceSampling(1), preset))
                .as("an invalid traceparent starts a new trace, kept at ratio 1").isNull();
        assertThat(preset[0]).matches("[0-9a-f]{32}");
    }

    @Test
    void aRatioKeepsThatShareOfNewTracesAndTheSamplerAgreesWithEachDecision() {
        TraceSampling tenth = new TraceSampling(0.1);
        int kept = 0;
        for (int i = 0; i < 20_000; i++) {
            String[] preset = new String[1];
            SpanContext unrecorded = ServerSpans.unrecorded(headers(Map.of()), tenth, preset);
            String traceId = unrecorded == null ? preset[0] : unrecorded.getTraceId();
            boolean sampledAgain = tenth.shouldSample(io.opentelemetry.context.Context.root(), traceId, "span",
                    io.opentelemetry.api.trace.SpanKind.SERVER, io.opentelemetry.api.common.Attributes.empty(), java.util.List.of())
                    .getDecision() == io.opentelemetry.sdk.trace.samplers.SamplingDecision.RECORD_AND_SAMPLE;
            assertThat(sampledAgain).as("the tracer, asked about the same trace id, decides alike").isEqualTo(unrecorded == null);
            kept += unrecorded == null ? 1 : 0;
        }
        assertThat(kept).as("about a tenth of 20,000 new traces").isBetween(1_700, 2_300);
    }

    @Test
    void aPresetTraceIdIsUsedOnceOnItsThread() {
        PresetTraceIds ids = new PresetTraceIds();
        String first = PresetTraceIds.withNextTraceId(TRACE, () -> ids.generateTraceId() + " " + ids.generateTraceId());
        assertThat(first).startsWith(TRACE + " ").doesNotEndWith(TRACE);
        assertThat(ids.generateTraceId()).isNotEqualTo(TRACE).matches("[0-9a-f]{32}");
    }
}
