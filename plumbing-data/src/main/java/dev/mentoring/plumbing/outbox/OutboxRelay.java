package dev.mentoring.plumbing.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.plumbing.problem.Causes;
import dev.mentoring.plumbing.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks a row published only when the broker
 * acknowledged it. Safe on any number of instances: a transaction-scoped advisory lock lets one relay work at a time.
 * Per-key order is kept even when a send fails ({@link RelayBatch}): the rows of one key are sent one after another,
 * a failure stops the later rows of that key until it succeeds, and a row that cannot be sent is parked (attempts,
 * last error, the {@code mentoring.outbox.parked} counter and an error log line) so that it holds nothing back
 * forever. Delivery is at least once (a crash after the send and before the mark publishes a row again); consumers
 * drop the repeat by the CloudEvent id. Each send is a PRODUCER span in the trace of the transaction that wrote the row,
 * and the record carries that span's context (CloudEvents distributed-tracing attributes and W3C headers).
 */
@ApplicationScoped
public class OutboxRelay {

    static final long LOCK_KEY = 0x6d656e746f72L; // "mentor"
    /** The relay's job: pausing it in the scheduler pauses the wake-ups too. */
    public static final String IDENTITY = "outbox-relay";

    private final Pool pool;
    private final OutboxSender sender;
    private final OutboxConfig config;
    private final Clock clock;
    private final RelayBatch batch;
    private final Counter parked;
    private final Counter failed;
    private final ObjectMapper json;
    private final Tracer tracer;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean stopped;
    private final io.quarkus.scheduler.Scheduler scheduler;

    OutboxRelay(Pool pool, OutboxSender sender, OutboxConfig config, Clock clock, MeterRegistry registry, ObjectMapper json,
            OpenTelemetry openTelemetry, io.quarkus.scheduler.Scheduler scheduler) {
        this.scheduler = scheduler;
        this.pool = pool;
        this.sender = sender;
        this.json = json;
        this.tracer = openTelemetry.getTracer(TraceContext.INSTRUMENTATION);
        this.config = config;
        this.clock = clock;
        this.batch = new RelayBatch(config.maxAttempts());
        this.parked = Counter.builder("mentoring.outbox.parked").description("Outbox rows parked: the broker would not take them")
                .register(registry);
        this.failed = Counter.builder("mentoring.outbox.send.failures").description("Outbox sends that failed (the row waits)")
                .register(registry);
    }

    /** The fallback for a lost notification or listening connection: a pass every second (the interval). */
    @Scheduled(identity = IDENTITY, every = "${mentoring.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    Uni<Void> relayOnSchedule() {
        wake();
        return Uni.createFrom().voidItem();
    }

    /**
     * Asks for a relay pass now (a commit was notified, or the poll ticked). Passes never overlap on one instance: a wake
     * during a pass asks for one more pass after it, and a pass that published rows is followed by another (a batch holds
     * at most {@code batch-size} rows), until a pass publishes nothing and nobody asked meanwhile.
     */
    public void wake() {
        requested.set(true);
        drain();
    }

