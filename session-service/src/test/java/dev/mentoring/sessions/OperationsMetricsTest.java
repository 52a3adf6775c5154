package dev.mentoring.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.outbox.OutboxLag;
import dev.mentoring.plumbing.testing.TopicReader;
import dev.mentoring.plumbing.testing.TopicWriter;
import dev.mentoring.sessions.api.SchedulingTest;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The metrics an operator reads (docs/operations.md), each made to move by doing the thing against the real database
 * and broker, and read back from /q/metrics: events published by type, the outbox's lag and parked rows, dead letters
 * per topic, consumer lag, and scheduled job runs and failures.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
// after the other tests of the same application: Micrometer first looks for a consumer's per-partition metrics a minute
// after the consumer starts, which those tests mostly spend (the module's pom orders by @Order)
@Order(Integer.MAX_VALUE)
class OperationsMetricsTest {

    /** A topic of its own, so that no consumer of the platform reads these rows. */
    private static final String CHECK_TOPIC = "mentoring.metrics-check.v1";

    @Inject
    Pool pool;

    @Inject
    OutboxLag outboxLag;

    @Inject
    Scheduler scheduler;

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one sample whose line starts with {@code series} (name and labels as far as given). */
    static Optional<Double> sample(String metrics, String series) {
        return Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith(series))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }

    private static double value(String series) {
        return sample(metrics(), series).orElse(0.0);
    }

    @Test
    void publishedEventsAreCountedByTheirType() {
        String scheduled = "mentoring_events_published_total{type=\"session.scheduled\"}";
        double before = value(scheduled);
        Partnerships.Pair pair = Partnerships.started(pool);
        assertThat(SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().plusDays(40).atTime(9, 0),
                "Europe/Copenhagen", 60, "FREQ=WEEKLY;COUNT=3")).statusCode()).isEqualTo(201);
        // three occurrences, three events, counted once Kafka acknowledged them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(value(scheduled)).isEqualTo(before + 3));
    }

    @Test
    void theOutboxLagShowsRowsWaitingAndParked() {
        outboxLag.refresh().await().atMost(Duration.ofSeconds(10));
        double waitingBefore = value("mentoring_outbox_pending_rows ");
        double parkedBefore = value("mentoring_outbox_parked_rows ");
        UUID waiting = UUID.randomUUID();
        UUID parked = UUID.randomUUID();
        // a row ten minutes old that waits an hour for its next attempt, and one the broker refused
        pool.preparedQuery("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, attempts, next_attempt_at, parked_at)
                values ($1, $3, $4, 'metrics.check', '{}', 'acme', now() - interval '10 minutes', 1, now() + interval '1 hour', null),
                       ($2, $3, $5, 'metrics.check', '{}', 'acme', now(), 10, null, now())""")
                .execute(Tuple.of(waiting, parked, CHECK_TOPIC, UUID.randomUUID().toString(), UUID.randomUUID().toString()))
                .await().atMost(Duration.ofSeconds(5));
        try {
            outboxLag.refresh().await().atMost(Duration.ofSeconds(10));
            String metrics = metrics();
            assertThat(sample(metrics, "mentoring_outbox_pending_rows ")).contains(waitingBefore + 1);
            assertThat(sample(metrics, "mentoring_outbox_parked_rows ")).contains(parkedBefore + 1);
            assertThat(sample(metrics, "mentoring_outbox_oldest_pending_age_seconds ")).hasValueSatisfying(
                    age -> assertThat(age).as("at least the waiting row's ten minutes").isGreaterThanOrEqualTo(600));
        } finally {
            pool.preparedQuery("delete from outbox_event where id = any($1)").execute(Tuple.of(new UUID[] { waiting, parked }))
                    .await().atMost(Duration.ofSeconds(5));
        }
        outboxLag.refresh().await().atMost(Duration.ofSeconds(10));
        assertThat(value("mentoring_outbox_parked_rows ")).isEqualTo(parkedBefore);
    }

    @Test
    void aDeadLetteredEventIsCountedForTheTopicItCameFrom() {
        String series = "mentoring_events_dead_lettered_total{topic=\"" + Partnerships.PARTICIPANTS + "\"}";
        String metrics = metrics();
        assertThat(sample(metrics, series)).as("counted from 0, before the first dead letter").isPresent();
        assertThat(sample(metrics, "mentoring_events_dead_lettered_total{topic=\"" + Partnerships.PARTNERSHIPS + "\"}")).isPresent();
        double before = sample(metrics, series).orElseThrow();
        String marker = UUID.randomUUID().toString();
        try (TopicReader deadLetters = new TopicReader("test.mentoring.session-service.dlq")) {
            TopicWriter.send(Partnerships.PARTICIPANTS, marker, "not a cloud event " + marker);
            assertThat(deadLetters.await(r -> r.value().contains(marker), Duration.ofSeconds(30))).isNotNull();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(value(series)).isEqualTo(before + 1));
    }

    @Test
    void consumerLagIsReportedPerTopicAndPartition() {
        // the consumer's own Kafka metrics, per partition once it was assigned its partitions (Micrometer looks for new
        // client metrics every minute)
        Partnerships.participant("acme", UUID.randomUUID(), "E-lag");
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> assertThat(metrics().lines()
                .filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{"))
                .filter(line -> line.contains("topic=\"" + Partnerships.PARTICIPANTS + "\"") && line.contains("partition=")))
                .isNotEmpty());
    }

    @Test
    void scheduledJobRunsAreCountedByIdentityAndOutcome() {
        String relayed = "mentoring_job_runs_total{identity=\"outbox-relay\",outcome=\"success\"}";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(value(relayed)).isPositive());
        assertThat(sample(metrics(), "mentoring_job_runs_total{identity=\"outbox-relay\",outcome=\"failure\"}"))
                .as("counted from 0").isPresent();

        String failures = "mentoring_job_runs_total{identity=\"metrics-check-failing\",outcome=\"failure\"}";
        scheduler.newJob("metrics-check-failing").setInterval("1s").setTask(execution -> {
            throw new IllegalStateException("a job that fails, on purpose");
        }).schedule();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(value(failures)).isPositive());
        } finally {
            scheduler.unscheduleJob("metrics-check-failing");
        }
        assertThat(value("mentoring_job_runs_total{identity=\"metrics-check-failing\",outcome=\"success\"}")).isZero();
    }
}
