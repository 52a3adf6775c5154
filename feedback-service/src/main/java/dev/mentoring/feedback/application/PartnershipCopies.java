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

    /** agreement.activated: a newer agreement is in force, with its cadence and goals. */
    @WithTransaction
    public Uni<Void> agreementActivated(ReceivedEvent event, AgreementEvents.Activated data) {
        return copies.apply(ReadModelConsumer.NAME, event, "partnership", data.partnershipId(), partnerships.findById(data.partnershipId()),
                PartnershipCopy::new,
                copy -> copy.agreementVersion != null && copy.agreementVersion >= data.version(),
                copy -> {
                    copy.agreementVersion = data.version();
                    copy.cadence = data.cadence();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    List<AgreementEvents.GoalSummary> inForce = data.goals() == null ? List.of() : data.goals();
                    return partnerships.persistAndFlush(copy)
                            .chain(() -> goals.retireAll(copy.id))
                            .chain(() -> putInForce(copy, inForce))
                            .chain(() -> assessments.recompute(copy.id));
                });
    }

    /** The agreement's goals, in force: new ones added, known ones brought up to date (their progress kept). */
    private Uni<Void> putInForce(PartnershipCopy copy, List<AgreementEvents.GoalSummary> inForce) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (AgreementEvents.GoalSummary g : inForce) {
            done = done.chain(() -> goals.findById(g.goalId()).chain(existing -> {
                if (existing != null && !existing.partnershipId.equals(copy.id)) {
                    return Uni.createFrom().failure(new IllegalArgumentException("goal " + g.goalId() + " belongs to another partnership"));
                }
                Goal goal = existing != null ? existing : new Goal();
                goal.goalId = g.goalId();
                goal.partnershipId = copy.id;
                goal.tenant = copy.tenant;
                goal.title = g.title();
                goal.dueDate = g.dueDate();
                goal.inForce = true;
                return goals.persist(goal).replaceWithVoid();
            }));
        }
        return done;
    }
}
