package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.api.FeedbackViews;
import dev.mentoring.feedback.events.FeedbackEvents;
import dev.mentoring.feedback.persistence.Evaluation;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Formal evaluations: planned when a partnership starts (a check-in after three months, then formal ones
 * every six or twelve months, the tenant's setting, for two years, and one more each time the last planned
 * one opens), a closing one when it ends. Each is open
 * for 14 days from its date: {@code evaluation.due} when it opens, {@code evaluation.overdue} when it
 * closes unanswered, {@code evaluation.completed} when both have answered. The job is safe on several
 * instances (rows claimed with FOR UPDATE SKIP LOCKED, changed in the same transaction as the events).
 */
@ApplicationScoped
public class Evaluations {

    static final int OPEN_DAYS = 14;

    private final Settings settings;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final Participants participants;
    private final Health health;

    Evaluations(Settings settings, Outbox outbox, ObjectMapper json, Clock clock, Participants participants, Health health) {
        this.health = health;
        this.settings = settings;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.participants = participants;
    }

    private static Evaluation evaluation(PartnershipCopy p, String kind, LocalDate opensOn, String state) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.tenant = p.tenant;
        e.partnershipId = p.id;
        e.kind = kind;
        e.opensOn = opensOn;
        e.closesOn = opensOn.plusDays(OPEN_DAYS);
        e.state = state;
        return e;
    }

    /** Within the current transaction: the plan for a partnership that starts. */
    Uni<Void> plan(PartnershipCopy p) {
        return settings.of(p.tenant).chain(view -> {
            LocalDate start = p.startedAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            List<Evaluation> planned = new ArrayList<>();
            planned.add(evaluation(p, "CHECK_IN", start.plusMonths(3), "PLANNED"));
            for (int months = view.evaluationIntervalMonths(); months <= 24; months += view.evaluationIntervalMonths()) {
                planned.add(evaluation(p, "FORMAL", start.plusMonths(months), "PLANNED"));
            }
            return Evaluation.persist(planned);
        });
    }

    /** Within the current transaction: a partnership ended; the planned ones go, the closing one opens now. */
    Uni<Void> close(PartnershipCopy p) {
        Evaluation closing = evaluation(p, "CLOSING", LocalDate.now(clock), "OPEN");
        return Evaluation.update("state = 'CANCELLED' where partnershipId = ?1 and state in ('PLANNED', 'OPEN')", p.id)
                .chain(() -> closing.persist())
                .chain(() -> outbox.append(event(closing, FeedbackEvents.EVALUATION_DUE, null))).replaceWithVoid();
    }

    private DomainEvent event(Evaluation e, String type, Double relationshipQuality) {
        return FeedbackEvents.of(e.tenant, e.partnershipId, type, "evaluations/" + e.id, new FeedbackEvents.EvaluationChanged(
                e.id, e.partnershipId, e.kind, e.opensOn, e.closesOn, e.state, relationshipQuality, OffsetDateTime.now(clock)));
    }

    @Scheduled(identity = "evaluations", every = "${mentoring.feedback.evaluation-interval:1h}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return publishDue().replaceWithVoid();
    }

    /**
     * One pass: opens what is due, marks what closed unanswered (one transaction), then assesses the health of
     * the partnerships with a missed evaluation again, each in a transaction of its own (the rows of the pass
     * are not held while partnerships are locked); answers how many evaluations changed.
     */
    public Uni<Integer> publishDue() {
        LocalDate today = LocalDate.now(clock);
        return Panache.withTransaction(() -> claim("update evaluation set state = 'OPEN' where id in (select id from evaluation where state = 'PLANNED' "
                + "and opens_on <= ?1 order by opens_on limit 500 for update skip locked) returning id", today)
                .chain(opened -> claim("update evaluation set state = 'OVERDUE' where id in (select id from evaluation "
                        + "where state = 'OPEN' and closes_on < ?1 order by closes_on limit 500 for update skip locked) returning id", today)
                        .chain(overdue -> events(opened, FeedbackEvents.EVALUATION_DUE)
                                .chain(() -> planNext(opened))
                                .chain(() -> events(overdue, FeedbackEvents.EVALUATION_OVERDUE))
                                .chain(() -> overdue.isEmpty() ? Uni.createFrom().item(List.<UUID>of())
                                        : Evaluation.<Evaluation>list("id in ?1", overdue)
                                                .map(list -> list.stream().map(e -> e.partnershipId).distinct().toList()))
                                .map(missed -> new Pass(opened.size() + overdue.size(), missed)))))
                .chain(pass -> {
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (UUID partnership : pass.missed()) {
                        done = done.chain(() -> Panache.withTransaction(() -> health.recompute(partnership)));
                    }
                    return done.replaceWith(pass.changed());
                });
    }

    private record Pass(int changed, List<UUID> missed) {
    }

    /**
     * Within the pass's transaction: a running partnership whose last planned formal evaluation just opened
     * gets the next one, an interval later, so that evaluations go on for as long as the partnership does.
     */
    private Uni<Void> planNext(List<UUID> opened) {
        if (opened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Evaluation.<Evaluation>list("id in ?1 and kind = 'FORMAL'", opened).chain(formal -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (UUID partnership : formal.stream().map(e -> e.partnershipId).distinct().sorted().toList()) {
                done = done.chain(() -> Evaluation.<Evaluation>list("partnershipId = ?1 and kind = 'FORMAL' and state <> 'CANCELLED' "
                        + "order by opensOn desc", partnership).chain(all -> {
                            Evaluation latest = all.get(0);
                            if (all.stream().anyMatch(e -> "PLANNED".equals(e.state))) {
                                return Uni.createFrom().voidItem();
                            }
                            return PartnershipCopy.<PartnershipCopy>findById(partnership).chain(p -> p == null || p.endedAt != null
                                    ? Uni.createFrom().voidItem()
                                    : settings.of(p.tenant).chain(view -> evaluation(p, "FORMAL",
                                            latest.opensOn.plusMonths(view.evaluationIntervalMonths()), "PLANNED").persist().replaceWithVoid()));
                        }));
            }
            return done;
        });
    }

    private static Uni<List<UUID>> claim(String sql, LocalDate today) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, UUID.class).setParameter(1, today).getResultList());
    }

    private Uni<Void> events(List<UUID> ids, String type) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Evaluation.<Evaluation>list("id in ?1 order by opensOn, id", ids)
                .chain(list -> outbox.appendAll(list.stream().map(e -> event(e, type, null)).toList()));
    }

    public Uni<List<FeedbackViews.EvaluationView>> ofPartnership(UUID partnershipId) {
        return participants.me().chain(me -> Panache.withSession(() -> participants.partnership(me, partnershipId)
                .chain(p -> Evaluation.<Evaluation>list("partnershipId = ?1 and state <> 'CANCELLED' order by opensOn", p.id))
                .chain(list -> answeredBy(list, me).map(mine -> list.stream()
                        .map(e -> new FeedbackViews.EvaluationView(e.id, e.kind, e.opensOn, e.closesOn, e.state, mine.contains(e.id)))
                        .toList()))));
    }

    private static Uni<Set<UUID>> answeredBy(List<Evaluation> list, UUID me) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select evaluation_id from evaluation_answer where author_id = ?1 and evaluation_id = any(cast(?2 as uuid[]))", UUID.class)
                .setParameter(1, me).setParameter(2, list.stream().map(e -> e.id).toArray(UUID[]::new)).getResultList())
                .map(ids -> ids.stream().collect(Collectors.toSet()));
    }

    public Uni<FeedbackViews.EvaluationView> answer(UUID partnershipId, UUID evaluationId, FeedbackViews.EvaluationAnswer in) {
        return participants.me().chain(me -> Panache.withTransaction(() -> participants.partnershipForUpdate(me, partnershipId).chain(p ->
                Evaluation.<Evaluation>find("id = ?1 and partnershipId = ?2", evaluationId, p.id).firstResult().chain(e -> {
                    if (e == null) {
                        throw ProblemException.notFound("evaluation", evaluationId);
                    }
                    if (!"OPEN".equals(e.state) && !"OVERDUE".equals(e.state)) {
                        throw new ProblemException(409, "Conflict", "The evaluation is " + e.state + "; only open or overdue ones are answered");
                    }
                    return Goal.<Goal>list("partnershipId = ?1 and inForce = true", p.id).chain(goals -> {
                        Set<UUID> known = goals.stream().map(g -> g.goalId).collect(Collectors.toSet());
                        List<FeedbackViews.GoalProgress> progress = in.goals() == null ? List.of() : in.goals();
                        Set<UUID> answered = new java.util.HashSet<>();
                        for (int i = 0; i < progress.size(); i++) {
                            if (!known.contains(progress.get(i).goalId())) {
                                throw ProblemException.unprocessable("goals[" + i + "].goalId", "is not a goal of the agreement in force");
                            }
                            if (!answered.add(progress.get(i).goalId())) {
                                throw ProblemException.unprocessable("goals[" + i + "].goalId", "is answered twice");
                            }
                        }
                        if (!answered.equals(known)) {
                            throw ProblemException.unprocessable("goals", "needs one entry for each of the agreement's "
                                    + known.size() + " goals; missing: " + known.stream().filter(g -> !answered.contains(g)).toList());
                        }
                        String role = me.equals(p.mentorId) ? "MENTOR" : "MENTEE";
                        String goalsJson;
                        try {
                            goalsJson = json.writeValueAsString(progress);
                        } catch (JsonProcessingException ex) {
                            throw new IllegalStateException(ex);
                        }
                        return insertAnswer(e, me, role, in, goalsJson, OffsetDateTime.now(clock)).chain(() -> completeIfBoth(e, p))
                                .chain(() -> health.recompute(p.id));
                    }).chain(health -> Uni.createFrom().item(new FeedbackViews.EvaluationView(e.id, e.kind, e.opensOn, e.closesOn, e.state, true)));
                }))));
    }

    private static Uni<Void> insertAnswer(Evaluation e, UUID me, String role, FeedbackViews.EvaluationAnswer in, String goals,
            OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into evaluation_answer (evaluation_id, author_id, author_role, relationship_quality, recommend, went_well,
                                               was_hard, goals, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9) on conflict do nothing""")
                .setParameter(1, e.id).setParameter(2, me).setParameter(3, role).setParameter(4, in.relationshipQuality())
                .setParameter(5, in.recommend()).setParameter(6, in.wentWell()).setParameter(7, in.wasHard()).setParameter(8, goals)
                .setParameter(9, now).executeUpdate()).map(inserted -> {
                    if (inserted == 0) {
                        throw new ProblemException(409, "Conflict", "You have answered this evaluation already");
                    }
                    return null;
                });
    }

    private Uni<Void> completeIfBoth(Evaluation e, PartnershipCopy p) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*), avg(relationship_quality) from evaluation_answer where evaluation_id = ?1", Object[].class)
                .setParameter(1, e.id).getSingleResult()).chain(row -> {
                    if (((Number) row[0]).intValue() < 2) {
                        return Uni.createFrom().voidItem();
                    }
                    e.state = "COMPLETED";
                    e.completedAt = OffsetDateTime.now(clock);
                    return outbox.append(event(e, FeedbackEvents.EVALUATION_COMPLETED, ((Number) row[1]).doubleValue())).replaceWithVoid();
                });
    }
}
