package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.domain.EvaluationRules;
import dev.mentoring.feedback.events.FeedbackPublisher;
import dev.mentoring.feedback.persistence.Evaluation;
import dev.mentoring.feedback.persistence.EvaluationAnswerRepository;
import dev.mentoring.feedback.persistence.EvaluationRepository;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.GoalRepository;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Formal evaluations ({@link EvaluationRules}): planned when a partnership starts (a check-in after three months,
 * then formal ones every six or twelve months, the tenant's setting, for two years, and one more each time the last
 * planned one opens), a closing one when it ends. Each is open for 14 days from its date: {@code evaluation.due}
 * when it opens, {@code evaluation.overdue} when it closes unanswered, {@code evaluation.completed} when both have
 * answered.
 */
@ApplicationScoped
public class Evaluations {

    /** Progress on one goal of the agreement in force, as an answer gives it (stored as given). */
    public record GoalProgress(UUID goalId, int progressPercent, String status) {
    }

    /** One person's answer to an evaluation; the words (what went well, what was hard) are never published. */
    public record Answer(List<GoalProgress> goals, int relationshipQuality, int recommend, String wentWell, String wasHard) {
    }

    /** An evaluation as one of the partnership's people sees it: whether they answered it. */
    public record Seen(Evaluation evaluation, boolean answeredByMe) {
    }

    /** One pass of the job: how many evaluations changed, and the partnerships that missed one. */
    public record Pass(int changed, List<UUID> missed) {
    }

    private final Settings settings;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final Participants participants;
    private final HealthAssessments assessments;
    private final EvaluationRepository evaluations;
    private final EvaluationAnswerRepository answers;
    private final GoalRepository goals;
    private final PartnershipCopyRepository partnerships;
    private final FeedbackAsks asks;

    Evaluations(Settings settings, Outbox outbox, ObjectMapper json, Clock clock, Participants participants, HealthAssessments assessments,
            EvaluationRepository evaluations, EvaluationAnswerRepository answers, GoalRepository goals,
            PartnershipCopyRepository partnerships, FeedbackAsks asks) {
        this.settings = settings;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.participants = participants;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.answers = answers;
        this.goals = goals;
        this.partnerships = partnerships;
        this.asks = asks;
    }

