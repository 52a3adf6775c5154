package dev.mentoring.feedback.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.tenancy.CallerClaims;
import dev.mentoring.plumbing.tenancy.CallerClaimsFilter;
import dev.mentoring.plumbing.testing.EndedRequestContext;
import dev.mentoring.plumbing.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The caller is read when a use case starts, and what the use case does after its first query works without the
 * request's context: a continuation may find it gone (under load about one request in 1,500 was answered 401 when
 * the caller's tenant was read there). And the caller is known from the claims kept in the request's Vert.x context
 * when the request reached the REST layer, with no identity in the request context at all.
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

    @Inject
    CallerClaimsFilter filter;

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

    @Test
    void theCallerKeptAtTheRequestsStartServesAUseCaseWhoseRequestContextHoldsNoIdentity() {
        Fixtures.Pair pair = Fixtures.started(pool);
        CallerClaims mentee = EndedRequestContext.person(pair.tenant(), pair.menteeEmployee(), "mentee");

        assertThat(EndedRequestContext.runAs(mentee, () -> goals.ofPartnership(pair.id(), PageRequest.of(null, (Integer) null))).items())
                .extracting(g -> g.goalId).containsExactly(pair.goalId());
    }

    @Test
    void theFilterKeepsTheCallersClaimsForTheRequest() {
        String token = TestTokens.person("t-kept", "E-7", "mentee").claim("azp", "mentoring-app").sign();

        CallerClaims kept = EndedRequestContext.keptBy(filter::take, token, List.of("mentee"));

        assertThat(kept).isEqualTo(new CallerClaims("t-kept", "subject-t-kept-E-7", "E-7", "mentoring-app", java.util.Set.of("mentee")));
        assertThat(EndedRequestContext.keptBy(filter::take, TestTokens.person("t-kept", "E-7", "mentee").without("tenant").sign(),
                List.of("mentee"))).as("no tenant: nothing kept, the security checks answer").isNull();
    }
}
