package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.GoalRepository;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.plumbing.inbox.NotYetKnown;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * feedback-service's copies of partnerships (their people, state, start and end) with the goals of the agreement in
 * force, from matching-service's events: each event once, never an older state over a newer one. A partnership's
 * start plans its evaluations, its end opens the closing one; every change assesses its health again in the same
 * transaction.
 */
@ApplicationScoped
public class PartnershipCopies {

    private final ReadModelCopies copies;
    private final PartnershipCopyRepository partnerships;
    private final GoalRepository goals;
    private final Evaluations evaluations;
    private final HealthAssessments assessments;
    private final Clock clock;

    PartnershipCopies(ReadModelCopies copies, PartnershipCopyRepository partnerships, GoalRepository goals, Evaluations evaluations,
            HealthAssessments assessments, Clock clock) {
        this.copies = copies;
        this.partnerships = partnerships;
        this.goals = goals;
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** partnership.started, paused, resumed, completed or ended: the copy takes the people and the state. */
    @WithTransaction
    public Uni<Void> changed(ReceivedEvent event, PartnershipEvents.PartnershipChanged data) {
        return copies.apply(ReadModelConsumer.NAME, event, "partnership", data.partnershipId(), partnerships.findById(data.partnershipId()),
                PartnershipCopy::new,
                copy -> copy.stateAt != null && data.at() != null && data.at().isBefore(copy.stateAt),
                copy -> {
                    boolean starts = copy.startedAt == null && PartnershipEvents.ACTIVE.equals(data.state());
                    boolean ends = copy.endedAt == null && data.ended();
                    copy.menteeId = data.menteeId();
                    copy.mentorId = data.mentorId();
                    copy.state = data.state();
                    copy.stateAt = data.at();
                    if (data.cadence() != null) {
                        copy.cadence = data.cadence();
                    }
                    if (data.programId() != null) {
                        copy.programId = data.programId();
                    }
                    if (starts) {
                        copy.startedAt = data.at();
                    }
                    if (ends) {
                        copy.endedAt = data.at();
                    }
                    copy.updatedAt = OffsetDateTime.now(clock);
                    Uni<Void> saved = partnerships.persistAndFlush(copy).replaceWithVoid();
                    if (starts) {
                        saved = saved.chain(() -> evaluations.plan(copy));
                    }
                    if (ends) {
                        saved = saved.chain(() -> evaluations.close(copy));
                    }
                    return saved.chain(() -> assessments.recompute(copy.id));
                });
    }

    /** agreement.in-force: a newer agreement is in force, with its cadence and goals (their words come on their own). */
    @WithTransaction
    public Uni<Void> agreementInForce(ReceivedEvent event, AgreementEvents.InForce data) {
        return copies.apply(ReadModelConsumer.NAME, event, "partnership", data.partnershipId(), partnerships.locked(data.partnershipId()),
                PartnershipCopy::new,
                copy -> copy.agreementVersion != null && copy.agreementVersion >= data.version(),
                copy -> inForce(copy, data));
    }

    /**
     * agreement.goal-texts (internal topic): the words of a version's goals, from a newer version only. They come on
     * another topic than the partnership's events, so they wait (tried again) until the partnership is known here; both
     * lock the partnership's copy, so the two topics' handlers never write its goals at once. The words may still come
     * before their version's agreement.in-force: a goal not known yet is kept with its words, not in force, until its
     * agreement.in-force puts it in force.
     */
    @WithTransaction
    public Uni<Void> goalTexts(ReceivedEvent event, AgreementEvents.GoalTexts data) {
        return copies.apply(ReadModelConsumer.NAME, event, "partnership", data.partnershipId(), partnerships.locked(data.partnershipId()),
                () -> {
                    throw new NotYetKnown("partnership " + data.partnershipId());
                },
                copy -> copy.keepsWordsOver(data.version()),
                copy -> words(copy, data));
    }

    /** agreement.activated, which agreement.in-force and agreement.goal-texts replaced, as it is already on the topic. */
    @WithTransaction
    public Uni<Void> agreementActivated(ReceivedEvent event, AgreementEvents.Activated data) {
        AgreementEvents.GoalTexts texts = AgreementEvents.GoalTexts.of(data);
        return copies.apply(ReadModelConsumer.NAME, event, "partnership", data.partnershipId(), partnerships.locked(data.partnershipId()),
                PartnershipCopy::new,
                copy -> copy.agreementVersion != null && copy.agreementVersion >= data.version(),
                copy -> inForce(copy, AgreementEvents.InForce.of(data))
                        .chain(() -> copy.keepsWordsOver(texts.version()) ? Uni.createFrom().voidItem() : words(copy, texts)));
    }

    private Uni<Void> inForce(PartnershipCopy copy, AgreementEvents.InForce data) {
        copy.agreementVersion = data.version();
        copy.cadence = data.cadence();
        copy.updatedAt = OffsetDateTime.now(clock);
        List<AgreementEvents.GoalInForce> inForce = data.goals() == null ? List.of() : data.goals();
        return partnerships.persistAndFlush(copy)
                .chain(() -> goals.retireAll(copy.id))
                .chain(() -> each(inForce, g -> goal(copy, g.goalId(), goal -> {
                    goal.dueDate = g.dueDate();
                    goal.inForce = true;
                })))
                .chain(() -> assessments.recompute(copy.id));
    }

    private Uni<Void> words(PartnershipCopy copy, AgreementEvents.GoalTexts data) {
        copy.goalWordsVersion = data.version();
        copy.updatedAt = OffsetDateTime.now(clock);
        List<AgreementEvents.GoalText> texts = data.goals() == null ? List.of() : data.goals();
        return partnerships.persistAndFlush(copy)
                .chain(() -> each(texts, g -> goal(copy, g.goalId(), goal -> goal.title = g.title())));
    }

    private static <T> Uni<Void> each(List<T> items, java.util.function.Function<T, Uni<Void>> step) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (T item : items) {
            done = done.chain(() -> step.apply(item));
        }
        return done;
    }

    /** The partnership's goal (made when new, not in force), changed and saved. */
    private Uni<Void> goal(PartnershipCopy copy, java.util.UUID goalId, java.util.function.Consumer<Goal> change) {
        return goals.findById(goalId).chain(existing -> {
            if (existing != null && !existing.partnershipId.equals(copy.id)) {
                return Uni.createFrom().failure(new IllegalArgumentException("goal " + goalId + " belongs to another partnership"));
            }
            Goal goal = existing;
            if (goal == null) {
                goal = new Goal();
                goal.goalId = goalId;
                goal.partnershipId = copy.id;
                goal.tenant = copy.tenant;
            }
            change.accept(goal);
            return goals.persist(goal).replaceWithVoid();
        });
    }
}
