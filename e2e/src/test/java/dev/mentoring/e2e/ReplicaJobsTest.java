package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * Every scheduled job's effect happens once while both instances of its service run it at the same moment. The e2e
 * run (deploy/local/platform replicas_up) runs every job every second on every instance, and Quarkus's scheduler ticks
 * on whole seconds, so the two instances' passes start together each second and meet on the same due rows. What the
 * API cannot make due today (a date in the past) is made due in one statement, so that every row meets both passes at
 * once. A job that claimed without a lock, or marked its rows in another transaction than its events, would publish
 * some effects twice here.
 */
class ReplicaJobsTest {

    private static final Duration ARRIVE = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(6);

    /** Waits for the expected events, reads on quietly, and answers how often each key came (0 duplicates: all 1). */
    private static Map<String, Long> once(TopicReader topic, String type, String keyField, Set<String> keys) {
        Predicate<ConsumerRecord<String, String>> wanted = r -> Replicas.ofType(r, type)
                && keys.contains(Replicas.field(r, "/data/" + keyField));
        List<ConsumerRecord<String, String>> found = topic.settled(wanted, keys.size(), ARRIVE, QUIET);
        found.forEach(CloudEvents::assertValid);
        assertThat(found.stream().map(r -> Replicas.field(r, "/id")).distinct().count()).as("distinct CloudEvent ids")
                .isEqualTo(found.size());
        Map<String, Long> counts = Replicas.countBy(found, "/data/" + keyField);
        System.out.printf("[replicas] %s with both instances racing: %d expected, %d events, %d duplicates%n", type, keys.size(),
                found.size(), found.size() - counts.size());
        return counts;
    }

    private static void assertOnceEach(Map<String, Long> counts, Set<String> keys, String what) {
        assertThat(counts.keySet()).as("every %s had its effect", what).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(counts).as("no %s had it twice", what).allSatisfy((key, n) -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void remindersAreSentOncePerOccurrence() throws Exception {
        String partnership = Replicas.partnerships("acme-mentor1", "acme-mentee1").get(0);
        LocalDateTime first = LocalDateTime.now(ZoneOffset.UTC).plusHours(2).withSecond(0).withNano(0);
        Set<String> sessions = new HashSet<>();
        try (TopicReader topic = new TopicReader(Platform.KAFKA, "mentoring.session.v1")) {
            // 40 sessions within the next day: each one's 24-hour reminder is due as soon as it is scheduled
            for (int i = 0; i < 40; i++) {
                String body = "{\"start\":\"" + first.plusMinutes(30L * i) + "\",\"timeZone\":\"UTC\",\"durationMinutes\":25,\"mode\":\"PHONE\"}";
                var scheduled = Platform.eventually(() -> Platform.as("acme-mentee1").contentType(ContentType.JSON).body(body)
                        .post("/api/v1/sessions/partnerships/" + partnership + "/sessions").then().extract(), 404, 403);
                assertThat(scheduled.statusCode()).as(scheduled.asString()).isEqualTo(201);
                sessions.add(scheduled.path("sessions[0].id"));
            }
            Map<String, Long> reminders = once(topic, "session.reminder-due", "sessionId", sessions);
            assertOnceEach(reminders, sessions, "occurrence");
        } finally {
            Replicas.end("acme-mentor1", List.of(partnership));
        }
    }

    @Test
    void overdueActionItemsArePublishedOnce() throws Exception {
        String partnership = Replicas.partnerships("acme-mentor2", "acme-mentee2").get(0);
        List<String> items = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String body = "{\"title\":\"Step " + i + "\",\"assignee\":\"MENTEE\",\"dueDate\":\"" + LocalDate.now().plusDays(3) + "\"}";
                var created = Platform.eventually(() -> Platform.as("acme-mentor2").contentType(ContentType.JSON).body(body)
                        .post("/api/v1/sessions/partnerships/" + partnership + "/action-items").then().extract(), 404, 403);
                assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
                items.add(created.path("id"));
            }
            try (TopicReader topic = new TopicReader(Platform.KAFKA, "mentoring.session.v1")) {
                // the due dates pass, all at once: the next tick's two passes meet on all 30
                Replicas.sql("sessions", "update action_item set due_date = current_date - 1 where id in (" + Replicas.quoted(items) + ");");
                assertOnceEach(once(topic, "action-item.overdue", "actionItemId", Set.copyOf(items)), Set.copyOf(items), "action item");
            }
        } finally {
            Replicas.end("acme-mentor2", List.of(partnership));
        }
    }

