package dev.mentoring.feedback.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.testing.EndedRequestContext;
import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The caller is read when a use case starts, and what the use case does after its first query works without the
 * request's context: a continuation may find it gone (under load about one request in 1,500 was answered 401 when
 * the caller's tenant was read there).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RequestContextTest {

    @Inject
    Pool pool;

    @Inject
    Goals goals;

    @Inject
    Evaluations evaluations;

    @Test
    void aUseCaseReadsTheCallerBeforeItsFirstQueryAndNeverAfter() {
        Fixtures.Pair pair = Fixtures.started(pool);
        String mentee = TestTokens.person(pair.tenant(), pair.menteeEmployee(), "mentee").sign();

        List<Goal> found = EndedRequestContext.run(mentee, List.of("mentee"),
                () -> goals.ofPartnership(pair.id(), PageRequest.of(null, (Integer) null))).items();
        assertThat(found).extracting(g -> g.goalId).containsExactly(pair.goalId());

        assertThat(EndedRequestContext.run(mentee, List.of("mentee"),
                () -> evaluations.ofPartnership(pair.id(), PageRequest.of(null, (Integer) null))).items())
                .isNotEmpty().allSatisfy(seen -> assertThat(seen.evaluation().partnershipId).isEqualTo(pair.id()));
    }
}
