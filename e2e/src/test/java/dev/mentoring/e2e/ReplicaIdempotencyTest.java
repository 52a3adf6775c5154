package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * An Idempotency-Key holds across instances: the first gateway sends to the first instance of session-service, the
 * second gateway to the second instance, and the key is one claim in the shared database. The same request with the
 * same key, once on each gateway one after the other and then on both at the same moment (20 times), creates one
 * action item each time: the other answer is the replay of the first (same id, Idempotency-Replayed: true), or 409
 * while the first is still being handled, after which the retry is the replay.
 */
class ReplicaIdempotencyTest {

    private static final String MENTEE = "acme-mentee4";
    private static final String MENTOR = "acme-mentor2";

    private static Response create(String gateway, String partnership, String key, String title) {
        return Replicas.via(gateway, MENTOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"assignee\":\"MENTEE\",\"dueDate\":\"" + LocalDate.now().plusDays(7) + "\"}")
                .post("/api/v1/sessions/partnerships/" + partnership + "/action-items");
    }

    /** The answer of a retry after a 409 (the first still being handled): the replay, once the first is done. */
    private static Response settle(Response answer, String gateway, String partnership, String key, String title) throws InterruptedException {
        for (int i = 0; i < 20 && answer.statusCode() == 409; i++) {
            Thread.sleep(1000);
            answer = create(gateway, partnership, key, title);
        }
        return answer;
    }

    private static long itemsTitled(String partnership, String title) {
        List<String> titles = Platform.as(MENTOR).queryParam("limit", 200)
                .get("/api/v1/sessions/partnerships/" + partnership + "/action-items").then().statusCode(200).extract().path("items.title");
        return titles.stream().filter(title::equals).count();
    }

    @Test
    void theSameKeyOnBothGatewaysGivesOneResult() throws Exception {
        String partnership = Replicas.partnerships(MENTOR, MENTEE).get(0);
        // session-service knows the partnership on both instances (one database)
        assertThat(Platform.eventually(() -> Replicas.via(Replicas.GATEWAY_1, MENTOR).queryParam("limit", 1)
                .get("/api/v1/sessions/partnerships/" + partnership + "/action-items").then().extract(), 404, 403).statusCode()).isEqualTo(200);

        String key = UUID.randomUUID().toString();
        Response first = create(Replicas.GATEWAY_1, partnership, key, "One after the other");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        Response again = create(Replicas.GATEWAY_2, partnership, key, "One after the other");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(create(Replicas.GATEWAY_2, partnership, key, "Another body").statusCode()).as("the key with another request").isEqualTo(422);

        int conflicts = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String raceKey = UUID.randomUUID().toString();
                String title = "Raced " + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (String gateway : Replicas.GATEWAYS) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return create(gateway, partnership, raceKey, title);
                    }));
                }
                start.countDown();
                List<Response> settled = new ArrayList<>();
                for (int g = 0; g < 2; g++) {
                    Response answer = answers.get(g).get();
                    conflicts += answer.statusCode() == 409 ? 1 : 0;
                    settled.add(settle(answer, Replicas.GATEWAYS.get(g), partnership, raceKey, title));
                }
                assertThat(settled).as("round %d", round).allSatisfy(a -> assertThat(a.statusCode()).as(a.asString()).isEqualTo(201));
                assertThat(settled.stream().map(a -> a.<String>path("id")).distinct()).as("one item, one id").hasSize(1);
                assertThat(settled.stream().filter(a -> !"true".equals(a.header("Idempotency-Replayed")))).as("one original").hasSize(1);
                assertThat(itemsTitled(partnership, title)).as("round %d: one action item made", round).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(itemsTitled(partnership, "One after the other")).isEqualTo(1);
        Replicas.end(MENTOR, List.of(partnership));
        System.out.printf("[replicas] Idempotency-Key on both gateways: 1 + 20 raced keys, 21 action items made, "
                + "%d answers were 409 while the other instance handled the key, then replays%n", conflicts);
    }
}
