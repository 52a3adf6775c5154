package dev.mentoring.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.matching.application.MatchingSettings;
import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.Weights;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** What a recommendation reads on the reactive client is what the Hibernate reads it replaces answered, tenant by tenant. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RecommendationReadsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    RecommendationReads reads;

    @Inject
    MatchingRunRepository store;

    @Inject
    MatchingSettings settings;

    private void sql(String statement, Object... values) {
        pool.preparedQuery(statement).execute(Tuple.wrap(values)).await().atMost(WAIT);
    }

    private UUID person(String tenant, String employeeId) {
        UUID id = UUID.randomUUID();
        sql("""
                insert into participant (id, tenant, employee_id, display_name, time_zone, languages, created_at, updated_at, version,
                  active, is_mentor, is_mentee, years_of_experience, seniority, skills, industries, expertise)
                values ($1, $2, $3, $3, 'Europe/Copenhagen', '{en}', now(), now(), 1, true, true, true, 10, 'SENIOR', '{}', '{}', '{}')""",
                id, tenant, employeeId);
        return id;
    }

    private void request(String tenant, UUID mentee, UUID mentor, String state) {
        sql("""
                insert into mentorship_request (id, tenant, mentee_id, mentor_id, state, origin, created_at, expires_at)
                values ($1, $2, $3, $4, $5, 'MENTEE', now(), now() + interval '14 days')""", UUID.randomUUID(), tenant, mentee, mentor, state);
    }

    private void partnership(String tenant, UUID mentee, UUID mentor, String state) {
        sql("insert into partnership (id, tenant, mentee_id, mentor_id, state, started_at) values ($1, $2, $3, $4, $5, now())",
                UUID.randomUUID(), tenant, mentee, mentor, state);
    }

    private <T> T hibernate(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> read) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(read));
    }

    @Test
    void placesTakenEndedPartnershipsAndWeightsAreThoseHibernateReads() throws Throwable {
        String tenant = "reco-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "reco-" + UUID.randomUUID().toString().substring(0, 8);
        UUID a = person(tenant, "A");
        UUID b = person(tenant, "B");
        UUID m1 = person(tenant, "M1");
        UUID m2 = person(tenant, "M2");
        UUID m3 = person(tenant, "M3");
        UUID elsewhere = person(other, "A");
        UUID elsewhereMentor = person(other, "M1");
        request(tenant, a, m1, "OPEN");
        request(tenant, b, m1, "OPEN");
        request(tenant, b, m2, "DECLINED");
        partnership(tenant, a, m2, "ACTIVE");
        partnership(tenant, b, m3, "PAUSED");
        partnership(tenant, a, m3, "COMPLETED");
        partnership(tenant, a, m1, "ENDED_EARLY");
        partnership(tenant, b, m2, "COMPLETED");
        partnership(other, elsewhere, elsewhereMentor, "ACTIVE");
        sql("""
                insert into tenant_matching_settings (tenant, weight_skills, weight_goals_expertise, weight_industry, weight_experience_gap,
                  weight_styles, weight_language, weight_time_zone, updated_at, version) values ($1, 30, 20, 10, 5, 15, 12, 8, now(), 3)""",
                tenant);

        RecommendationReads.Places forA = reads.places(tenant, a).await().atMost(WAIT);
        RecommendationReads.Places forB = reads.places(tenant, b).await().atMost(WAIT);
        assertThat(forA.takenByMentor()).isEqualTo(Map.of(m1, 2, m2, 1, m3, 1))
                .isEqualTo(hibernate(() -> store.placesTakenByMentor(tenant)));
        assertThat(forB.takenByMentor()).isEqualTo(forA.takenByMentor());
        Map<UUID, Set<UUID>> ended = hibernate(() -> store.endedPairs(tenant));
        assertThat(forA.endedWith()).isEqualTo(Set.of(m3, m1)).isEqualTo(ended.get(a));
        assertThat(forB.endedWith()).isEqualTo(Set.of(m2)).isEqualTo(ended.get(b));
        assertThat(reads.places(other, elsewhere).await().atMost(WAIT))
                .isEqualTo(new RecommendationReads.Places(Map.of(elsewhereMentor, 1), Set.of()));

        Weights weights = reads.weightsOf(tenant).await().atMost(WAIT);
        assertThat(weights.of(Criterion.SKILLS)).isEqualTo(30);
        assertThat(weights).isEqualTo(hibernate(() -> settings.weightsOf(tenant)));
        assertThat(reads.weightsOf(other).await().atMost(WAIT)).isEqualTo(Weights.DEFAULT).isEqualTo(hibernate(() -> settings.weightsOf(other)));
    }
}
