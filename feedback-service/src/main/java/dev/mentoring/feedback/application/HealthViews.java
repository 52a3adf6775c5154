package dev.mentoring.feedback.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.api.FeedbackViews;
import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.persistence.PartnershipHealth;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reading health: participants see their partnership's, program admins all of their tenant's. */
@ApplicationScoped
public class HealthViews {

    private final Participants participants;
    private final Caller caller;
    private final ObjectMapper json;

    HealthViews(Participants participants, Caller caller, ObjectMapper json) {
        this.participants = participants;
        this.caller = caller;
        this.json = json;
    }

    private FeedbackViews.HealthView view(PartnershipHealth h) {
        try {
            List<HealthRules.Finding> findings = json.readValue(h.pitfalls, new TypeReference<>() {
            });
            return new FeedbackViews.HealthView(h.partnershipId, h.score, h.state, findings.stream()
                    .map(f -> new FeedbackViews.PitfallView(f.pitfall().name(), f.evidence(), f.suggestion())).toList(), h.computedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Uni<FeedbackViews.HealthView> of(UUID partnershipId) {
        Uni<Void> allowed = caller.hasRole("program-admin") ? Uni.createFrom().voidItem()
                : participants.me().chain(me -> Panache.withSession(() -> participants.partnership(me, partnershipId))).replaceWithVoid();
        return allowed.chain(() -> Panache.withSession(() -> PartnershipHealth.<PartnershipHealth>find("tenant = ?1 and partnershipId = ?2",
                caller.tenant(), partnershipId).<PartnershipHealth>firstResult())).map(h -> {
                    if (h == null) {
                        throw ProblemException.notFound("health of partnership", partnershipId);
                    }
                    return view(h);
                });
    }

    public Uni<Page<FeedbackViews.HealthView>> ofTenant(String state, PageRequest page) {
        if (state != null && !List.of("HEALTHY", "NEEDS_ATTENTION", "AT_RISK").contains(state)) {
            throw ProblemException.badRequest("state", "must be HEALTHY, NEEDS_ATTENTION or AT_RISK");
        }
        UUID after = page.afterId();
        List<Object> params = new java.util.ArrayList<>(List.of(caller.tenant()));
        StringBuilder query = new StringBuilder("tenant = ?1");
        if (state != null) {
            params.add(state);
            query.append(" and state = ?").append(params.size());
        }
        if (after != null) {
            params.add(after);
            query.append(" and partnershipId > ?").append(params.size());
        }
        return Panache.withSession(() -> PartnershipHealth.<PartnershipHealth>find(query + " order by partnershipId", params.toArray())
                .range(0, page.limit()).list())
                .map(rows -> page.page(rows, h -> h.partnershipId.toString(), this::view));
    }
}
