package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.events.ConsumedEvents;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.GoalCheckIn;
import dev.mentoring.feedback.persistence.ParticipantCopy;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.SessionCopy;
import dev.mentoring.feedback.persistence.SessionFeedback;
import dev.mentoring.plumbing.inbox.Inbox;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * feedback-service's copies of participants, partnerships (with the goals of the agreement in force) and
 * sessions: each event once (inbox), never an older version over a newer one. A partnership's start plans
 * its evaluations, its end opens the closing one; every change recomputes the partnership's health in the
 * same transaction.
 */
@ApplicationScoped
public class ReadModels {

    static final String CONSUMER = "feedback-service";

    private final Inbox inbox;
    private final Evaluations evaluations;
    private final Health health;
    private final Clock clock;

    ReadModels(Inbox inbox, Evaluations evaluations, Health health, Clock clock) {
        this.inbox = inbox;
        this.evaluations = evaluations;
        this.health = health;
        this.clock = clock;
    }

    private Uni<Boolean> first(ReceivedEvent event) {
        return inbox.firstDelivery(CONSUMER, event.id());
    }

    @WithTransaction
    public Uni<Void> participant(ReceivedEvent event, ConsumedEvents.ParticipantUpdated data) {
        return first(event).chain(first -> !first ? Uni.createFrom().voidItem()
                : ParticipantCopy.<ParticipantCopy>findById(data.participantId()).chain(existing -> {
                    if (existing != null && !existing.tenant.equals(event.tenant())) {
                        return anotherTenants("participant");
                    }
                    if (existing != null && existing.version >= data.version()) {
                        return Uni.createFrom().voidItem();
                    }
                    ParticipantCopy copy = existing != null ? existing : new ParticipantCopy();
                    copy.id = data.participantId();
                    copy.tenant = event.tenant();
                    copy.employeeId = data.employeeId();
                    copy.version = data.version();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return copy.persist().replaceWithVoid();
                }));
    }

