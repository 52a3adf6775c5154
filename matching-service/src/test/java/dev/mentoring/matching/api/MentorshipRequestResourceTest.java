package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.matching.application.UnansweredRequests;
import dev.mentoring.plumbing.testing.MovableClock;
import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentorshipRequestResourceTest {

    @Inject
    Pool pool;

    @Inject
    UnansweredRequests expiry;

    private static String mentee(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentee").bearer();
    }

    private static String mentor(String tenant, String employeeId) {
        return TestTokens.person(tenant, employeeId, "mentor").bearer();
    }

    private static String ask(String tenant, String menteeEmployee, String mentorId) {
        return given().header("Authorization", mentee(tenant, menteeEmployee)).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentorId + "\",\"message\":\"Would you mentor me?\"}")
                .post("/mentorship-requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMenteeAsksTheMentorAcceptsAndThePartnershipShareTheId() {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X", "grow", "[]"));
        try (TopicReader events = new TopicReader("test.mentoring.partnership.v1")) {
            String requestId = ask(tenant, "E-1", mentorId);
            given().header("Authorization", mentor(tenant, "M-1")).post("/mentorship-requests/" + requestId + "/acceptance")
                    .then().statusCode(200).body("id", equalTo(requestId)).body("state", equalTo("ACTIVE"));
            var story = events.settled(r -> requestId.equals(r.key()), 3);
            assertThat(story).extracting(r -> r.value().replaceAll(".*\"type\": ?\"([a-z.-]+)\".*", "$1"))
                    .containsExactly("mentorship.requested", "mentorship.accepted", "partnership.started");
            assertThat(story).allSatisfy(r -> assertThat(r.value()).doesNotContain("Would you mentor me"));
        }
        given().header("Authorization", mentor(tenant, "M-1")).post("/mentorship-requests/" + "x".repeat(0)
                + UUID.randomUUID() + "/acceptance").then().statusCode(404);
    }

    @Test
    void concurrentAcceptsForTheLastPlaceLeaveExactlyOnePartnership() throws Exception {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 1));
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            People.provision(tenant, "E-" + i, People.menteeJson("Mentee " + i, "X", "grow", "[]"));
            requests.add(ask(tenant, "E-" + i, mentorId));
        }
        String token = mentor(tenant, "M-1");
        ExecutorService pool8 = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String requestId : requests) {
            Callable<Integer> accept = () -> given().header("Authorization", token)
                    .post("/mentorship-requests/" + requestId + "/acceptance").then().extract().statusCode();
            answers.add(pool8.submit(accept));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool8.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        long running = pool.preparedQuery("select count(*) from partnership where tenant = $1 and state = 'ACTIVE'")
                .execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertThat(running).isEqualTo(1);
    }

    @Test
    void limitsAndLegalMovesAreEnforced() {
        String tenant = People.newTenant();
        List<String> mentors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mentors.add(People.provision(tenant, "M-" + i, People.mentorJson("Mentor " + i, "UTC", "[]", "[]", 2)));
        }
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X", "grow", "[]"));
        String first = ask(tenant, "E-1", mentors.get(0));
        given().header("Authorization", mentee(tenant, "E-1")).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentors.get(0) + "\"}").post("/mentorship-requests").then().statusCode(409);
        ask(tenant, "E-1", mentors.get(1));
        ask(tenant, "E-1", mentors.get(2));
        given().header("Authorization", mentee(tenant, "E-1")).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentors.get(3) + "\"}").post("/mentorship-requests").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("3 open requests"));

        // withdraw, then the mentor cannot accept any more
        given().header("Authorization", mentee(tenant, "E-1")).post("/mentorship-requests/" + first + "/withdrawal")
                .then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        given().header("Authorization", mentor(tenant, "M-0")).post("/mentorship-requests/" + first + "/acceptance")
                .then().statusCode(409);

        // lifecycle: pause, resume, end; ended is final
        String second = given().header("Authorization", mentee(tenant, "E-1")).get("/mentorship-requests").then()
                .statusCode(200).extract().path("items.find { it.mentorId == '" + mentors.get(1) + "' }.id");
        given().header("Authorization", mentor(tenant, "M-1")).post("/mentorship-requests/" + second + "/acceptance")
                .then().statusCode(200);
        given().header("Authorization", mentee(tenant, "E-1")).post("/partnerships/" + second + "/resume").then().statusCode(409);
        given().header("Authorization", mentee(tenant, "E-1")).post("/partnerships/" + second + "/pause").then()
                .statusCode(200).body("state", equalTo("PAUSED"));
        given().header("Authorization", mentor(tenant, "M-1")).post("/partnerships/" + second + "/resume").then()
                .statusCode(200).body("state", equalTo("ACTIVE"));
        given().header("Authorization", mentee(tenant, "E-1")).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"NOT_A_GOOD_FIT\",\"note\":\"private\",\"thankYouMessage\":\"Thanks!\"}")
                .post("/partnerships/" + second + "/ending").then().statusCode(200).body("state", equalTo("ENDED_EARLY"))
                .body("thankYouMessage", equalTo("Thanks!"));
        given().header("Authorization", mentee(tenant, "E-1")).post("/partnerships/" + second + "/pause").then().statusCode(409);
        given().header("Authorization", People.admin(tenant)).get("/partnerships/" + second).then().statusCode(200)
                .body("thankYouMessage", org.hamcrest.Matchers.nullValue()).body("endNote", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", mentor(tenant, "M-1")).contentType(ContentType.JSON)
                .body("{\"reasonCategory\":\"BORED\"}").post("/mentorship-requests/" + second + "/decline").then().statusCode(400);
    }

    @Test
    void anAdminChangesTheTenantsLimits() {
        String tenant = People.newTenant();
        given().header("Authorization", People.admin(tenant)).get("/settings/partnership-limits").then().statusCode(200)
                .body("maxOpenRequests", equalTo(3)).body("maxActiveMentors", equalTo(2));
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"maxOpenRequests\":1,\"maxActiveMentors\":1}").put("/settings/partnership-limits").then().statusCode(200);
        List<String> mentors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            mentors.add(People.provision(tenant, "M-" + i, People.mentorJson("Mentor " + i, "UTC", "[]", "[]", 2)));
        }
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X", "grow", "[]"));
        ask(tenant, "E-1", mentors.get(0));
        given().header("Authorization", mentee(tenant, "E-1")).contentType(ContentType.JSON)
                .body("{\"mentorId\":\"" + mentors.get(1) + "\"}").post("/mentorship-requests").then().statusCode(409);
        given().header("Authorization", People.admin(tenant)).contentType(ContentType.JSON)
                .body("{\"maxOpenRequests\":0,\"maxActiveMentors\":1}").put("/settings/partnership-limits").then().statusCode(400)
                .body("errors[0].field", equalTo("maxOpenRequests"));
        given().header("Authorization", mentee(tenant, "E-1")).get("/settings/partnership-limits").then().statusCode(403);
    }

    @Test
    void othersGet404OnEveryIdBearingRoute() {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X", "grow", "[]"));
        People.provision(tenant, "E-3", People.menteeJson("Third", "X", "grow", "[]"));
        String requestId = ask(tenant, "E-1", mentorId);
        given().header("Authorization", mentor(tenant, "M-1")).post("/mentorship-requests/" + requestId + "/acceptance")
                .then().statusCode(200);
        String other = People.newTenant();
        People.provision(other, "E-1", People.menteeJson("Anna elsewhere", "X", "grow", "[]"));
        for (String token : List.of(mentee(tenant, "E-3"), mentee(other, "E-1"))) {
            given().header("Authorization", token).get("/mentorship-requests/" + requestId).then().statusCode(404);
            given().header("Authorization", token).post("/mentorship-requests/" + requestId + "/withdrawal").then().statusCode(404);
            given().header("Authorization", token).get("/partnerships/" + requestId).then().statusCode(404);
            given().header("Authorization", token).post("/partnerships/" + requestId + "/pause").then().statusCode(404);
        }
        given().header("Authorization", People.admin(other)).get("/partnerships/" + requestId).then().statusCode(404);
        given().header("Authorization", People.admin(tenant)).get("/partnerships?state=ACTIVE").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void anUnansweredRequestExpiresOnceEvenWithSeveralPasses() {
        String tenant = People.newTenant();
        String mentorId = People.provision(tenant, "M-1", People.mentorJson("Maria", "UTC", "[]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "X", "grow", "[]"));
        String requestId = ask(tenant, "E-1", mentorId);
        // fifteen days pass without an answer (requests wait fourteen)
        MovableClock.advance(Duration.ofDays(15));
        try (TopicReader events = new TopicReader("test.mentoring.partnership.v1")) {
            // two passes at once, as two instances would run them
            ExecutorService two = Executors.newFixedThreadPool(2);
            Callable<Integer> pass = () -> {
                try {
                    return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue());
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            Future<Integer> first = two.submit(pass);
            Future<Integer> second = two.submit(pass);
            try {
                assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(1);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                two.shutdown();
            }
            given().header("Authorization", mentee(tenant, "E-1")).get("/mentorship-requests/" + requestId).then()
                    .body("state", equalTo("EXPIRED"));
            var expired = events.settled(r -> requestId.equals(r.key()) && r.value().contains("mentorship.expired"), 1);
            assertThat(expired).hasSize(1);
        } finally {
            MovableClock.reset();
        }
    }
}