    /** From shutdown on, no more passes: the pool closes under them. */
    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent stopping) {
        stopped = true;
    }

    private void drain() {
        // paused (Scheduler.pause("outbox-relay"), an operator's or a test's): no wake-up publishes either
        if (stopped || !config.relayEnabled() || scheduler.isPaused(IDENTITY) || !running.compareAndSet(false, true)) {
            return;
        }
        requested.set(false);
        relayPending().subscribe().with(published -> {
            running.set(false);
            if (published > 0 || requested.get()) {
                drain();
            }
        }, failure -> running.set(false));
    }

    /** One relay pass; answers how many events were published. */
    public Uni<Integer> relayPending() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
                .chain(rows -> rows.iterator().next().getBoolean(0) ? publishBatch(connection) : Uni.createFrom().item(0)))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Outbox relay pass failed, will retry: %s", failure.getMessage());
                    return 0;
                });
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        // only rows that may leave now: not waiting for their next attempt, and no earlier row of their key waiting either,
        // so a batch full of waiting keys can never hold back the keys behind them
        OffsetDateTime dueBy = OffsetDateTime.now(clock);
        return connection.preparedQuery("""
                select e.id, e.aggregatetype, e.aggregateid, e.payload::text, e.attempts, e.traceparent, e.tracestate from outbox_event e
                where e.published_at is null and e.parked_at is null
                  and not exists (select 1 from outbox_event w
                                  where w.aggregatetype = e.aggregatetype and w.aggregateid = e.aggregateid and w.seq <= e.seq
                                    and w.published_at is null and w.parked_at is null and w.next_attempt_at > $2)
                order by e.seq limit $1""")
                .execute(Tuple.of(config.batchSize(), dueBy))
                .chain(rows -> {
                    List<RelayBatch.PendingRow> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(new RelayBatch.PendingRow(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getInteger(4), row.getString(5) == null ? null : new TraceContext(row.getString(5), row.getString(6))));
                    }
                    Map<String, List<RelayBatch.PendingRow>> due = batch.byKey(pending);
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // keys in parallel, the rows of one key one after another, stopping at the first failure
                    List<Uni<List<RelayBatch.Outcome>>> keys = due.values().stream().map(this::sendInOrder).toList();
                    return Uni.join().all(keys).andFailFast().chain(perKey -> {
                        List<RelayBatch.Outcome> outcomes = perKey.stream().flatMap(List::stream).toList();
                        List<UUID> sent = outcomes.stream().filter(RelayBatch.Outcome::acknowledged).map(RelayBatch.Outcome::id).toList();
                        List<RelayBatch.Failure> failures = batch.failures(pending, outcomes, clock.instant());
                        return markPublished(connection, sent).chain(() -> markFailed(connection, failures)).replaceWith(sent.size());
                    });
                });
    }

    private Uni<List<RelayBatch.Outcome>> sendInOrder(List<RelayBatch.PendingRow> rows) {
        List<RelayBatch.Outcome> outcomes = new ArrayList<>();
        return Multi.createFrom().iterable(rows)
                // after a failure no later row of the key is sent: the failure is always the last outcome
                .onItem().transformToUniAndConcatenate(row -> !outcomes.isEmpty() && !outcomes.get(outcomes.size() - 1).acknowledged()
                        ? Uni.createFrom().voidItem()
                        : send(row).invoke(outcomes::add).replaceWithVoid())
                .collect().last()
                .replaceWith(outcomes);
    }

    private Uni<RelayBatch.Outcome> send(RelayBatch.PendingRow row) {
        String topic = config.topicPrefix().orElse("") + row.topic();
        return Uni.createFrom().deferred(() -> {
                    Span span = publishSpan(topic, row);
                    return Uni.createFrom().deferred(() -> {
                                // the CloudEvent and the headers carry the publish span's context (the row's when untraced)
                                TraceContext published = TraceContext.of(Context.root().with(span)).orElse(row.trace());
                                return sender.send(topic, row.key(), withTrace(span, row.payload(), published), published);
                            })
                            .onTermination().invoke((ignored, failure, cancelled) -> {
                                if (failure != null) {
                                    span.recordException(failure);
                                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                                }
                                span.end();
                            });
                })
                .map(ignored -> RelayBatch.Outcome.acknowledged(row.id()))
                .onFailure().recoverWithItem(failure -> {
                    failed.increment();
                    String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                    Log.warnf("Kafka did not take outbox event %s (key %s), its key waits: %s", row.id(), row.key(), error);
                    return RelayBatch.Outcome.failed(row.id(), recordAtFault(failure), error);
                });
    }

    /**
     * The send of one row as a PRODUCER span, a child of the span that wrote the row (so a request's trace goes on to
     * Kafka), or the start of a trace when the writer was in none (a job).
     */
    private Span publishSpan(String topic, RelayBatch.PendingRow row) {
        var builder = tracer.spanBuilder("send " + topic).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.operation.name", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", row.id().toString())
                .setAttribute("messaging.kafka.message.key", row.key())
                .setAttribute("cloudevents.event_id", row.id().toString());
        return (row.trace() == null ? builder.setNoParent() : builder.setParent(row.trace().asParent())).startSpan();
    }

    /**
     * The row's CloudEvent with the distributed-tracing extension attributes of the publish (its type named on the span);
     * a payload that is no JSON object (no CloudEvent) goes as it is.
     */
    private String withTrace(Span span, String cloudEvent, TraceContext trace) {
        try {
            if (!(json.readTree(cloudEvent) instanceof ObjectNode envelope)) {
                return cloudEvent;
            }
            span.setAttribute("cloudevents.event_type", envelope.path("type").asText());
            if (trace == null) {
                return cloudEvent;
            }
            trace.writeTo(envelope);
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row is not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /** The broker or the client refused the record itself: sending it again can never succeed. */
    static boolean recordAtFault(Throwable failure) {
        return Causes.any(failure, t -> t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                || t instanceof InvalidTopicException || t instanceof SerializationException);
    }

    private Uni<Void> markPublished(SqlConnection connection, List<UUID> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                .execute(Tuple.of(sent.toArray(new UUID[0])))
                .replaceWithVoid();
    }

    private Uni<Void> markFailed(SqlConnection connection, List<RelayBatch.Failure> failures) {
        if (failures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> updates = new ArrayList<>();
        for (RelayBatch.Failure failure : failures) {
            OffsetDateTime parkedAt = failure.parked() ? OffsetDateTime.now(clock) : null;
            if (failure.parked()) {
                parked.increment();
                Log.errorf("Outbox event %s parked after %d attempts, the later events of its key go on without it: %s",
                        failure.id(), failure.attempts(), failure.error());
            }
            updates.add(Tuple.of(failure.id(), failure.attempts(), failure.error(),
                    failure.nextAttemptAt().atOffset(ZoneOffset.UTC), parkedAt));
        }
        return connection.preparedQuery("""
                update outbox_event set attempts = $2, last_error = left($3, 2000), next_attempt_at = $4, parked_at = $5
                where id = $1""").executeBatch(updates).replaceWithVoid();
    }

    /** Skips the relay on instances configured not to relay. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {

        private final OutboxConfig config;

        RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
