package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.events.FeedbackEvents;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.PartnershipHealth;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Computes a partnership's health from its copy, sessions, feedback, evaluations and goals, stores it, and
 * publishes {@code partnership.health-changed} only when the state changes. Recomputed in the transaction
 * of every relevant event and daily for every active partnership (time passing is a change too); the
 * partnership's row is locked for the computation, so concurrent recomputations publish a change once.
 */
@ApplicationScoped
public class Health {

    private final Settings settings;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    Health(Settings settings, Outbox outbox, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Within the current transaction. */
    public Uni<Void> recompute(UUID partnershipId) {
        return PartnershipCopy.<PartnershipCopy>findById(partnershipId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null || p.menteeId == null || p.startedAt == null || !("ACTIVE".equals(p.state) || "PAUSED".equals(p.state))) {
                return Uni.createFrom().voidItem();
            }
            return settings.of(p.tenant).chain(view -> snapshot(p, view.thresholds()).chain(snapshot -> {
                HealthRules.Result result = HealthRules.assess(snapshot, view.thresholds());
                return store(p, result);
            }));
        });
    }

    private Uni<HealthRules.Snapshot> snapshot(PartnershipCopy p, HealthRules.Thresholds t) {
        Instant now = clock.instant();
        OffsetDateTime lookback = now.atOffset(ZoneOffset.UTC).minusDays(t.lookbackDays());
        OffsetDateTime feedbackGrace = now.atOffset(ZoneOffset.UTC).minusDays(2);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select
                  (select max(ends_at) from session_copy where partnership_id = ?1 and state = 'COMPLETED'),
                  (select count(*) from session_copy where partnership_id = ?1 and starts_at > ?2
                     and ((state = 'CANCELLED' and cancelled_late) or state = 'NO_SHOW')),
                  (select coalesce(string_agg(cast(f.communication as text), ','), '') from session_feedback f
                     where f.session_id in (select id from session_copy where partnership_id = ?1 and state = 'COMPLETED'
                                            order by ends_at desc limit ?3)),
                  (select count(*) from (select s.id from session_copy s where s.partnership_id = ?1 and s.state = 'COMPLETED'
                                           and s.ends_at < ?4 order by s.ends_at desc limit ?3) r
                     where not exists (select 1 from session_feedback f where f.session_id = r.id)),
                  (select count(*) from evaluation where partnership_id = ?1 and state = 'OVERDUE'),
                  (select min(a.relationship_quality) from evaluation_answer a where a.evaluation_id =
                     (select e.id from evaluation e join evaluation_answer l on l.evaluation_id = e.id
                       where e.partnership_id = ?1 order by l.created_at desc limit 1))""", Object[].class)
                .setParameter(1, p.id).setParameter(2, lookback).setParameter(3, t.recentSessions()).setParameter(4, feedbackGrace)
                .getSingleResult())
                .chain(row -> Goal.<Goal>list("partnershipId = ?1 and inForce = true", p.id).map(goals -> {
                    String ratings = (String) row[2];
                    List<Integer> communication = ratings == null || ratings.isEmpty() ? List.of()
                            : java.util.Arrays.stream(ratings.split(",")).map(Integer::valueOf).toList();
                    return new HealthRules.Snapshot(now, p.startedAt.toInstant(), p.agreementVersion != null, goals.size(),
                            "PAUSED".equals(p.state) ? null : HealthRules.cadenceDays(p.cadence), row[0] == null ? null : ((OffsetDateTime) row[0]).toInstant(),
                            ((Number) row[1]).intValue(), communication, ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                            goals.stream().map(g -> new HealthRules.Goal(g.dueDate, g.progressPercent, g.achievedAt != null)).toList(),
                            row[5] == null ? null : ((Number) row[5]).intValue());
                }));
    }

    private Uni<Void> store(PartnershipCopy p, HealthRules.Result result) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return PartnershipHealth.<PartnershipHealth>findById(p.id).chain(existing -> {
            PartnershipHealth health = existing != null ? existing : new PartnershipHealth();
            String previous = existing == null ? null : existing.state;
            health.partnershipId = p.id;
            health.tenant = p.tenant;
            health.score = result.score();
            health.state = result.state().name();
            try {
                health.pitfalls = json.writeValueAsString(result.pitfalls());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            health.computedAt = now;
            Uni<Void> saved = health.persist().replaceWithVoid();
            if (result.state().name().equals(previous)) {
                return saved;
            }
            return saved.chain(() -> outbox.append(FeedbackEvents.of(p.tenant, p.id, FeedbackEvents.HEALTH_CHANGED,
                    "partnerships/" + p.id, new FeedbackEvents.HealthChanged(p.id, previous, result.state().name(), result.score(),
                            result.pitfalls().stream().map(f -> f.pitfall().name()).toList(), now))).replaceWithVoid());
        });
    }

    @Scheduled(identity = "partnership-health", every = "${mentoring.feedback.health-interval:24h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return recomputeActive().replaceWithVoid();
    }

    /** Recomputes every active or paused partnership, each in its own transaction; answers how many. */
    public Uni<Integer> recomputeActive() {
        return Panache.withSession(() -> PartnershipCopy.<PartnershipCopy>list("state in ('ACTIVE', 'PAUSED') and startedAt is not null"))
                .chain(all -> {
                    Uni<Integer> done = Uni.createFrom().item(0);
                    for (PartnershipCopy p : all) {
                        done = done.chain(count -> Panache.withTransaction(() -> recompute(p.id))
                                .onFailure().invoke(e -> Log.warnf("health of %s not recomputed: %s", p.id, e.getMessage()))
                                .onFailure().recoverWithNull()
                                .replaceWith(count + 1));
                    }
                    return done;
                });
    }
}
