package dev.mentoring.sessions.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.tenancy.CallerClaims;
import dev.mentoring.plumbing.testing.EndedRequestContext;
import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.sessions.Partnerships;
import dev.mentoring.sessions.domain.SessionEnums;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The caller is read when a use case starts, and what it does after its first query works without the request's
 * context, which a continuation may find gone: scheduling (which looks the partnership up, then schedules in a
 * transaction of its own) and listing work with the request context ended as soon as they have started.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RequestContextTest {

    @Inject
    Pool pool;

    @Inject
    Sessions sessions;

    @Test
    void aUseCaseReadsTheCallerBeforeItsFirstQueryAndNeverAfter() {
        Partnerships.Pair pair = Partnerships.started(pool);
        String mentee = TestTokens.person(pair.tenant(), pair.menteeEmployee(), "mentee").sign();
        SessionPlan plan = new SessionPlan(LocalDateTime.now().plusDays(3).withNano(0), "Europe/Copenhagen", 60,
                SessionEnums.Mode.VIDEO, "https://meet.example.com/a", null, List.of("Goals"));

        ScheduledSessions scheduled = EndedRequestContext.run(mentee, List.of("mentee"), () -> sessions.schedule(pair.id(), plan));
        assertThat(scheduled.sessions()).singleElement().satisfies(s -> assertThat(s.partnershipId).isEqualTo(pair.id()));

        assertThat(EndedRequestContext.run(mentee, List.of("mentee"),
                () -> sessions.ofPartnership(pair.id(), null, null, PageRequest.of(null, (Integer) null))).items())
                .extracting(s -> s.id).containsExactly(scheduled.sessions().get(0).id);
    }

    @Test
    void theCallerKeptAtTheRequestsStartServesAUseCaseWhoseRequestContextHoldsNoIdentity() {
        Partnerships.Pair pair = Partnerships.started(pool);
        CallerClaims mentee = EndedRequestContext.person(pair.tenant(), pair.menteeEmployee(), "mentee");
        SessionPlan plan = new SessionPlan(LocalDateTime.now().plusDays(4).withNano(0), "Europe/Copenhagen", 45,
                SessionEnums.Mode.PHONE, null, null, null);

        ScheduledSessions scheduled = EndedRequestContext.runAs(mentee, () -> sessions.schedule(pair.id(), plan));
        assertThat(scheduled.sessions()).singleElement().satisfies(s -> assertThat(s.partnershipId).isEqualTo(pair.id()));
    }
}
