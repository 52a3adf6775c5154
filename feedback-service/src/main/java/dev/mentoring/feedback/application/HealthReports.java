package dev.mentoring.feedback.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.persistence.PartnershipHealth;
import dev.mentoring.feedback.persistence.PartnershipHealthRepository;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Reading the partnerships' health: its two people see their partnerships', program admins all of their tenant's. The two
 * people never see the pitfalls found in concerns raised in confidence, nor the score and state those cost.
 */
@ApplicationScoped
public class HealthReports {

    /** A partnership's last assessed health: score, state and the pitfalls found. */
    public record Report(UUID partnershipId, int score, String state, List<HealthRules.Finding> pitfalls, OffsetDateTime computedAt) {
    }

    private static final List<String> STATES = Stream.of(HealthRules.State.values()).map(Enum::name).toList();

    private final Participants participants;
    private final Caller caller;
    private final ObjectMapper json;
    private final PartnershipHealthRepository healths;

    HealthReports(Participants participants, Caller caller, ObjectMapper json, PartnershipHealthRepository healths) {
        this.participants = participants;
        this.caller = caller;
        this.json = json;
        this.healths = healths;
    }

    /**
     * The report as a program admin sees it (every pitfall), or as one of the partnership's two people do: without the
     * pitfalls found in concerns raised in confidence, with the score and state they leave.
     */
    private Report report(PartnershipHealth h, boolean admin) {
        try {
            List<HealthRules.Finding> findings = json.readValue(h.pitfalls, new TypeReference<>() {
            });
            return admin ? new Report(h.partnershipId, h.score, h.state, findings, h.computedAt)
                    : new Report(h.partnershipId, h.sharedScore, h.sharedState,
                            findings.stream().filter(f -> !f.pitfall().confidential()).toList(), h.computedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partnership's health; 404 for a partnership the caller is not one of the two of (admins see all). */
    @WithSession
    public Uni<Report> of(UUID partnershipId) {
        String tenant = caller.tenant();
        boolean admin = caller.hasRole("program-admin");
        Uni<Void> allowed = admin ? Uni.createFrom().voidItem()
                : participants.me().chain(me -> participants.partnership(me, partnershipId)).replaceWithVoid();
        return allowed.chain(() -> healths.ofPartnership(tenant, partnershipId)).map(h -> {
            if (h == null) {
                throw ProblemException.notFound("health of partnership", partnershipId);
            }
            return report(h, admin);
        });
    }

    /**
     * One page of partnerships' health, in a state (any when null), by partnership id: a program admin's is the tenant's
     * (even one who also takes part in partnerships), a mentor's or mentee's that of their own partnerships.
     */
    @WithSession
    public Uni<Page<Report>> list(String state, PageRequest page) {
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.badRequest("state", "must be HEALTHY, NEEDS_ATTENTION or AT_RISK");
        }
        UUID after = page.afterId();
        boolean admin = caller.hasRole("program-admin");
        Uni<List<PartnershipHealth>> rows = admin
                ? healths.ofTenant(caller.tenant(), state, after, page.limit() + 1)
                : participants.me().chain(me -> healths.ofParticipant(me.tenant(), me.id(), state, after, page.limit() + 1));
        return rows.map(found -> page.page(found, h -> h.partnershipId.toString(), h -> report(h, admin)));
    }
}
