package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mentoring.e2e.OtlpReceiver.ReceivedSpan;
import dev.mentoring.plumbing.testing.TopicReader;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;

/**
 * One trace from a client through the gateway, matching-service and its database, the outbox and the relay's publish
 * to Kafka, and on into both consumers (session-service and feedback-service), their queries included. The test is
 * the collector: {@link OtlpReceiver} listens where the platform's services export (OTLP/HTTP). It sends a profile PUT
 * with a traceparent of its own and finds its trace id in every hop's spans, each the child of the hop before.
 */
class TraceScenarioTest {

    private static final String ME = "/api/v1/matching/participants/me";
    private static final String TOPIC = "mentoring.participant.v1";
    private static final Set<String> CONSUMERS = Set.of("session-service", "feedback-service");

    @Test
    void aRequestsTraceIdIsFoundInEveryHopDownToTheConsumersSpans() throws Exception {
        String traceId = hex(16);
        String clientSpanId = hex(8);
        try (OtlpReceiver receiver = OtlpReceiver.start(); TopicReader events = new TopicReader(Platform.KAFKA, TOPIC)) {
            String id = Platform.as("acme-mentee1").header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                    .contentType(ContentType.JSON)
                    .body("{\"displayName\":\"Anna Nielsen " + UUID.randomUUID().toString().substring(0, 6)
                            + "\",\"timeZone\":\"Europe/Copenhagen\",\"languages\":[\"da\",\"en\"]}")
                    .put(ME).then().statusCode(Matchers.oneOf(200, 201)).extract().path("id");

            // the event carries the trace: the CloudEvents distributed-tracing extension, and the Kafka header with it
            ConsumerRecord<String, String> record = events.await(r -> id.equals(r.key())
                    && CloudEvents.read(r).path("traceparent").asText().contains(traceId), Duration.ofSeconds(30));
            assertThat(record).as("participant.updated of %s with the request's trace id", id).isNotNull();
            JsonNode event = CloudEvents.assertValid(record);
            assertThat(TopicReader.header(record, "traceparent")).isEqualTo(event.get("traceparent").asText());

            // every process exports on its own schedule: the relay's publish span may arrive after its consumers' spans
            List<ReceivedSpan> trace = receiver.awaitTrace(traceId, spans -> gatewaySpan(spans, clientSpanId)
                    .flatMap(gateway -> serviceSpan(spans, gateway)).isPresent()
                    && publishSpan(spans).isPresent()
                    && CONSUMERS.stream().allMatch(consumer -> consumerSpan(spans, consumer)
                            .flatMap(handling -> queryOf(spans, consumer, handling)).isPresent()),
                    Duration.ofSeconds(60));
            String spans = trace.stream().map(ReceivedSpan::toString).collect(Collectors.joining("\n  ", "\n  ", ""));

            ReceivedSpan gateway = gatewaySpan(trace, clientSpanId).orElseThrow(() -> new AssertionError(
                    "no gateway server span continuing the client's span " + clientSpanId + " in" + spans));
            ReceivedSpan service = serviceSpan(trace, gateway).orElseThrow(() -> new AssertionError(
                    "no matching-service server span under the gateway's span in" + spans));
            Set<String> matchingSpans = trace.stream().filter(span -> span.service().equals("matching-service"))
                    .map(ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).as("a query of matching-service's in the request's trace:%s", spans)
                    .anyMatch(span -> span.isA("matching-service", SpanKind.SPAN_KIND_CLIENT) && isQuery(span)
                            && matchingSpans.contains(span.parentSpanId()));
            ReceivedSpan publish = publishSpan(trace).orElseThrow(() -> new AssertionError("no publish span of the relay's in" + spans));
            assertThat(matchingSpans).as("the publish is a child of the request's spans:%s", spans).contains(publish.parentSpanId());
            assertThat(publish.attributes()).containsEntry("cloudevents.event_id", event.get("id").asText())
                    .containsEntry("cloudevents.event_type", "participant.updated");
            assertThat(event.get("traceparent").asText()).as("the CloudEvent names the publish span")
                    .isEqualTo("00-" + traceId + "-" + publish.spanId() + "-01");
            assertThat(service.parentSpanId()).isEqualTo(gateway.spanId());

            for (String consumer : CONSUMERS) {
                ReceivedSpan handling = consumerSpan(trace, consumer).orElseThrow(() -> new AssertionError(
                        "no consumer span of " + consumer + " in" + spans));
                assertThat(handling.parentSpanId()).as("%s handles the event as a child of its publish", consumer)
                        .isEqualTo(publish.spanId());
                assertThat(handling.attributes()).containsEntry("cloudevents.event_id", event.get("id").asText());
                assertThat(queryOf(trace, consumer, handling)).as("a query of %s's within its handling:%s", consumer, spans)
                        .isPresent();
            }
        }
    }

    /** The gateway's server span, continuing the client's traceparent. */
    private static Optional<ReceivedSpan> gatewaySpan(List<ReceivedSpan> trace, String clientSpanId) {
        return trace.stream().filter(span -> span.isA("gateway", SpanKind.SPAN_KIND_SERVER))
                .filter(span -> span.parentSpanId().equals(clientSpanId)).findFirst();
    }

    /** matching-service's server span, a child of the gateway's. */
    private static Optional<ReceivedSpan> serviceSpan(List<ReceivedSpan> trace, ReceivedSpan gateway) {
        return trace.stream().filter(span -> span.isA("matching-service", SpanKind.SPAN_KIND_SERVER))
                .filter(span -> span.parentSpanId().equals(gateway.spanId())).findFirst();
    }

    /** The relay's publish of the event to the topic. */
    private static Optional<ReceivedSpan> publishSpan(List<ReceivedSpan> trace) {
        return trace.stream().filter(span -> span.isA("matching-service", SpanKind.SPAN_KIND_PRODUCER))
                .filter(span -> TOPIC.equals(span.attributes().get("messaging.destination.name"))).findFirst();
    }

    /** A consumer's handling of the event. */
    private static Optional<ReceivedSpan> consumerSpan(List<ReceivedSpan> trace, String consumer) {
        return trace.stream().filter(span -> span.isA(consumer, SpanKind.SPAN_KIND_CONSUMER))
                .filter(span -> "participant.updated".equals(span.attributes().get("cloudevents.event_type"))).findFirst();
    }

    /** A database query made within a span, as its child. */
    private static Optional<ReceivedSpan> queryOf(List<ReceivedSpan> trace, String service, ReceivedSpan parent) {
        Predicate<ReceivedSpan> query = span -> span.isA(service, SpanKind.SPAN_KIND_CLIENT) && isQuery(span);
        return trace.stream().filter(query).filter(span -> span.parentSpanId().equals(parent.spanId())).findFirst();
    }

    private static boolean isQuery(ReceivedSpan span) {
        return span.attributes().keySet().stream().anyMatch(key -> key.startsWith("db."));
    }

    /** Random lower-case hex of this many bytes, never all zeros (W3C Trace Context). */
    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[bytes - 1] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