    @Test
    void unansweredRequestsExpireOnce() throws Exception {
        List<String> requests = new ArrayList<>();
        for (String mentee : List.of("acme-mentee3", "acme-mentee4")) {
            Pairs.existingProfile(mentee);
            // no open request of the mentee's, no running partnership with either mentor (clear withdraws all requests)
            for (String mentor : List.of("acme-mentor1", "acme-mentor2")) {
                Pairs.clear(mentee, Pairs.existingProfile(mentor));
            }
            for (String mentor : List.of("acme-mentor1", "acme-mentor2")) {
                String mentorId = Pairs.existingProfile(mentor);
                var asked = Platform.as(mentee).contentType(ContentType.JSON)
                        .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"Would you mentor me?\"}")
                        .post("/api/v1/matching/mentorship-requests").then().extract();
                assertThat(asked.statusCode()).as(asked.asString()).isEqualTo(201);
                requests.add(asked.path("id"));
            }
        }
        try (TopicReader topic = new TopicReader(Platform.KAFKA, "mentoring.partnership.v1")) {
            Replicas.sql("matching", "update mentorship_request set expires_at = now() - interval '1 minute' where id in ("
                    + Replicas.quoted(requests) + ");");
            assertOnceEach(once(topic, "mentorship.expired", "requestId", Set.copyOf(requests)), Set.copyOf(requests), "request");
        }
    }

    @Test
    void agreementReviewsAndEvaluationsComeDueOnce() throws Exception {
        List<String> partnerships = List.of(Replicas.partnerships("acme-mentor3", "acme-mentee1").get(0),
                Replicas.partnerships("acme-mentor1", "acme-mentee2").get(0));
        try {
            reviewsAndEvaluations(partnerships);
        } finally {
            Replicas.end("acme-mentor3", List.of(partnerships.get(0)));
            Replicas.end("acme-mentor1", List.of(partnerships.get(1)));
        }
    }

    private static void reviewsAndEvaluations(List<String> partnerships) throws Exception {
        String due = LocalDate.now().plusMonths(5).toString();
        Map<String, String> mentees = Map.of(partnerships.get(0), "acme-mentee1", partnerships.get(1), "acme-mentee2");
        Map<String, String> mentors = Map.of(partnerships.get(0), "acme-mentor3", partnerships.get(1), "acme-mentor1");
        for (String partnership : partnerships) {
            String agreement = "/api/v1/matching/partnerships/" + partnership + "/agreement";
            Platform.as(mentees.get(partnership)).contentType(ContentType.JSON).body("""
                    {"goals":[{"statement":"Lead a release","measure":"releases led","target":"1","why":"Growth","dueDate":"%s"}],
                     "cadence":"MONTHLY","sessionMinutes":60,"meetingMode":"VIDEO"}""".formatted(due))
                    .put(agreement).then().statusCode(201);
            for (String signer : List.of(mentees.get(partnership), mentors.get(partnership))) {
                Platform.as(signer).contentType(ContentType.JSON).body("{\"version\":1}").post(agreement + "/signatures")
                        .then().statusCode(200);
            }
        }
        try (TopicReader reviews = new TopicReader(Platform.KAFKA, "mentoring.partnership.v1")) {
            Replicas.sql("matching", "update agreement_version set review_date = current_date where partnership_id in ("
                    + Replicas.quoted(partnerships) + ");");
            assertOnceEach(once(reviews, "agreement.review-due", "partnershipId", Set.copyOf(partnerships)), Set.copyOf(partnerships),
                    "agreement");
        }

        // feedback-service planned the partnerships' evaluations when they started; every one of them opens today
        List<String> planned = List.of();
        for (int i = 0; i < 120 && planned.size() < 4; i++) {
            planned = Replicas.sql("feedback", "select id from evaluation where state = 'PLANNED' and partnership_id in ("
                    + Replicas.quoted(partnerships) + ");");
            Thread.sleep(500);
        }
        assertThat(planned).as("the evaluations planned for both partnerships").hasSizeGreaterThanOrEqualTo(4);
        try (TopicReader evaluations = new TopicReader(Platform.KAFKA, "mentoring.feedback.v1")) {
            Replicas.sql("feedback", "update evaluation set opens_on = current_date where id in (" + Replicas.quoted(planned) + ");");
            assertOnceEach(once(evaluations, "evaluation.due", "evaluationId", Set.copyOf(planned)), Set.copyOf(planned), "evaluation");
        }
    }

    @Test
    void theDailyHealthAssessmentChangesAPartnershipsHealthOnce() throws Exception {
        // two partnerships with one late cancellation each: healthy by the default thresholds (two make a pitfall), in
        // need of attention once one does and healthy starts at 90
        List<String> fresh = Replicas.partnerships("acme-mentor3", "acme-mentee3", "acme-mentee4");
        List<String> cancelled = new ArrayList<>();
        for (String partnership : fresh) {
            String body = "{\"start\":\"" + LocalDateTime.now(ZoneOffset.UTC).plusHours(3).withSecond(0).withNano(0)
                    + "\",\"timeZone\":\"UTC\",\"durationMinutes\":30,\"mode\":\"PHONE\"}";
            var scheduled = Platform.eventually(() -> Platform.as("acme-mentor3").contentType(ContentType.JSON).body(body)
                    .post("/api/v1/sessions/partnerships/" + partnership + "/sessions").then().extract(), 404, 403);
            assertThat(scheduled.statusCode()).as(scheduled.asString()).isEqualTo(201);
            String session = scheduled.path("sessions[0].id");
            Platform.as("acme-mentor3").contentType(ContentType.JSON).body("{\"reasonCategory\":\"WORKLOAD\"}")
                    .post("/api/v1/sessions/" + session + "/cancellation").then().statusCode(200);
            cancelled.add(session);
        }
        // feedback-service has heard of both cancellations (and assessed the partnerships with them: still healthy)
        for (int i = 0; i < 120 && Replicas.sql("feedback", "select id from session_copy where cancelled_late and id in ("
                + Replicas.quoted(cancelled) + ");").size() < cancelled.size(); i++) {
            Thread.sleep(500);
        }
        for (String partnership : fresh) {
            assertThat(Platform.eventually(() -> Platform.as("acme-admin").get("/api/v1/feedback/partnerships/" + partnership + "/health")
                    .then().extract(), 404).<String>path("state")).isEqualTo("HEALTHY");
        }
        TenantSettings saved = TenantSettings.save("acme-admin");
        try (TopicReader topic = new TopicReader(Platform.KAFKA, "mentoring.feedback.v1")) {
            Map<String, String> before = healthOfTenant();
            var settings = Platform.as("acme-admin").get("/api/v1/feedback/settings").then().statusCode(200).extract();
            Map<String, Object> thresholds = new HashMap<>(settings.path("thresholds"));
            thresholds.put("lateCancellations", 1);
            thresholds.put("healthyFrom", 90);
            Platform.as("acme-admin").contentType(ContentType.JSON)
                    .body(Map.of("evaluationIntervalMonths", settings.<Integer>path("evaluationIntervalMonths"), "thresholds", thresholds))
                    .put("/api/v1/feedback/settings").then().statusCode(200);
            // nothing but the next passes of the daily job (every second on both instances here) assesses them again
            for (String partnership : fresh) {
                String state = null;
                for (int i = 0; i < 120 && !"NEEDS_ATTENTION".equals(state); i++) {
                    Thread.sleep(500);
                    state = Platform.as("acme-admin").get("/api/v1/feedback/partnerships/" + partnership + "/health").then()
                            .extract().path("state");
                }
                assertThat(state).isEqualTo("NEEDS_ATTENTION");
            }
            Thread.sleep(QUIET.toMillis());
            Map<String, String> after = healthOfTenant();
            Set<String> changed = new HashSet<>();
            after.forEach((partnership, state) -> {
                if (before.containsKey(partnership) && !state.equals(before.get(partnership))) {
                    changed.add(partnership);
                }
            });
            assertThat(changed).containsAll(fresh);
            Map<String, Long> events = once(topic, "partnership.health-changed", "partnershipId", changed);
            assertOnceEach(events, changed, "partnership");
        } finally {
            saved.restore();
            Replicas.end("acme-mentor3", fresh);
        }
    }

    /**
     * The retention purges (outbox, idempotency keys, inbox) run every second on both matching-service instances here.
     * 20,000 expired rows of each table are committed at once; every one is deleted, by exactly one instance (the rows
     * each instance counts as deleted add up to the rows expired), no purge run fails, and what is still within its
     * retention, or was never published, stays.
     */
    @Test
    void theRetentionPurgesDeleteEachExpiredRowOnceAndNothingElse() throws Exception {
        int expired = 20_000;
        Map<String, Double> before = purgeMetrics();
        try {
            Replicas.sql("matching", """
                    begin;
                    insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, published_at)
                      select gen_random_uuid(), 'purge-check', 'expired-' || g, 'purge.check', '{}', 'purge-check',
                             now() - interval '30 days', now() - interval '30 days' from generate_series(1, %1$d) g;
                    insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, published_at)
                      select gen_random_uuid(), 'purge-check', 'kept-' || g, 'purge.check', '{}', 'purge-check',
                             now() - interval '1 day', now() - interval '1 day' from generate_series(1, 100) g;
                    insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at, parked_at, attempts)
                      select gen_random_uuid(), 'purge-check', 'parked-' || g, 'purge.check', '{}', 'purge-check',
                             now() - interval '30 days', now() - interval '30 days', 10 from generate_series(1, 10) g;
                    insert into idempotent_request (tenant, caller, idempotency_key, fingerprint, status, created_at)
                      select 'purge-check', 'purge-check', 'expired-' || g, repeat('0', 64), 201, now() - interval '2 days'
                      from generate_series(1, %1$d) g;
                    insert into idempotent_request (tenant, caller, idempotency_key, fingerprint, status, created_at)
                      select 'purge-check', 'purge-check', 'kept-' || g, repeat('0', 64), 201, now() - interval '1 hour'
                      from generate_series(1, 100) g;
                    insert into processed_event (consumer, event_id, processed_at)
                      select 'purge-check-expired', gen_random_uuid(), now() - interval '40 days' from generate_series(1, %1$d) g;
                    insert into processed_event (consumer, event_id, processed_at)
                      select 'purge-check-kept', gen_random_uuid(), now() - interval '20 days' from generate_series(1, 100) g;
                    commit;
                    """.formatted(expired));
            String left = """
                    select (select count(*) from outbox_event where aggregatetype = 'purge-check' and aggregateid like 'expired-%')
                         + (select count(*) from idempotent_request where tenant = 'purge-check' and idempotency_key like 'expired-%')
                         + (select count(*) from processed_event where consumer = 'purge-check-expired');
                    """;
            for (int i = 0; i < 180 && !"0".equals(Replicas.sql("matching", left).get(0)); i++) {
                Thread.sleep(500);
            }
            assertThat(Replicas.sql("matching", left)).as("expired rows left").containsExactly("0");
            assertThat(Replicas.sql("matching", """
                    select (select count(*) from outbox_event where aggregatetype = 'purge-check' and aggregateid like 'kept-%'),
                           (select count(*) from outbox_event where aggregatetype = 'purge-check' and aggregateid like 'parked-%'),
                           (select count(*) from idempotent_request where tenant = 'purge-check' and idempotency_key like 'kept-%'),
                           (select count(*) from processed_event where consumer = 'purge-check-kept');
                    """)).as("rows within their retention, and parked rows").containsExactly("100|10|100|100");
            // each instance's runs are counted when they end, and an instance restarted by an earlier test begins purging
            // a minute after its start (delayed = 1m): wait for a run of every purge on both since the rows were written
            Map<String, Double> after = purgeMetrics();
            for (int i = 0; i < 180 && !ranOnBoth(before, after); i++) {
                Thread.sleep(500);
                after = purgeMetrics();
            }
            for (String table : List.of("outbox_event", "idempotent_request", "processed_event")) {
                double first = after.get("1:" + table) - before.get("1:" + table);
                double second = after.get("2:" + table) - before.get("2:" + table);
                System.out.printf("[replicas] purge of %s with both instances racing: %d expired, deleted %.0f + %.0f%n", table,
                        expired, first, second);
                assertThat(first + second).as("rows of %s deleted by the two instances together", table).isEqualTo(expired);
            }
            for (String job : List.of("outbox-purge", "idempotency-purge", "inbox-purge")) {
                for (int n : List.of(1, 2)) {
                    assertThat(after.get(n + ":" + job + ":success")).as("%s ran on instance %d", job, n)
                            .isGreaterThan(before.get(n + ":" + job + ":success"));
                    assertThat(after.get(n + ":" + job + ":failure")).as("%s failures on instance %d", job, n)
                            .isEqualTo(before.get(n + ":" + job + ":failure"));
                }
            }
        } finally {
            Replicas.sql("matching", """
                    delete from outbox_event where aggregatetype = 'purge-check';
                    delete from idempotent_request where tenant = 'purge-check';
                    delete from processed_event where consumer like 'purge-check-%';
                    """);
        }
    }

    /** Whether every purge job ended a run on both instances between the two readings. */
    private static boolean ranOnBoth(Map<String, Double> before, Map<String, Double> after) {
        return List.of("outbox-purge", "idempotency-purge", "inbox-purge").stream().allMatch(job -> List.of(1, 2).stream()
                .allMatch(n -> after.get(n + ":" + job + ":success") > before.get(n + ":" + job + ":success")));
    }

    /** Rows each matching-service instance purged per table, and its purge jobs' runs, from its /q/metrics. */
    private static Map<String, Double> purgeMetrics() {
        Map<String, Double> values = new HashMap<>();
        for (int n : List.of(1, 2)) {
            String url = n == 1 ? Platform.SERVICES.get("matching") : System.getProperty("matching2.url", "http://127.0.0.1:9081");
            String metrics = io.restassured.RestAssured.given().baseUri(url).get("/q/metrics").then().statusCode(200).extract().asString();
            for (String table : List.of("outbox_event", "idempotent_request", "processed_event")) {
                values.put(n + ":" + table, sample(metrics, "mentoring_purged_rows_total{table=\"" + table + "\"}"));
            }
            for (String job : List.of("outbox-purge", "idempotency-purge", "inbox-purge")) {
                for (String outcome : List.of("success", "failure")) {
                    values.put(n + ":" + job + ":" + outcome,
                            sample(metrics, "mentoring_job_runs_total{identity=\"" + job + "\",outcome=\"" + outcome + "\"}"));
                }
            }
        }
        return values;
    }

    /** The value of the sample whose line starts with {@code series}; 0 when the series does not exist yet. */
    private static double sample(String metrics, String series) {
        return java.util.Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0.0);
    }

    /** The health state of every partnership of the tenant acme that has one, as its program admin sees it. */
    private static Map<String, String> healthOfTenant() {
        Map<String, String> states = new HashMap<>();
        String cursor = null;
        do {
            var request = Platform.as("acme-admin").queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/feedback/health").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            items.forEach(item -> states.put((String) item.get("partnershipId"), (String) item.get("state")));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return states;
    }
}
