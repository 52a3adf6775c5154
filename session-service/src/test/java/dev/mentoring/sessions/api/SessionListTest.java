package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.sessions.Partnerships;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;

/** The collection of sessions, scoped by role: a person's own, or the tenant's for a program admin without anything private. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SessionListTest {

    @Inject
    Pool pool;

    private static List<Map<String, Object>> all(String token) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            var request = given().header("Authorization", token).queryParam("from", OffsetDateTime.now().toString()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var answer = request.get("/").then().statusCode(200).extract();
            seen.addAll(answer.path("items"));
            cursor = answer.path("nextCursor");
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("the list never ended");
    }

    private static List<Object> ids(List<Map<String, Object>> sessions) {
        return sessions.stream().map(s -> s.get("id")).toList();
    }

    @Test
    void aPersonGetsTheirOwnAProgramAdminTheTenantsWithoutAnythingPrivate() {
        Partnerships.Pair pair = Partnerships.started(pool);
        Partnerships.Pair other = Partnerships.anotherMentee(pool, pair);
        String mine = SchedulingTest.schedule(pair.mentee(), pair,
                SchedulingTest.body(LocalDate.now().plusDays(4).atTime(9, 0), "UTC", 60, null)).path("sessions[0].id");
        String theirs = SchedulingTest.schedule(other.mentee(), other,
                SchedulingTest.body(LocalDate.now().plusDays(2).atTime(9, 0), "UTC", 60, null)).path("sessions[0].id");
        String later = SchedulingTest.schedule(pair.mentor(), pair,
                SchedulingTest.body(LocalDate.now().plusDays(6).atTime(9, 0), "UTC", 60, null)).path("sessions[0].id");

        // the mentee: their own, by start, with the place or link (theirs to see), never an agenda in a list
        List<Map<String, Object>> menteeSees = all(pair.mentee());
        assertThat(ids(menteeSees)).containsExactly(mine, later);
        assertThat(menteeSees).allSatisfy(s -> assertThat(s).containsEntry("placeOrLink", "https://meet.example.com/x")
                .containsEntry("version", 1).doesNotContainKey("agenda"));
        // the mentor: both partnerships' sessions
        assertThat(ids(all(pair.mentor()))).containsExactly(theirs, mine, later);
        // the other mentee: only theirs; a stranger of the tenant: none
        assertThat(ids(all(other.mentee()))).containsExactly(theirs);
        assertThat(all(pair.stranger())).isEmpty();
        // a program admin: the tenant's, dates and states, no place or link, no agenda
        List<Map<String, Object>> adminSees = all(pair.admin());
        assertThat(ids(adminSees)).containsExactly(theirs, mine, later);
        assertThat(adminSees).allSatisfy(s -> assertThat(s).doesNotContainKeys("placeOrLink", "agenda")
                .containsEntry("state", "SCHEDULED"));
        given().header("Authorization", pair.admin()).get("/").then().statusCode(200)
                .body("items", everyItem(not(hasKey("placeOrLink"))));
        // another tenant's admin sees none of them
        assertThat(all(TestTokens.person("t-elsewhere", "ADMIN-9", "program-admin").bearer())).isEmpty();
        // an HR platform or the analytics role may not list sessions
        given().header("Authorization", TestTokens.machine(pair.tenant(), "integration").bearer()).get("/").then().statusCode(403);
        given().header("Authorization", TestTokens.machine(pair.tenant(), "analytics").bearer()).get("/").then().statusCode(403);
    }
}
