package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.matching.application.MentorPools;
import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Recommendations score the tenant's mentors kept prepared between requests (MentorPools). A change committed anywhere
 * (here: plain SQL, as another replica's transaction would be) is heard through PostgreSQL's notification and the next
 * recommendation shows it; nothing stale is recommended.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentorPoolCurrencyTest {

    @Inject
    MentorPools pools;

    @Inject
    Pool pool;

    @Test
    void aMentorChangedElsewhereIsRecommendedAsHeIsNow() throws Exception {
        String tenant = People.newTenant();
        String first = People.provision(tenant, "M-1", People.mentorJson("Java Lead", "Europe/Berlin",
                "[{\"name\":\"java\",\"level\":5}]", "[\"architecture\"]", 2));
        String second = People.provision(tenant, "M-2", People.mentorJson("Sales Lead", "Europe/London",
                "[{\"name\":\"sales\",\"level\":5}]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "M-9", "get better at java architecture",
                "[{\"name\":\"java\",\"level\":4}]"));
        String token = TestTokens.person(tenant, "E-1", "mentee").bearer();

        given().header("Authorization", token).get("/participants/me/recommendations").then().statusCode(200)
                .body("recommendations", hasSize(2)).body("recommendations[0].mentor.id", equalTo(first));
        assertThat(pools.current(tenant, Instant.now())).as("the tenant's mentors are kept prepared").isPresent();
        // the same answer from the kept pool
        given().header("Authorization", token).get("/participants/me/recommendations").then().statusCode(200)
                .body("recommendations", hasSize(2)).body("recommendations[0].mentor.id", equalTo(first));

        // another replica's transaction: the first mentor stops taking mentees
        pool.preparedQuery("update participant set mentor_accepting = false where id = $1")
                .execute(Tuple.of(UUID.fromString(first))).await().indefinitely();
        for (int i = 0; i < 100 && pools.current(tenant, Instant.now()).isPresent(); i++) {
            Thread.sleep(50);
        }
        assertThat(pools.current(tenant, Instant.now())).as("the change was heard and the pool forgotten").isEmpty();
        var answer = given().header("Authorization", token).get("/participants/me/recommendations?includeExcluded=true")
                .then().statusCode(200).body("recommendations", hasSize(1))
                .body("recommendations[0].mentor.id", equalTo(second)).extract();
        List<Map<String, String>> excluded = answer.path("excluded");
        assertThat(excluded).extracting(e -> e.get("mentorId")).contains(first);

        // a change to another tenant's participants leaves this tenant's pool alone
        assertThat(pools.current(tenant, Instant.now())).isPresent();
        People.provision(People.newTenant(), "M-1", People.mentorJson("Elsewhere", "Europe/Berlin", "[]", "[]", 1));
        Thread.sleep(300);
        assertThat(pools.current(tenant, Instant.now())).isPresent();
    }

    @Test
    void aMenteesChangeOrAWriteThatChangesNothingLeavesTheMentorsPrepared() {
        String tenant = People.newTenant();
        String mentor = People.provision(tenant, "M-1", People.mentorJson("Java Lead", "Europe/Berlin",
                "[{\"name\":\"java\",\"level\":5}]", "[]", 2));
        People.provision(tenant, "E-1", People.menteeJson("Anna", "M-9", "get better at java", "[{\"name\":\"java\",\"level\":4}]"));
        String token = TestTokens.person(tenant, "E-1", "mentee").bearer();
        given().header("Authorization", token).get("/participants/me/recommendations").then().statusCode(200);
        // a second tenant whose pool is forgotten last: its notification comes after the ones before it (commit order)
        String witness = People.newTenant();
        String witnessMentor = People.provision(witness, "M-1", People.mentorJson("Lead", "Europe/Berlin", "[]", "[]", 1));
        People.provision(witness, "E-1", People.menteeJson("Ben", "M-9", "grow", "[]"));
        given().header("Authorization", TestTokens.person(witness, "E-1", "mentee").bearer())
                .get("/participants/me/recommendations").then().statusCode(200);
        assertThat(pools.current(tenant, Instant.now())).isPresent();
        assertThat(pools.current(witness, Instant.now())).isPresent();

        // the mentee's own change, and a mentor's row written with the values it has
        pool.preparedQuery("update participant set display_name = 'Anna B' where tenant = $1 and employee_id = 'E-1'")
                .execute(Tuple.of(tenant)).await().indefinitely();
        pool.preparedQuery("update participant set mentor_capacity = mentor_capacity where id = $1")
                .execute(Tuple.of(UUID.fromString(mentor))).await().indefinitely();
        // then the witness' mentor changes: once that is heard, everything committed before it was heard too
        pool.preparedQuery("update participant set mentor_accepting = false where id = $1")
                .execute(Tuple.of(UUID.fromString(witnessMentor))).await().indefinitely();
        await().atMost(Duration.ofSeconds(10)).until(() -> pools.current(witness, Instant.now()).isEmpty());
        assertThat(pools.current(tenant, Instant.now())).as("the mentors are still kept prepared").isPresent();
    }
}
