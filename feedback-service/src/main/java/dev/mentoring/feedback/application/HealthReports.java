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
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
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

    private static final String ADMIN_ROLE = "program-admin";

    private static final List<String> STATES = Stream.of(HealthRules.State.values()).map(Enum::name).toList();

    private final Participants participants;
    private final Caller caller;
    private final ObjectMapper json;
    private final PartnershipHealthRepository healths;
    private final PartnershipCopyRepository partnerships;
    private final ProgramAdmins admins;

    HealthReports(Participants participants, Caller caller, ObjectMapper json, PartnershipHealthRepository healths,
            PartnershipCopyRepository partnerships, ProgramAdmins admins) {
        this.admins = admins;
        this.participants = participants;
        this.caller = caller;
        this.json = json;
        this.healths = healths;
        this.partnerships = partnerships;
    }

    /**
     * The report as a program admin sees it (every pitfall), or as one of the partnership's two people do: without the
     * pitfalls found in concerns raised in confidence, with the score and state they leave.
     */
    private Report report(PartnershipHealth h, boolean admin) {
        List<HealthRules.Finding> findings = findingsOf(json, h);
        return admin ? new Report(h.partnershipId, h.score, h.state, findings, h.computedAt)
                : new Report(h.partnershipId, h.sharedScoreOrScore(), h.sharedStateOrState(),
                        findings.stream().filter(f -> !f.pitfall().confidential()).toList(), h.computedAt);
    }

    /** The findings stored with the health (every one, the confidential among them). */
    static List<HealthRules.Finding> findingsOf(ObjectMapper json, PartnershipHealth h) {
        try {
            return json.readValue(h.pitfalls, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The partnership's health; 404 for a partnership the caller is not one of the two of (the tenant-wide program admins
     * see all, a program's admins those of their programs). A program admin who is one of the two sees it as the two do.
     */
    @WithSession
    public Uni<Report> of(UUID partnershipId) {
        String tenant = caller.tenant();
        Uni<Boolean> adminView = caller.hasRole(ADMIN_ROLE)
                ? participants.meIfAny().chain(me -> me == null ? Uni.createFrom().item(true)
                        : partnerships.inTenant(tenant, partnershipId).map(p -> p == null || !Participants.isOneOf(p, me)))
                : admins.scope().chain(scope -> partnerships.inTenant(tenant, partnershipId).chain(p -> participants.meIfAny()
                        .chain(me -> p != null && scope.runs(p) && !Participants.isOneOf(p, me) ? Uni.createFrom().item(true)
                                : participants.me().chain(person -> participants.partnership(person, partnershipId)).replaceWith(false))));
        return adminView.chain(asAdmin -> healths.ofPartnership(tenant, partnershipId).map(h -> {
            if (h == null) {
                throw ProblemException.notFound("health of partnership", partnershipId);
            }
            return report(h, asAdmin);
        }));
    }

    /**
     * One page of partnerships' health, in a state (any when null), by partnership id: a program admin's is the tenant's
     * (even one who also takes part in partnerships: their own as the two people see it), a mentor's or mentee's that of
     * their own partnerships. With a program: that program's partnerships, for its admins (404 for anyone else).
     */
    @WithSession
    public Uni<Page<Report>> list(String state, UUID programId, PageRequest page) {
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.badRequest("state", "must be HEALTHY, NEEDS_ATTENTION or AT_RISK");
        }
        UUID after = page.afterId();
        String tenant = caller.tenant();
        if (programId != null) {
            return admins.scope(ADMIN_ROLE).invoke(scope -> {
                if (!scope.runs(programId)) {
                    throw ProblemException.notFound("program", programId);
                }
            }).chain(() -> ofAdmin(tenant, state, programId, after, page));
        }
        if (!caller.hasRole(ADMIN_ROLE)) {
            return participants.me().chain(me -> healths.ofParticipant(me.tenant(), me.id(), state, after, page.limit() + 1))
                    .map(found -> page.page(found, h -> h.partnershipId.toString(), h -> report(h, false)));
        }
        return ofAdmin(tenant, state, null, after, page);
    }

    /** A page as a program admin sees it: every pitfall, but for the admin's own partnerships, seen as their two people see them. */
    private Uni<Page<Report>> ofAdmin(String tenant, String state, UUID programId, UUID after, PageRequest page) {
        return participants.meIfAny()
                .chain(me -> me == null ? Uni.createFrom().item(List.<UUID>of()) : partnerships.idsOf(tenant, me.id()))
                .chain(own -> healths.ofTenant(tenant, state, own, programId, after, page.limit() + 1)
                        .map(found -> page.page(found, h -> h.partnershipId.toString(), h -> report(h, !own.contains(h.partnershipId)))));
    }
}