    private static Evaluation evaluation(PartnershipCopy p, EvaluationRules.Planned planned, String state) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.tenant = p.tenant;
        e.partnershipId = p.id;
        e.kind = planned.kind();
        e.opensOn = planned.opensOn();
        e.closesOn = EvaluationRules.closesOn(planned.opensOn());
        e.state = state;
        return e;
    }

    /** Within the current transaction: the plan for a partnership that starts. */
    Uni<Void> plan(PartnershipCopy p) {
        return settings.of(p).chain(inForce -> {
            LocalDate start = p.startedAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            return evaluations.persist(EvaluationRules.planFrom(start, inForce.evaluationIntervalMonths()).stream()
                    .map(planned -> evaluation(p, planned, EvaluationRules.PLANNED)));
        });
    }

    /** Within the current transaction: a partnership ended; the planned and open ones go, the closing one opens now. */
    Uni<Void> close(PartnershipCopy p) {
        Evaluation closing = evaluation(p, new EvaluationRules.Planned(EvaluationRules.CLOSING, LocalDate.now(clock)), EvaluationRules.OPEN);
        return evaluations.cancelPending(p.id)
                .chain(() -> evaluations.persist(closing))
                .chain(() -> outbox.append(FeedbackPublisher.due(closing, OffsetDateTime.now(clock)))).replaceWithVoid();
    }

    /**
     * One pass of the job, in one transaction: opens what is due, marks what closed unanswered (rows claimed with FOR
     * UPDATE SKIP LOCKED, so that instances running it at once share the work), plans the next formal evaluation
     * where the last planned one opened, and publishes each change.
     */
    @WithTransaction
    public Uni<Pass> openAndCloseDue(LocalDate today) {
        return evaluations.openDue(today).chain(opened -> evaluations.markOverdue(today).chain(overdue ->
                publish(opened, FeedbackPublisher::due)
                        .chain(() -> planNext(opened))
                        .chain(() -> publish(overdue, FeedbackPublisher::overdue))
                        .chain(() -> overdue.isEmpty() ? Uni.createFrom().item(List.<UUID>of())
                                : evaluations.byIds(overdue).map(list -> list.stream().map(e -> e.partnershipId).distinct().toList()))
                        .map(missed -> new Pass(opened.size() + overdue.size(), missed))));
    }

    /**
     * Within the pass's transaction: a running partnership whose last planned formal evaluation just opened
     * gets the next one, an interval later, so that evaluations go on for as long as the partnership does.
     */
    private Uni<Void> planNext(List<UUID> opened) {
        if (opened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return evaluations.formalAmong(opened).chain(formal -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (UUID partnership : formal.stream().map(e -> e.partnershipId).distinct().sorted().toList()) {
                done = done.chain(() -> evaluations.formalOf(partnership).chain(all -> {
                    Evaluation latest = all.get(0);
                    if (all.stream().anyMatch(e -> EvaluationRules.PLANNED.equals(e.state))) {
                        return Uni.createFrom().voidItem();
                    }
                    return partnerships.findById(partnership).chain(p -> p == null || p.endedAt != null
                            ? Uni.createFrom().voidItem()
                            : settings.of(p).chain(inForce -> evaluations.persist(evaluation(p,
                                    EvaluationRules.nextAfter(latest.opensOn, inForce.evaluationIntervalMonths()), EvaluationRules.PLANNED))
                                    .replaceWithVoid()));
                }));
            }
            return done;
        });
    }

    private Uni<Void> publish(List<UUID> ids, BiFunction<Evaluation, OffsetDateTime, DomainEvent> event) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return evaluations.byIds(ids).chain(list -> outbox.appendAll(list.stream().map(e -> event.apply(e, now)).toList()));
    }

    /** A page of the caller's partnership's evaluations (not the cancelled ones), by date, with whether the caller answered each. */
    @WithSession
    public Uni<Page<Seen>> ofPartnership(UUID partnershipId, PageRequest page) {
        EvaluationKey after = page.afterKey(2, key -> new EvaluationKey(LocalDate.parse(key[0]), UUID.fromString(key[1])));
        return participants.me().chain(me -> participants.partnership(me, partnershipId)
                .chain(p -> evaluations.ofPartnership(p.id, after == null ? null : after.opensOn(), after == null ? null : after.id(),
                        page.limit()))
                .chain(rows -> answers.answeredBy(me.id(), rows.stream().map(e -> e.id).toList())
                        .map(mine -> page.page(rows, e -> PageRequest.key(e.opensOn, e.id), e -> new Seen(e, mine.contains(e.id))))));
    }

    /** Where a page of evaluations starts: after this date and id. */
    private record EvaluationKey(LocalDate opensOn, UUID id) {
    }

    /** The caller answers an open or overdue evaluation of their partnership, once; both answers complete it. */
    @WithTransaction
    public Uni<Seen> answer(UUID partnershipId, UUID evaluationId, Answer in) {
        return participants.me().chain(me -> participants.partnershipForUpdate(me, partnershipId).chain(p ->
                evaluations.inPartnership(p.id, evaluationId).chain(e -> {
                    if (e == null) {
                        throw ProblemException.notFound("evaluation", evaluationId);
                    }
                    EvaluationRules.checkAnswerable(e.state);
                    List<GoalProgress> progress = in.goals() == null ? List.of() : in.goals();
                    return goals.inForce(p.id).chain(inForce -> {
                        EvaluationRules.checkProgressOnEachGoal(inForce.stream().map(g -> g.goalId).toList(),
                                progress.stream().map(GoalProgress::goalId).toList());
                        EvaluationAnswerRepository.Answer answer = new EvaluationAnswerRepository.Answer(e.id, me.id(), Participants.roleIn(p, me),
                                in.relationshipQuality(), in.recommend(), in.wentWell(), in.wasHard(), goalsJson(progress),
                                OffsetDateTime.now(clock));
                        return answers.add(answer)
                                .invoke(added -> EvaluationRules.checkFirstAnswer(!added))
                                .chain(() -> completeIfBoth(e))
                                .chain(() -> asks.answeredBy(p.id, me.id(), null)) // it answers their open ask on the partnership
                                .chain(() -> assessments.recompute(p.id));
                    }).map(ignored -> new Seen(e, true));
                })));
    }

    private String goalsJson(List<GoalProgress> progress) {
        try {
            return json.writeValueAsString(progress);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Uni<Void> completeIfBoth(Evaluation e) {
        return answers.tally(e.id).chain(tally -> {
            if (!EvaluationRules.completedBy(tally.answers())) {
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            e.state = EvaluationRules.COMPLETED;
            e.completedAt = now;
            return outbox.append(FeedbackPublisher.completed(e, tally.averageRelationshipQuality(), now)).replaceWithVoid();
        });
    }
}
