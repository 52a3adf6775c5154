package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.feedback.domain.FeedbackAskRules;
import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.events.FeedbackPublisher;
import dev.mentoring.feedback.persistence.ConcernRepository;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.GoalRepository;
import dev.mentoring.feedback.persistence.HealthEvidenceRepository;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.feedback.persistence.PartnershipHealth;
import dev.mentoring.feedback.persistence.PartnershipHealthRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Assesses a partnership's health ({@link HealthRules}) from its copy, sessions, feedback, evaluations and goals,
 * stores it, and publishes {@code partnership.health-changed} only when the state changes. Assessed in the
 * transaction of every relevant change; the partnership's row is locked for it, so concurrent assessments publish
 * a change once.
 */
@ApplicationScoped
public class HealthAssessments {

    /** How long after a session its people have to give feedback before it counts as missing. */
    private static final int FEEDBACK_GRACE_DAYS = 2;

    private final Settings settings;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final PartnershipCopyRepository partnerships;
    private final GoalRepository goals;
    private final HealthEvidenceRepository evidence;
    private final PartnershipHealthRepository healths;
    private final ConcernRepository concerns;

    HealthAssessments(Settings settings, Outbox outbox, ObjectMapper json, Clock clock, PartnershipCopyRepository partnerships,
            GoalRepository goals, HealthEvidenceRepository evidence, PartnershipHealthRepository healths, ConcernRepository concerns) {
        this.settings = settings;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.partnerships = partnerships;
        this.goals = goals;
        this.evidence = evidence;
        this.healths = healths;
        this.concerns = concerns;
    }

    /**
     * Within the caller's transaction, a concern was closed: a running partnership is assessed again; one that is over
     * keeps its last health, less the confidential pitfalls no open concern backs any more (it is not assessed again).
     */
    public Uni<Void> concernClosed(UUID partnershipId) {
        return partnerships.locked(partnershipId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().voidItem();
            }
            if (assessed(p)) {
                return recompute(partnershipId);
            }
            return healths.findById(partnershipId).chain(h -> h == null ? Uni.createFrom().voidItem()
                    : concerns.openCategories(partnershipId).chain(open -> settings.of(p).chain(inForce -> {
                        List<HealthRules.Finding> kept = HealthReports.findingsOf(json, h).stream()
                                .filter(f -> !f.pitfall().confidential() || open.contains(f.pitfall().name())).toList();
                        HealthRules.Result result = HealthRules.scored(kept, inForce.thresholds());
                        return store(p, result, result.shared(inForce.thresholds()));
                    })));
        });
    }


    /** Assesses the partnership again: within the caller's transaction, or in one of its own. Only running ones are. */
    @WithTransaction
    public Uni<Void> recompute(UUID partnershipId) {
        return partnerships.locked(partnershipId).chain(p -> {
            if (p == null || p.menteeId == null || p.startedAt == null || !assessed(p)) {
                return Uni.createFrom().voidItem();
            }
            return settings.of(p).chain(inForce -> snapshot(p, inForce.thresholds())
                    .chain(snapshot -> {
                        HealthRules.Result result = HealthRules.assess(snapshot, inForce.thresholds());
                        return store(p, result, result.shared(inForce.thresholds()));
                    }));
        });
    }

    /** Whether the partnership's health is assessed: while it runs (active or paused). */
    private static boolean assessed(PartnershipCopy p) {
        return PartnershipEvents.ACTIVE.equals(p.state) || PartnershipEvents.PAUSED_STATE.equals(p.state);
    }

    /** The running partnerships of every tenant (started, active or paused), to assess each again. */
    @WithSession
    public Uni<List<UUID>> running() {
        return partnerships.running().map(all -> all.stream().map(p -> p.id).toList());
    }

    private Uni<HealthRules.Snapshot> snapshot(PartnershipCopy p, HealthRules.Thresholds t) {
        Instant now = clock.instant();
        OffsetDateTime lookback = now.atOffset(ZoneOffset.UTC).minusDays(t.lookbackDays());
        OffsetDateTime feedbackGrace = now.atOffset(ZoneOffset.UTC).minusDays(FEEDBACK_GRACE_DAYS);
        OffsetDateTime askCutoff = now.atOffset(ZoneOffset.UTC).minus(FeedbackAskRules.UNANSWERED_AFTER);
        return evidence.of(p.id, lookback, t.recentSessions(), feedbackGrace, askCutoff, now.atOffset(ZoneOffset.UTC)).chain(found -> goals.inForce(p.id).map(inForce ->
                new HealthRules.Snapshot(now, p.startedAt.toInstant(), p.agreementVersion != null, inForce.size(),
                        PartnershipEvents.PAUSED_STATE.equals(p.state) ? null : HealthRules.cadenceDays(p.cadence),
                        found.lastCompletedSession() == null ? null : found.lastCompletedSession().toInstant(),
                        found.lateCancellationsOrNoShows(), found.recentCommunicationRatings(), found.recentSessionsWithoutFeedback(),
                        found.overdueEvaluations(), inForce.stream().map(HealthAssessments::goal).toList(),
                        found.lowestRelationshipQuality(), found.unansweredAsks(), found.personalityClashConcerns(),
                        found.confidentialityConcerns())));
    }

    private static HealthRules.Goal goal(Goal g) {
        return new HealthRules.Goal(g.dueDate, g.progressPercent, g.achievedAt != null);
    }

    /** Stores the health as the program admins see it ({@code result}) and as the two people do ({@code shared}). */
    private Uni<Void> store(PartnershipCopy p, HealthRules.Result result, HealthRules.Result shared) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return healths.findById(p.id).chain(existing -> {
            PartnershipHealth health = existing != null ? existing : new PartnershipHealth();
            String previous = existing == null ? null : existing.state;
            health.partnershipId = p.id;
            health.tenant = p.tenant;
            health.score = result.score();
            health.state = result.state().name();
            health.sharedScore = shared.score();
            health.sharedState = shared.state().name();
            try {
                health.pitfalls = json.writeValueAsString(result.pitfalls());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            health.computedAt = now;
            Uni<Void> saved = healths.persist(health).replaceWithVoid();
            if (health.state.equals(previous)) {
                return saved;
            }
            return saved.chain(() -> outbox.append(FeedbackPublisher.healthChanged(health, previous,
                    result.pitfalls().stream().map(f -> f.pitfall().name()).toList()))).replaceWithVoid();
        });
    }
}
