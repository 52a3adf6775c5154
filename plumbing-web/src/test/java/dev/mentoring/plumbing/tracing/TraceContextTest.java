package dev.mentoring.plumbing.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Context spanOf(TraceFlags flags, TraceState state) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, SPAN, flags, state)));
    }

    @Test
    void theContextOfASpanIsItsTraceparentAndTracestate() {
        TraceContext sampled = TraceContext.of(spanOf(TraceFlags.getSampled(), TraceState.builder().put("vendor", "x1").build())).orElseThrow();
        assertThat(sampled.traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(sampled.tracestate()).isEqualTo("vendor=x1");

        TraceContext unsampled = TraceContext.of(spanOf(TraceFlags.getDefault(), TraceState.getDefault())).orElseThrow();
        assertThat(unsampled.traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-00");
        assertThat(unsampled.tracestate()).isNull();
    }

    @Test
    void noSpanNoContext() {
        assertThat(TraceContext.of(Context.root())).isEmpty();
        assertThat(TraceContext.of(null)).isEmpty();
        assertThat(TraceContext.current()).isEmpty();
    }

    @Test
    void aContextIsTheParentOfTheSpanItNames() {
        SpanContext parent = Span.fromContext(new TraceContext("00-" + TRACE + "-" + SPAN + "-01", "vendor=x1").asParent())
                .getSpanContext();
        assertThat(parent.isValid()).isTrue();
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.getTraceId()).isEqualTo(TRACE);
        assertThat(parent.getSpanId()).isEqualTo(SPAN);
        assertThat(parent.isSampled()).isTrue();
        assertThat(parent.getTraceState().get("vendor")).isEqualTo("x1");
    }

    @Test
    void anInvalidTraceparentStartsANewTraceInsteadOfFailing() {
        for (String invalid : new String[] {"garbage", "", "00-" + "0".repeat(32) + "-" + SPAN + "-01",
                "00-" + TRACE + "-" + "0".repeat(16) + "-01", "00-" + TRACE.toUpperCase() + "-" + SPAN + "-01"}) {
            assertThat(Span.fromContext(new TraceContext(invalid, null).asParent()).getSpanContext().isValid()).as(invalid).isFalse();
        }
    }

    @Test
    void aCloudEventCarriesItInTheDistributedTracingAttributes() {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("tracestate", "stale=1");
        new TraceContext("00-" + TRACE + "-" + SPAN + "-01", null).writeTo(event);
        assertThat(event.get("traceparent").asText()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(event.has("tracestate")).as("a stale tracestate does not outlive its traceparent").isFalse();
        assertThat(TraceContext.in(event)).contains(new TraceContext("00-" + TRACE + "-" + SPAN + "-01", null));

        new TraceContext("00-" + TRACE + "-" + SPAN + "-01", "vendor=x1").writeTo(event);
        assertThat(TraceContext.in(event)).contains(new TraceContext("00-" + TRACE + "-" + SPAN + "-01", "vendor=x1"));
    }

    @Test
    void aCloudEventWithoutOrWithAnOddTraceparentCarriesNone() {
        assertThat(TraceContext.in(JSON.createObjectNode())).isEmpty();
        assertThat(TraceContext.in(JSON.createObjectNode().put("traceparent", 42))).isEmpty();
        assertThat(TraceContext.in(null)).isEmpty();
    }

    @Test
    void writtenAsHeadersOnlyWhatThereIs() {
        Map<String, String> headers = new LinkedHashMap<>();
        new TraceContext("00-" + TRACE + "-" + SPAN + "-01", null).write(headers::put);
        assertThat(headers).containsOnlyKeys("traceparent");
        new TraceContext("00-" + TRACE + "-" + SPAN + "-01", "vendor=x1").write(headers::put);
        assertThat(headers).containsEntry("tracestate", "vendor=x1");
    }
}