    /**
     * The right to be forgotten: the copy keeps only the id (so that nothing recreates the person), and every
     * text the person wrote goes (feedback comments, check-in notes, evaluation answers' words); ratings stay
     * for the aggregates, which never name anyone.
     */
    @WithTransaction
    public Uni<Void> erase(ReceivedEvent event, ConsumedEvents.ParticipantErased data) {
        return first(event).chain(first -> !first ? Uni.createFrom().voidItem()
                : ParticipantCopy.<ParticipantCopy>findById(data.participantId()).chain(existing -> {
                    if (existing != null && !existing.tenant.equals(event.tenant())) {
                        return anotherTenants("participant");
                    }
                    ParticipantCopy copy = existing != null ? existing : new ParticipantCopy();
                    copy.id = data.participantId();
                    copy.tenant = event.tenant();
                    copy.employeeId = "erased";
                    copy.version = Long.MAX_VALUE;
                    copy.updatedAt = OffsetDateTime.now(clock);
                    UUID who = data.participantId();
                    return copy.persist()
                            .chain(() -> SessionFeedback.update("comment = null where authorId = ?1 and tenant = ?2", who, event.tenant()))
                            .chain(() -> GoalCheckIn.update("note = null where authorId = ?1 and tenant = ?2", who, event.tenant()))
                            .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                    "update evaluation_answer set went_well = null, was_hard = null where author_id = ?1"
                                            + " and evaluation_id in (select id from evaluation where tenant = ?2)")
                                    .setParameter(1, who).setParameter(2, event.tenant()).executeUpdate()))
                            .replaceWithVoid();
                }));
    }

    /** An event naming a record of another tenant: never applied; the dead-letter topic gets it with this reason. */
    private static Uni<Void> anotherTenants(String what) {
        return Uni.createFrom().failure(new IllegalArgumentException(what + " of another tenant"));
    }

    private static Uni<PartnershipCopy> partnershipCopy(String tenant, UUID id) {
        return PartnershipCopy.<PartnershipCopy>findById(id).map(existing -> {
            if (existing != null) {
                return existing;
            }
            PartnershipCopy copy = new PartnershipCopy();
            copy.id = id;
            copy.tenant = tenant;
            return copy;
        });
    }

    @WithTransaction
    public Uni<Void> partnership(ReceivedEvent event, ConsumedEvents.PartnershipChanged data) {
        if (data.unusable() != null) {
            return Uni.createFrom().failure(new IllegalArgumentException(data.unusable()));
        }
        return first(event).chain(first -> !first ? Uni.createFrom().voidItem()
                : partnershipCopy(event.tenant(), data.partnershipId()).chain(copy -> {
                    if (!copy.tenant.equals(event.tenant())) {
                        return anotherTenants("partnership");
                    }
                    if (copy.stateAt != null && data.at() != null && data.at().isBefore(copy.stateAt)) {
                        return Uni.createFrom().voidItem();
                    }
                    boolean starts = copy.startedAt == null && "ACTIVE".equals(data.state());
                    boolean ends = copy.endedAt == null && ("COMPLETED".equals(data.state()) || "ENDED_EARLY".equals(data.state()));
                    copy.menteeId = data.menteeId();
                    copy.mentorId = data.mentorId();
                    copy.state = data.state();
                    copy.stateAt = data.at();
                    if (data.cadence() != null) {
                        copy.cadence = data.cadence();
                    }
                    if (starts) {
                        copy.startedAt = data.at();
                    }
                    if (ends) {
                        copy.endedAt = data.at();
                    }
                    copy.updatedAt = OffsetDateTime.now(clock);
                    Uni<Void> saved = copy.persistAndFlush().replaceWithVoid();
                    if (starts) {
                        saved = saved.chain(() -> evaluations.plan(copy));
                    }
                    if (ends) {
                        saved = saved.chain(() -> evaluations.close(copy));
                    }
                    return saved.chain(() -> health.recompute(copy.id));
                }));
    }

    @WithTransaction
    public Uni<Void> agreement(ReceivedEvent event, ConsumedEvents.AgreementActivated data) {
        return first(event).chain(first -> !first ? Uni.createFrom().voidItem()
                : partnershipCopy(event.tenant(), data.partnershipId()).chain(copy -> {
                    if (!copy.tenant.equals(event.tenant())) {
                        return anotherTenants("partnership");
                    }
                    if (copy.agreementVersion != null && copy.agreementVersion >= data.version()) {
                        return Uni.createFrom().voidItem();
                    }
                    copy.agreementVersion = data.version();
                    copy.cadence = data.cadence();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    List<ConsumedEvents.AgreementGoal> goals = data.goals() == null ? List.of() : data.goals();
                    return copy.persistAndFlush()
                            .chain(() -> Goal.update("inForce = false where partnershipId = ?1", copy.id))
                            .chain(() -> upsertGoals(copy, goals))
                            .chain(() -> health.recompute(copy.id));
                }));
    }

    private Uni<Void> upsertGoals(PartnershipCopy copy, List<ConsumedEvents.AgreementGoal> goals) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (ConsumedEvents.AgreementGoal g : goals) {
            done = done.chain(() -> Goal.<Goal>findById(g.goalId()).chain(existing -> {
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
                return goal.persist().replaceWithVoid();
            }));
        }
        return done;
    }

    @WithTransaction
    public Uni<Void> session(ReceivedEvent event, ConsumedEvents.SessionChanged data) {
        return first(event).chain(first -> !first ? Uni.createFrom().voidItem()
                : SessionCopy.<SessionCopy>findById(data.sessionId()).chain(existing -> PartnershipCopy.<PartnershipCopy>findById(
                        data.partnershipId()).chain(partnership -> {
                    if ((existing != null && (!existing.tenant.equals(event.tenant()) || !existing.partnershipId.equals(data.partnershipId())))
                            || (partnership != null && !partnership.tenant.equals(event.tenant()))) {
                        return anotherTenants("session or partnership");
                    }
                    if (existing != null && existing.sequence > data.sequence()) {
                        return Uni.createFrom().voidItem();
                    }
                    SessionCopy copy = existing != null ? existing : new SessionCopy();
                    copy.id = data.sessionId();
                    copy.tenant = event.tenant();
                    copy.partnershipId = data.partnershipId();
                    copy.startsAt = data.startsAt();
                    copy.endsAt = data.endsAt();
                    copy.state = data.state();
                    copy.attendance = data.attendance();
                    copy.cancelledLate = data.cancelledLate();
                    copy.sequence = data.sequence();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return copy.persistAndFlush().chain(() -> health.recompute(data.partnershipId()));
                })));
    }
}
