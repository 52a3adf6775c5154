package dev.mentoring.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mentoring.notification.Fixtures;
import dev.mentoring.plumbing.testing.WebhookReceiver;
import dev.mentoring.plumbing.testing.WebhookReceiver.Answer;
import dev.mentoring.plumbing.testing.WebhookReceiver.Received;
import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Webhooks end to end inside notification-service, against the real PostgreSQL and Kafka and a real HTTP receiver that
 * verifies every signature with the Standard Webhooks reference library. The test profile retries after 0.3, 0.6 and
 * 1 s (each pass every second), turns an endpoint off after 8 s of failures, and waits 2 s for an answer.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhooksTest {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @jakarta.inject.Inject
    dev.mentoring.notification.application.WebhookSecrets secrets;

    private WebhookReceiver receiver;
    private String tenant;
    private String integration;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
        tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        integration = TestTokens.machine(tenant, "integration").bearer();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    /** Registers an endpoint of the tenant; answers its id, and makes the receiver trust its secret. */
    private String register(String path, String... types) {
        JsonPath created = given().header("Authorization", integration).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "eventTypes", List.of(types), "description", "HR sync"))
                .post("/webhooks/endpoints").then().statusCode(201).extract().jsonPath();
        receiver.trusting(created.getString("secret"));
        return created.getString("endpoint.id");
    }

    private static String publish(String tenant, String key, String type) {
        return Fixtures.partnershipEvent(tenant, key, type);
    }

    private List<Received> awaitReceived(int atLeast, java.util.function.Predicate<Received> which) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().stream().filter(which).count() >= atLeast);
        return receiver.received().stream().filter(which).toList();
    }

    private JsonPath delivery(String endpoint, String eventId) {
        JsonPath log = given().header("Authorization", integration).get("/webhooks/endpoints/" + endpoint + "/deliveries?limit=200")
                .then().statusCode(200).extract().jsonPath();
        String id = log.getList("items", Map.class).stream().filter(d -> eventId.equals(d.get("eventId"))).map(d -> (String) d.get("id"))
                .findFirst().orElseThrow();
        return given().header("Authorization", integration).get("/webhooks/endpoints/" + endpoint + "/deliveries/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTenantsEventsOfTheTypesAskedForArriveSignedAsStandardWebhooksSaysAndInOrderPerKey() {
        register("/hooks", "partnership.started", "partnership.paused", "partnership.resumed");
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(publish(tenant, key, i % 2 == 0 ? "partnership.paused" : "partnership.resumed"));
        }
        publish(tenant, other, "partnership.ended"); // a type not asked for
        publish("t-other-" + UUID.randomUUID().toString().substring(0, 6), UUID.randomUUID().toString(), "partnership.started"); // another tenant's
        String last = publish(tenant, other, "partnership.started");

        List<Received> got = awaitReceived(7, r -> true);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 7);
        assertThat(got).allSatisfy(r -> {
            assertThat(r.verified()).as("signature verified by the Standard Webhooks library").isTrue();
            assertThat(r.id()).isEqualTo(r.eventId()); // webhook-id is the CloudEvent id
            assertThat(r.signature()).startsWith("v1,");
            assertThat(r.event().path("specversion").asText()).isEqualTo("1.0");
            assertThat(r.event().path("tenant").asText()).isEqualTo(tenant);
        });
        assertThat(got.stream().filter(r -> r.event().path("partitionkey").asText().equals(key)).map(Received::eventId).toList())
                .containsExactlyElementsOf(sent);
        assertThat(got.stream().map(Received::eventId).toList()).contains(last);
        assertThat(got.stream().map(Received::type).toList()).doesNotContain("partnership.ended");
    }

    @Test
    void aFailedDeliveryIsTriedAgainAfterServerErrorsAndTimeoutsAndEachAttemptIsLogged() {
        String endpoint = register("/flaky", "partnership.paused");
        AtomicInteger calls = new AtomicInteger();
        receiver.answering(r -> switch (calls.incrementAndGet()) {
            case 1 -> Answer.status(500);
            case 2 -> new Answer(200, 3000, null, 0); // longer than the 2 s the sender waits
            case 3 -> new Answer(503, 0, null, 1_000_000); // a large answer: only its start is read
            default -> Answer.status(200);
        });
        String event = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "DELIVERED".equals(delivery(endpoint, event).getString("delivery.state")));
        JsonPath detail = delivery(endpoint, event);
        assertThat(detail.getInt("delivery.attempts")).isEqualTo(4);
        assertThat(detail.getInt("delivery.lastStatus")).isEqualTo(200);
        // newest first: 200, 503 (its answer cut), no answer in time, 500
        assertThat(detail.getList("attempts.status")).containsExactly(200, 503, null, 500);
        assertThat(detail.getString("attempts[1].error")).startsWith("HTTP 503: xxx").hasSizeLessThanOrEqualTo(300);
        assertThat(detail.getString("attempts[2].error")).contains("no answer within 2000 ms");
        assertThat(detail.getString("attempts[3].error")).isEqualTo("HTTP 500");
        assertThat(detail.getInt("attempts[0].latencyMs")).isGreaterThanOrEqualTo(0);
        // every try carried the same webhook-id
        assertThat(receiver.received().stream().map(Received::id).distinct().toList()).containsExactly(event);
    }

    @Test
    void aKeysLaterEventsWaitForItsFailingOneWhileOtherKeysGoOn() {
        register("/ordered", "partnership.paused", "partnership.resumed");
        String held = UUID.randomUUID().toString();
        String free = UUID.randomUUID().toString();
        String first = publish(tenant, held, "partnership.paused");
        AtomicInteger refusals = new AtomicInteger();
        receiver.answering(r -> r.eventId().equals(first) && refusals.incrementAndGet() <= 2 ? Answer.status(500) : Answer.status(200));
        String second = publish(tenant, held, "partnership.resumed");
        String elsewhere = publish(tenant, free, "partnership.paused");

        awaitReceived(1, r -> r.eventId().equals(second) && r.answered() == 200);
        List<String> order = receiver.received().stream().filter(r -> r.answered() == 200).map(Received::eventId).toList();
        assertThat(order.indexOf(first)).isLessThan(order.indexOf(second));
        // the other key was not held behind the failing one: it arrived before the held key's first success
        List<Received> all = receiver.received();
        int firstSuccess = indexOf(all, first, 200);
        assertThat(indexOf(all, elsewhere, 200)).isLessThan(firstSuccess);
    }

    private static int indexOf(List<Received> all, String eventId, int status) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).eventId().equals(eventId) && all.get(i).answered() == status) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anEndpointFailingTooLongIsTurnedOffWithAnEventAndCanBeTurnedOnAndRedelivered() {
        String endpoint = register("/down", "partnership.paused");
        receiver.answering(r -> Answer.status(500));
        try (TopicReader events = new TopicReader("test.mentoring.webhook.v1")) {
            String gaveUp = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
            // 1 try and 3 retries, then it has failed for good
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "FAILED".equals(delivery(endpoint, gaveUp).getString("delivery.state")));
            assertThat(delivery(endpoint, gaveUp).getInt("delivery.attempts")).isEqualTo(4);
            // still failing 8 s after the first failure: a failure then turns it off
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
                return !given().header("Authorization", integration).get("/webhooks/endpoints/" + endpoint).then().extract().jsonPath().getBoolean("enabled");
            });
            given().header("Authorization", integration).get("/webhooks/endpoints/" + endpoint).then().statusCode(200)
                    .body("disabledReason", equalTo("FAILING"));
            var disabled = events.await(r -> r.key().equals(endpoint), Duration.ofSeconds(30));
            assertThat(disabled).as("webhook.endpoint-disabled on the topic").isNotNull();
            JsonPath event = JsonPath.from(disabled.value());
            assertThat(event.getString("type")).isEqualTo("webhook.endpoint-disabled");
            assertThat(event.getString("tenant")).isEqualTo(tenant);
            assertThat(event.getString("data.reason")).isEqualTo("FAILING");
            assertThat(event.getInt("data.lastStatus")).isEqualTo(500);
            assertThat(disabled.value()).doesNotContain("127.0.0.1"); // no URL in the event

            // while off: what was waiting waits, nothing is sent, an event now makes no delivery, and a redelivery is refused
            List<String> waiting = given().header("Authorization", integration)
                    .get("/webhooks/endpoints/" + endpoint + "/deliveries?state=PENDING").then().statusCode(200).extract().jsonPath().getList("items.eventId");
            assertThat(waiting).isNotEmpty();
            int before = receiver.received().size();
            receiver.answering(r -> Answer.status(200));
            String whileOff = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
            String gaveUpDelivery = delivery(endpoint, gaveUp).getString("delivery.id");
            given().header("Authorization", integration).post("/webhooks/endpoints/" + endpoint + "/deliveries/" + gaveUpDelivery + "/redelivery")
                    .then().statusCode(409).contentType("application/problem+json");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> receiver.received().size() == before);
            assertThat(given().header("Authorization", integration).get("/webhooks/endpoints/" + endpoint + "/deliveries?limit=200")
                    .then().extract().jsonPath().getList("items.eventId")).doesNotContain(whileOff);

            // turned on again: the delivery that waited goes out, and the failed one is sent again on request
            String tag = given().header("Authorization", integration).get("/webhooks/endpoints/" + endpoint).then().extract().header("ETag");
            given().header("Authorization", integration).header("If-Match", tag).contentType(ContentType.JSON)
                    .body(Map.of("enabled", true)).put("/webhooks/endpoints/" + endpoint)
                    .then().statusCode(200).body("enabled", equalTo(true)).body("disabledReason", equalTo(null)).body("failingSince", equalTo(null));
            for (String id : waiting) {
                awaitReceived(1, r -> r.eventId().equals(id) && r.answered() == 200);
            }
            given().header("Authorization", integration).post("/webhooks/endpoints/" + endpoint + "/deliveries/" + gaveUpDelivery + "/redelivery")
                    .then().statusCode(202).body("state", equalTo("PENDING"));
            awaitReceived(1, r -> r.eventId().equals(gaveUp) && r.answered() == 200);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> "DELIVERED".equals(delivery(endpoint, gaveUp).getString("delivery.state")));
            assertThat(delivery(endpoint, gaveUp).getInt("delivery.attempts")).isEqualTo(5);
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneAndRedirectsAreNotFollowed() {
        String endpoint = register("/rotate", "partnership.paused");
        String oldSecret = given().header("Authorization", integration).contentType(ContentType.JSON) // a second endpoint to learn nothing from
                .body(Map.of("url", receiver.url("/unused"), "eventTypes", List.of("goal.achieved"))).post("/webhooks/endpoints")
                .then().statusCode(201).extract().path("secret");
        assertThat(oldSecret).startsWith("whsec_");
        JsonPath rotated = given().header("Authorization", integration).post("/webhooks/endpoints/" + endpoint + "/secret")
                .then().statusCode(200).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertThat(rotated.getString("previousSecretValidUntil")).isNotNull();
        receiver.trusting(newSecret);
        String event = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
        Received got = awaitReceived(1, r -> r.eventId().equals(event)).get(0);
        assertThat(got.verified()).isTrue();
        assertThat(got.signature().split(" ")).hasSize(2); // the new secret's and the old one's

        receiver.answering(r -> new Answer(302, 0, "http://127.0.0.1:9/elsewhere", 0));
        String moved = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> delivery(endpoint, moved).getInt("delivery.attempts") >= 1);
        assertThat(delivery(endpoint, moved).getString("attempts[-1].error")).isEqualTo("HTTP 302 (redirects are not followed)");
    }

    @Test
    void unsafeOrUnknownTargetsAreRefusedNamingTheField() {
        for (String url : List.of("ftp://files.example.com/hook", "https://user:secret@hooks.example.com/x", "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[::ffff:192.168.1.10]/hook", "http://[fd00::1]/hook",
                "http://100.64.0.1/hook", "http://0.0.0.0:8080/", "http://127.0.0.1:99999/hook", "https://hooks.example.com/#frag", "not a url")) {
            given().header("Authorization", integration).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("partnership.started"))).post("/webhooks/endpoints")
                    .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("url"));
        }
        given().header("Authorization", integration).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("partnership.started", "no.such-type")))
                .post("/webhooks/endpoints").then().statusCode(422).body("errors.field", hasItem("eventTypes[1]"));
        given().header("Authorization", integration).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of())).post("/webhooks/endpoints")
                .then().statusCode(422).body("errors.field", hasItem("eventTypes"));
        given().header("Authorization", integration).get("/webhooks/event-types").then().statusCode(200)
                .body("items", hasItem("webhook.endpoint-disabled")).body("items", hasItem("partnership.started"));
    }

    /**
     * The signing secret is stored sealed (never the secret itself); one stored in the clear before the encryption came
     * still signs, and is sealed when the relay first passes; a sealed secret copied to another endpoint does not open.
     */
    @Test
    void signingSecretsAreStoredSealed() throws Throwable {
        JsonPath created = given().header("Authorization", integration).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/sealed"), "eventTypes", List.of("partnership.paused")))
                .post("/webhooks/endpoints").then().statusCode(201).extract().jsonPath();
        String endpoint = created.getString("endpoint.id");
        String secret = created.getString("secret");
        receiver.trusting(secret);
        String stored = storedSecret(endpoint);
        assertThat(stored).startsWith("sealed:local-1:").doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
        // as it was stored before: in the clear; deliveries still verify, and the next sealing seals it
        pool.preparedQuery("update webhook_endpoint set secret = $1 where id = $2").execute(io.vertx.mutiny.sqlclient.Tuple.of(secret,
                UUID.fromString(endpoint))).await().indefinitely();
        String id = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
        assertThat(awaitReceived(1, r -> r.eventId().equals(id))).allSatisfy(r -> assertThat(r.verified()).isTrue());
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> secrets.sealStoredInTheClear());
        assertThat(storedSecret(endpoint)).startsWith("sealed:");
        String again = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
        assertThat(awaitReceived(1, r -> r.eventId().equals(again))).allSatisfy(r -> assertThat(r.verified()).isTrue());
        // another endpoint's sealed secret copied here does not open: its deliveries fail, logged, and the others go on
        String other = register("/other", "partnership.paused");
        pool.preparedQuery("update webhook_endpoint set secret = (select secret from webhook_endpoint where id = $1) where id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(other), UUID.fromString(endpoint))).await().indefinitely();
        String third = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
        awaitReceived(1, r -> r.eventId().equals(third)); // at /other
        await().atMost(Duration.ofSeconds(10)).until(() -> "the endpoint's signing secret cannot be opened here"
                .equals(delivery(endpoint, third).getString("delivery.lastError")));
        assertThat(receiver.received().stream().filter(r -> r.eventId().equals(third))).hasSize(1);
    }

    private String storedSecret(String endpoint) {
        return pool.preparedQuery("select secret from webhook_endpoint where id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(
                UUID.fromString(endpoint))).await().indefinitely().iterator().next().getString(0);
    }

    /**
     * A slow receiver holds only its own place: a delivery to another endpoint that falls due while one to the slow
     * receiver is in flight is sent before that one's attempt ends (when a pass waited for its slowest send, it waited).
     */
    @Test
    void aSlowReceiverHoldsOnlyItsOwnPlace() {
        JsonPath slow = given().header("Authorization", integration).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/slow"), "eventTypes", List.of("partnership.paused"))).post("/webhooks/endpoints")
                .then().statusCode(201).extract().jsonPath();
        JsonPath fast = given().header("Authorization", integration).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/fast"), "eventTypes", List.of("partnership.resumed"))).post("/webhooks/endpoints")
                .then().statusCode(201).extract().jsonPath();
        receiver.trusting(slow.getString("secret"), fast.getString("secret"));
        String[] pausedId = new String[1];
        java.util.concurrent.atomic.AtomicInteger slowAttemptsWhenFastArrived = new java.util.concurrent.atomic.AtomicInteger(-1);
        receiver.answering(r -> {
            if (r.type().equals("partnership.paused")) {
                return new Answer(200, 3000, null, 0);
            }
            // as the fast delivery arrives: how many attempts of the slow one are written (its first ends at 2 s)
            slowAttemptsWhenFastArrived.set(delivery(slow.getString("endpoint.id"), pausedId[0]).getInt("delivery.attempts"));
            return Answer.status(204);
        });
        String paused = publish(tenant, UUID.randomUUID().toString(), "partnership.paused");
        pausedId[0] = paused;
        awaitReceived(1, r -> r.eventId().equals(paused)); // its attempt is under way: the receiver holds it 3 s, the sender waits 2 s
        // a delivery to the other endpoint falls due now (made here, not through Kafka, so that only the relay's tick counts)
        String resumed = UUID.randomUUID().toString();
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + resumed + "\",\"type\":\"partnership.resumed\",\"tenant\":\"" + tenant + "\"}";
        pool.preparedQuery("""
                insert into webhook_delivery (id, tenant, endpoint_id, event_id, event_type, ordering_key, body, state, attempts, tries,
                                              next_attempt_at, created_at)
                values (gen_random_uuid(), $1, $2, $3, 'partnership.resumed', 'k', $4, 'PENDING', 0, 0, now(), now())""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant, UUID.fromString(fast.getString("endpoint.id")), UUID.fromString(resumed), body))
                .await().indefinitely();
        awaitReceived(1, r -> r.eventId().equals(resumed));
        assertThat(slowAttemptsWhenFastArrived.get()).as("the slow receiver's first attempt was still under way").isZero();
    }

    /** Registrations racing for the tenant's last places: the cap (20) holds, the rest are 409. */
    @Test
    void theCapOfEndpointsHoldsUnderConcurrentRegistrations() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                answers.add(pool.submit(() -> given().header("Authorization", integration).contentType(ContentType.JSON)
                        .body(Map.of("url", receiver.url("/cap/" + n), "eventTypes", List.of("partnership.paused")))
                        .post("/webhooks/endpoints").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(20);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", integration).get("/webhooks/endpoints?limit=100").then().statusCode(200)
                .body("items.size()", equalTo(20));
    }

    @Test
    void anotherTenantsEndpointIsNotFoundAndPeopleMayNotManageWebhooks() {
        String endpoint = register("/mine", "partnership.paused");
        String stranger = TestTokens.machine("t-" + UUID.randomUUID().toString().substring(0, 8), "integration").bearer();
        given().header("Authorization", stranger).get("/webhooks/endpoints/" + endpoint).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", stranger).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/webhooks/endpoints/" + endpoint).then().statusCode(404);
        given().header("Authorization", stranger).delete("/webhooks/endpoints/" + endpoint).then().statusCode(404);
        given().header("Authorization", stranger).get("/webhooks/endpoints").then().statusCode(200).body("items.size()", equalTo(0));
        given().header("Authorization", TestTokens.person(tenant, "E-1", "mentee").bearer()).get("/webhooks/endpoints").then().statusCode(403);
        String admin = TestTokens.person(tenant, "A-1", "program-admin").bearer();
        given().header("Authorization", admin).get("/webhooks/endpoints").then().statusCode(200)
                .body("items.id", hasItem(endpoint)).body("items[0].url", startsWith("http://127.0.0.1:"));
        given().header("Authorization", admin).contentType(ContentType.JSON).header("If-Match", "\"99\"").body(Map.of("description", "x"))
                .put("/webhooks/endpoints/" + endpoint).then().statusCode(412);
        given().header("Authorization", admin).delete("/webhooks/endpoints/" + endpoint).then().statusCode(204);
        given().header("Authorization", admin).get("/webhooks/endpoints/" + endpoint).then().statusCode(404)
                .body("detail", containsString(endpoint));
    }
}
